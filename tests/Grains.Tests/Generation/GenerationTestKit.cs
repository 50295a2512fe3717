using Orleans.Streams;
using Sora.Abstractions;
using Sora.Abstractions.Generation;
using Sora.Grains.Tests.Infrastructure;

namespace Sora.Grains.Tests.Generation;

/// <summary>Submitting, watching and waiting on jobs in the test cluster.</summary>
internal sealed class GenerationTestKit(SoraTestCluster cluster)
{
    public static ScriptedRunner Runner => ScriptedRunner.Instance;

    public IGenerationGrain Job(Guid id) => cluster.Grains.GetGrain<IGenerationGrain>(id);
    public IGenerationSchedulerGrain Scheduler => cluster.Grains.GetGrain<IGenerationSchedulerGrain>(IGenerationSchedulerGrain.Key);

    public static GenerationSpec Spec(string owner, string prompt, EngineKind engine = EngineKind.World) =>
        new(owner, prompt, Seconds: 2, Width: 854, Height: 480, Seed: 7) { Engine = engine };

    public async Task<GenerationView> SubmitAsync(GenerationSpec spec, string? clientMutationId = null) =>
        await Job(GenerationIds.For(spec.OwnerId, clientMutationId)).SubmitAsync(spec);

    public async Task<GenerationView> WaitForAsync(Guid id, string owner, Func<GenerationView, bool> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var view = await Job(id).GetAsync(owner);
            if (condition(view)) return view;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"generation {id} stayed {view.Status} (attempt {view.Attempts})");
            await Task.Delay(100);
        }
    }

    public async Task<List<GenerationEvent>> RecordEventsAsync(Guid id, List<GenerationEvent> into)
    {
        var stream = cluster.Cluster.Client.GetStreamProvider(StreamNamespaces.Provider).GetStream<GenerationEvent>(GenerationStreams.Of(id));
        await stream.SubscribeAsync((e, _) => { lock (into) into.Add(e); return Task.CompletedTask; });
        return into;
    }
}
