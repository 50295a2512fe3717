using Sora.Abstractions.Generation;
using Sora.Grains.Tests.Infrastructure;

namespace Sora.Grains.Tests.Generation;

/// <summary>
/// Where and when jobs run on two silos with one CPU slot and one GPU each: placement, the per-user limit,
/// fairness between users, Onnx only on GPUs, and a job surviving the loss of its silo.
/// </summary>
public sealed class GenerationSchedulingTests : IAsyncLifetime
{
    private readonly SoraTestCluster _cluster = new();
    private readonly List<Guid> _held = [];
    private GenerationTestKit Kit => new(_cluster);

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public async Task DisposeAsync()
    {
        foreach (var id in _held) GenerationTestKit.Runner.Release(id);
        await _cluster.DisposeAsync();
    }

    private async Task<GenerationView> HoldAsync(string owner, EngineKind engine = EngineKind.World)
    {
        var view = await Kit.SubmitAsync(GenerationTestKit.Spec(owner, $"hold: {owner} {_held.Count}", engine));
        _held.Add(view.Id);
        return view;
    }

    private async Task<Dictionary<Guid, DeviceSlot>> RunningAsync()
    {
        var running = await Kit.Scheduler.RunningAsync();
        return running.ToDictionary(r => r.Value, r => DeviceSlot.Parse(r.Key));
    }

    private async Task WaitForRunningCountAsync(int expected)
    {
        for (var i = 0; i < 100 && (await RunningAsync()).Count != expected; i++) await Task.Delay(100);
        Assert.Equal(expected, (await RunningAsync()).Count);
    }

    [Fact]
    public async Task Each_worker_runs_on_the_silo_that_owns_its_device()
    {
        var jobs = new[] { await HoldAsync("u1"), await HoldAsync("u2"), await HoldAsync("u3"), await HoldAsync("u4") };
        await WaitForRunningCountAsync(4);

        var running = await RunningAsync();
        Assert.Equal(2, running.Values.Select(d => d.Silo).Distinct().Count());
        foreach (var device in running.Values)
        {
            var silo = await _cluster.Grains.GetGrain<IDeviceWorkerGrain>(device.Key).SiloAsync();
            Assert.Equal(device.Silo, silo);
        }
        foreach (var job in jobs)
            Assert.Equal(running[job.Id], (await Kit.Job(job.Id).GetAsync(job.Spec.OwnerId)).Device);
    }

    [Fact]
    public async Task A_user_runs_at_most_two_jobs_and_a_later_user_is_not_starved()
    {
        var ann = new List<GenerationView>();
        for (var i = 0; i < 5; i++) ann.Add(await HoldAsync("ann"));
        var bob = await HoldAsync("bob");
        await WaitForRunningCountAsync(3);

        var running = await RunningAsync();
        Assert.Equal(2, ann.Count(j => running.ContainsKey(j.Id)));
        Assert.Contains(bob.Id, running.Keys);

        // Ann's other three wait, in order, though a device is free: the limit is per user.
        var waiting = ann.Where(j => !running.ContainsKey(j.Id)).ToList();
        var positions = new List<int?>();
        foreach (var job in waiting) positions.Add((await Kit.Job(job.Id).GetAsync("ann")).QueuePosition);
        Assert.Equal([1, 2, 3], positions);

        // When one of Ann's jobs ends, her next one starts.
        var finished = ann.First(j => running.ContainsKey(j.Id));
        GenerationTestKit.Runner.Release(finished.Id);
        await Kit.WaitForAsync(finished.Id, "ann", v => v.Status == GenerationStatus.Ready);
        await Kit.WaitForAsync(waiting[0].Id, "ann", v => v.Status == GenerationStatus.Running);
        Assert.Equal(1, (await Kit.Job(waiting[1].Id).GetAsync("ann")).QueuePosition);
    }

    [Fact]
    public async Task Onnx_jobs_run_only_on_gpus_and_world_jobs_leave_gpus_to_them()
    {
        var world = await HoldAsync("wes");
        await WaitForRunningCountAsync(1);
        Assert.Equal(DeviceKind.Cpu, (await RunningAsync())[world.Id].Kind);

        var onnx = new[] { await HoldAsync("oli", EngineKind.Onnx), await HoldAsync("ola", EngineKind.Onnx), await HoldAsync("oma", EngineKind.Onnx) };
        await WaitForRunningCountAsync(3);
        var running = await RunningAsync();
        Assert.All(onnx.Where(j => running.ContainsKey(j.Id)), j => Assert.Equal(DeviceKind.Gpu, running[j.Id].Kind));
        var waiting = Assert.Single(onnx, j => !running.ContainsKey(j.Id));

        // One of the two CPU slots is free, yet the third Onnx job waits for a GPU.
        Assert.Single(running.Values, d => d.Kind == DeviceKind.Cpu);
        Assert.Equal(1, (await Kit.Job(waiting.Id).GetAsync(waiting.Spec.OwnerId)).QueuePosition);
    }

    [Fact]
    public async Task A_job_whose_silo_leaves_is_picked_up_on_the_other_silo_and_finishes_once()
    {
        var first = await HoldAsync("sam");
        var second = await HoldAsync("sue");
        await WaitForRunningCountAsync(2);
        var running = await RunningAsync();
        var secondary = _cluster.Cluster.SecondarySilos[0];
        var lost = new[] { first, second }.Single(j => running[j.Id].Silo == secondary.SiloAddress.ToParsableString());

        await _cluster.Cluster.StopSiloAsync(secondary);

        var resumed = await Kit.WaitForAsync(lost.Id, lost.Spec.OwnerId,
            v => v.Status == GenerationStatus.Running && v.Attempts == 2, seconds: 40);
        Assert.NotEqual(secondary.SiloAddress.ToParsableString(), resumed.Device!.Silo);
        // The owner reads why it restarted, not which node of the cluster it was on.
        var restarted = Assert.Single(await Kit.Job(lost.Id).HistoryAsync(lost.Spec.OwnerId),
            e => e.Kind == GenerationEventKind.Queued && e.Message is not null);
        Assert.Equal($"restarted: {Sora.Grains.Generation.GenerationGrain.NodeLeft}", restarted.Message);

        GenerationTestKit.Runner.Release(lost.Id);
        var ready = await Kit.WaitForAsync(lost.Id, lost.Spec.OwnerId, v => v.Status == GenerationStatus.Ready);
        Assert.Equal(GenerationIds.VideoIdFor(lost.Id), ready.VideoId);
        Assert.Equal(2, GenerationTestKit.Runner.Started.Keys.Count(k => k.Id == lost.Id));
    }
}
