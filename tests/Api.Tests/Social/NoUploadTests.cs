using System.Net;
using System.Net.Http.Headers;
using GraphQL.Types;
using Sora.Api.Schema;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Sora.Api.Tests.Infrastructure;

namespace Sora.Api.Tests.Social;

/// <summary>Generated, never uploaded: nothing in the schema or on any route takes recorded media.</summary>
public sealed class NoUploadTests(SoraTestServer server) : IClassFixture<SoraTestServer>
{
    /// <summary>The one route that will take media: the in-app cameo capture (cameo issue), stored privately.</summary>
    private static bool IsCameoCapture(string route) => route.StartsWith("/cameo", StringComparison.OrdinalIgnoreCase);

    private static readonly string[] ScalarsWithoutMedia = ["String", "Int", "Float", "Boolean", "ID", "Long", "DateTimeOffset"];
    private static readonly string[] MediaWords = ["upload", "file", "bytes", "blob", "base64", "image", "photo", "recording", "frames", "audio"];

    [Fact]
    public void The_schema_has_no_way_to_send_media()
    {
        var schema = server.Services.GetRequiredService<SoraSchema>();
        schema.Initialize();

        var scalars = schema.AllTypes.OfType<ScalarGraphType>().Where(t => t is not EnumerationGraphType && !t.Name.StartsWith("__", StringComparison.Ordinal)).Select(t => t.Name).ToList();
        Assert.All(scalars, name => Assert.Contains(name, ScalarsWithoutMedia));

        var inputNames = new List<(string Path, string Name)>();
        foreach (var type in schema.AllTypes.Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            if (type is IInputObjectGraphType input)
                inputNames.AddRange(input.Fields.Select(f => ($"{type.Name}.{f.Name}", f.Name)));
            if (type is IComplexGraphType complex and not IInputObjectGraphType)
                foreach (var field in complex.Fields)
                    inputNames.AddRange((field.Arguments ?? []).Select(a => ($"{type.Name}.{field.Name}({a.Name})", a.Name)));
        }
        Assert.Contains(("Mutation.createVideo(input)", "input"), inputNames);
        Assert.All(inputNames, input => Assert.DoesNotContain(MediaWords, word => input.Name.Contains(word, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task No_route_but_the_cameo_capture_accepts_media()
    {
        var routes = server.Services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct()
            .ToList();
        Assert.Contains("/graphql", routes);

        var fakeVideo = new byte[64 * 1024];
        new Random(7).NextBytes(fakeVideo);
        "\0\0\0\x18ftypmp42"u8.ToArray().CopyTo(fakeVideo, 0);
        using var http = new HttpClient();
        foreach (var route in routes.Where(r => !IsCameoCapture(r)))
        {
            var path = route.Replace("{**path}", "upload").Replace("{*path}", "upload");
            path = System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", "upload");
            foreach (var method in new[] { HttpMethod.Post, HttpMethod.Put })
            {
                using var multipart = new MultipartFormDataContent { { new ByteArrayContent(fakeVideo) { Headers = { ContentType = new MediaTypeHeaderValue("video/mp4") } }, "file", "clip.mp4" } };
                using var raw = new ByteArrayContent(fakeVideo) { Headers = { ContentType = new MediaTypeHeaderValue("video/mp4") } };
                foreach (HttpContent body in new HttpContent[] { multipart, raw })
                {
                    using var request = new HttpRequestMessage(method, server.BaseUrl + path) { Content = body };
                    // The dashboard answers operators only: as one, it still takes no media.
                    if (path.StartsWith("/dashboard", StringComparison.Ordinal)) request.Headers.Authorization = new("Bearer", server.OperatorToken);
                    using var response = await http.SendAsync(request);
                    Assert.True(
                        response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.UnsupportedMediaType
                            or HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge,
                        $"{method} {path} with {body.Headers.ContentType} answered {(int)response.StatusCode}");
                }
            }
        }
    }
}
