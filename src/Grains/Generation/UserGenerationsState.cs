using Sora.Abstractions.Generation;

namespace Sora.Grains.Generation;

/// <summary>What <see cref="UserGenerationsGrain"/> stores: the person's jobs, one record rewritten with every new job.</summary>
[GenerateSerializer, Alias("Sora.UserGenerationsState")]
public sealed class UserGenerationsState
{
    /// <summary>Newest first.</summary>
    [Id(0)] public List<UserGeneration> Generations { get; set; } = [];
}
