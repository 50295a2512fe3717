using System.Security.Cryptography;
using System.Text;

namespace Sora.Abstractions.Generation;

public static class GenerationIds
{
    /// <summary>
    /// The job id for a client's mutation id: a retried <c>createVideo</c> with the same id lands on the same
    /// job instead of making a second one. Without a client id every call is a new job.
    /// </summary>
    public static Guid For(string ownerId, string? clientMutationId)
    {
        if (string.IsNullOrEmpty(clientMutationId)) return Guid.NewGuid();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"sora-generation\n{ownerId}\n{clientMutationId}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    /// <summary>The draft video a job produces has an id derived from the job, so finalizing twice makes one video.</summary>
    public static string VideoIdFor(Guid generationId) => VideoPrefix + generationId.ToString("N");

    /// <summary>
    /// The job a video of this id was made by, if a job made it: any id of <see cref="VideoIdFor"/>'s form gives one (ids
    /// of <see cref="Videos.VideoId.New"/> have that form too, and name a job no list holds); null for other ids.
    /// </summary>
    public static Guid? GenerationOf(string videoId) =>
        videoId.StartsWith(VideoPrefix, StringComparison.Ordinal) && Guid.TryParseExact(videoId.AsSpan(VideoPrefix.Length), "N", out var id) ? id : null;

    private const string VideoPrefix = "v_";
}
