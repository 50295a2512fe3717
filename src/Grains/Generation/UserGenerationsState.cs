using Sora.Abstractions.Generation;

namespace Sora.Grains.Generation;

[GenerateSerializer, Alias("Sora.UserGenerationsState")]
public sealed class UserGenerationsState
{
    /// <summary>Newest first.</summary>
    [Id(0)] public List<UserGeneration> Generations { get; set; } = [];
}
