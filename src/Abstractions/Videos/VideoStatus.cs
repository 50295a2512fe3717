namespace Sora.Abstractions.Videos;

[GenerateSerializer, Alias("Sora.VideoStatus")]
public enum VideoStatus
{
    Draft = 0,
    Published = 1,
    Removed = 2,
}
