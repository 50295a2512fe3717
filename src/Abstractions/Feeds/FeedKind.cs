namespace Sora.Abstractions.Feeds;

[GenerateSerializer, Alias("Sora.FeedKind")]
public enum FeedKind
{
    ForYou = 0,
    Following = 1,
}
