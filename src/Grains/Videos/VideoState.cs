using Sora.Abstractions.Users;
using Sora.Abstractions.Videos;

namespace Sora.Grains.Videos;

[GenerateSerializer, Alias("Sora.VideoState")]
public sealed class VideoState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public UserId Owner { get; set; }
    [Id(2)] public string Prompt { get; set; } = "";
    [Id(3)] public string? PlanRef { get; set; }
    [Id(4)] public VideoStatus Status { get; set; }
    [Id(5)] public string? RemovedReason { get; set; }
    [Id(6)] public string? Caption { get; set; }
    [Id(7)] public VideoId? RemixOf { get; set; }
    [Id(8)] public List<VideoId> Lineage { get; set; } = [];
    [Id(9)] public RemixCredit? Credit { get; set; }
    [Id(10)] public List<string> Cameos { get; set; } = [];
    [Id(11)] public VideoMedia? Media { get; set; }
    [Id(12)] public string? Provenance { get; set; }
    [Id(13)] public HashSet<UserId> Likes { get; set; } = [];
    [Id(14)] public List<Comment> Comments { get; set; } = [];
    [Id(15)] public long LastCommentId { get; set; }
    [Id(16)] public int Views { get; set; }
    /// <summary>Published remixes, oldest first.</summary>
    [Id(17)] public List<VideoId> Remixes { get; set; } = [];
    [Id(18)] public DateTimeOffset CreatedAt { get; set; }
    [Id(19)] public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>Counts the changes of <see cref="Status"/>, so its owner's job list can tell a late report from a newer one.</summary>
    [Id(20)] public int StatusVersion { get; set; }

    /// <summary>Whether the creator shared the prompt (it is then in the C2PA manifest, and shown to every viewer).</summary>
    [Id(21)] public bool SharePrompt { get; set; }
}
