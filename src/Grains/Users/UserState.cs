using Sora.Abstractions.Feeds;
using Sora.Abstractions.Users;

namespace Sora.Grains.Users;

[GenerateSerializer, Alias("Sora.UserState")]
public sealed class UserState
{
    [Id(0)] public bool Registered { get; set; }
    [Id(1)] public string Handle { get; set; } = "";
    [Id(2)] public string DisplayName { get; set; } = "";
    [Id(3)] public string Bio { get; set; } = "";
    [Id(4)] public bool AllowRemixes { get; set; } = true;
    [Id(5)] public string PasswordHash { get; set; } = "";
    [Id(6)] public DateTimeOffset CreatedAt { get; set; }
    [Id(7)] public HashSet<UserId> Following { get; set; } = [];
    [Id(8)] public HashSet<UserId> Followers { get; set; } = [];
    [Id(9)] public HashSet<UserId> Blocks { get; set; } = [];
    [Id(10)] public HashSet<UserId> BlockedBy { get; set; } = [];

    /// <summary>Published videos, newest first.</summary>
    [Id(11)] public List<FeedItem> Videos { get; set; } = [];

    /// <summary>What the fan-in directory was last told of this person; null: not known (state from before this field).</summary>
    [Id(12)] public bool? ListedAsFanIn { get; set; }

    public bool HiddenFrom(UserId other) => Blocks.Contains(other) || BlockedBy.Contains(other);
}
