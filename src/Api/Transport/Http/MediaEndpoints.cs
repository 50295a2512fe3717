using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Generation;
using Sora.Abstractions.Media;
using Sora.Abstractions.Users;
using Sora.Abstractions.Videos;
using Sora.Api.Auth;

namespace Sora.Api.Transport.Http;

/// <summary>
/// Serves generated media (GET and HEAD only; nothing is ever uploaded here): a generation's preview segments to its owner,
/// a video's file and poster to whoever may see the video. The credentials are the API's bearer token, in the
/// <c>Authorization</c> header or, for players that cannot set headers, the <c>access_token</c> query parameter.
/// Anything else, and anything the caller may not see, is a plain 404.
/// </summary>
internal static class MediaEndpoints
{
    public static void MapMedia(this IEndpointRouteBuilder endpoints)
    {
        // HEAD as well as GET (RFC 9110): players and caches ask for a file's size and type first.
        string[] reads = [HttpMethods.Get, HttpMethods.Head];
        endpoints.MapMethods(MediaKeys.UrlPrefix + "generations/{generation}/{attempt:int}/{file}", reads, ServeGenerationAsync);
        endpoints.MapMethods(MediaKeys.UrlPrefix + "videos/{file}", reads, ServeVideoAsync);
    }

    /// <summary>The files a generation attempt has: its init segment and its numbered fragments.</summary>
    private static bool IsSegmentName(string file) =>
        file == "init.mp4" || (file.Length is > 4 and <= 13 && file.EndsWith(".m4s", StringComparison.Ordinal) && file[..^4].All(char.IsAsciiDigit));

    private static async Task<IResult> ServeGenerationAsync(HttpContext context, string generation, int attempt, string file)
    {
        if (!Guid.TryParse(generation, out var id) || attempt < 1 || !IsSegmentName(file)) return Results.NotFound();
        if (Caller(context) is not { } caller) return Unauthorized();
        if (caller.User is not { } user) return Results.NotFound();
        try
        {
            await context.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IGenerationGrain>(id).GetAsync(user.Value);
        }
        catch (DomainException e) when (e.Code == ErrorCodes.NotFound)
        {
            return Results.NotFound();
        }
        var contentType = file == "init.mp4" ? "video/mp4" : "video/iso.segment";
        return await StreamAsync(context, MediaKeys.GenerationAttempt(id, attempt) + file, contentType, cacheable: true);
    }

    private static async Task<IResult> ServeVideoAsync(HttpContext context, string file)
    {
        var extension = Path.GetExtension(file);
        if (extension is not (".mp4" or ".jpg") || !VideoId.TryParse(Path.GetFileNameWithoutExtension(file), out var videoId))
            return Results.NotFound();
        if (Caller(context) is not { } caller) return Unauthorized();
        try
        {
            await context.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IVideoGrain>(videoId.Value).GetAsync(caller.User);
        }
        catch (DomainException e) when (e.Code == ErrorCodes.NotFound)
        {
            return Results.NotFound();
        }
        var key = extension == ".mp4" ? MediaKeys.Video(videoId.Value) : MediaKeys.Poster(videoId.Value);
        // Not cacheable by shared caches: a video can be unpublished or removed at any time.
        return await StreamAsync(context, key, extension == ".mp4" ? "video/mp4" : "image/jpeg", cacheable: false);
    }

    private static async Task<IResult> StreamAsync(HttpContext context, string key, string contentType, bool cacheable)
    {
        var stream = await context.RequestServices.GetRequiredService<IMediaStore>().OpenReadAsync(key, context.RequestAborted);
        if (stream is null) return Results.NotFound();
        context.Response.Headers.CacheControl = cacheable ? "private, max-age=3600, immutable" : "private, no-cache";
        return Results.Stream(stream, contentType, enableRangeProcessing: true);
    }

    private static RequestCaller? Caller(HttpContext context)
    {
        string? authorization = context.Request.Headers.Authorization;
        if (string.IsNullOrEmpty(authorization) && context.Request.Query["access_token"] is { Count: 1 } token)
            authorization = "Bearer " + token[0];
        var resolution = context.RequestServices.GetRequiredService<CallerResolver>().Resolve(authorization, context.Connection.RemoteIpAddress?.ToString());
        return resolution.Caller;
    }

    private static IResult Unauthorized() => Results.Text("The token is not valid or has expired\n", "text/plain", statusCode: StatusCodes.Status401Unauthorized);
}
