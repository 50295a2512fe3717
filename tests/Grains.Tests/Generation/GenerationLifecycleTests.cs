using Sora.Abstractions.Errors;
using Sora.Abstractions.Generation;
using Sora.Abstractions.Videos;
using Sora.Grains.Tests.Infrastructure;

namespace Sora.Grains.Tests.Generation;

/// <summary>One job from submit to its end: events, idempotency, cancel, failure, validation.</summary>
public sealed class GenerationLifecycleTests : IAsyncLifetime
{
    private readonly SoraTestCluster _cluster = new();
    private GenerationTestKit Kit => new(_cluster);

    public Task InitializeAsync() => _cluster.InitializeAsync();
    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task A_job_runs_to_ready_and_its_stream_tells_every_step_in_order()
    {
        var id = GenerationIds.For("ann", "m1");
        var events = await Kit.RecordEventsAsync(id, []);

        var queued = await Kit.SubmitAsync(GenerationTestKit.Spec("ann", "a red ball bounces"), "m1");
        Assert.Equal(id, queued.Id);
        var ready = await Kit.WaitForAsync(id, "ann", v => v.Status == GenerationStatus.Ready);

        Assert.Equal(GenerationIds.VideoIdFor(id), ready.VideoId);
        Assert.Equal(1.0, ready.Progress);
        Assert.NotNull(ready.Device);
        Assert.NotNull(ready.StartedAt);
        Assert.True(ready.FinishedAt >= ready.StartedAt);

        await Task.Delay(300);
        List<GenerationEventKind> kinds;
        lock (events) kinds = events.Select(e => e.Kind).ToList();
        Assert.Equal(GenerationEventKind.Queued, kinds[0]);
        Assert.Equal(GenerationEventKind.Started, kinds[1]);
        Assert.Equal(GenerationEventKind.Completed, kinds[^1]);
        lock (events)
        {
            Assert.Equal([0, 1, 2], events.Where(e => e.Kind == GenerationEventKind.Chunk).Select(e => e.ChunkIndex!.Value));
            var fractions = events.Where(e => e.Kind == GenerationEventKind.Progress).Select(e => e.Fraction!.Value).ToList();
            Assert.Equal(fractions.Order(), fractions);
        }
    }

    [Fact]
    public async Task Retrying_with_the_same_client_mutation_id_does_not_make_a_second_job()
    {
        var spec = GenerationTestKit.Spec("bob", "a cat sits on a chair");
        var first = await Kit.SubmitAsync(spec, "retry-1");
        var again = await Kit.SubmitAsync(spec, "retry-1");
        Assert.Equal(first.Id, again.Id);

        await Kit.WaitForAsync(first.Id, "bob", v => v.Status == GenerationStatus.Ready);
        Assert.Single(GenerationTestKit.Runner.Started.Keys, k => k.Id == first.Id);

        var other = await Kit.SubmitAsync(spec, "retry-2");
        Assert.NotEqual(first.Id, other.Id);
    }

    [Fact]
    public async Task Cancel_stops_the_running_engine_frees_the_device_and_only_the_owner_may_cancel()
    {
        var view = await Kit.SubmitAsync(GenerationTestKit.Spec("cid", "hold: a dog runs"), "c1");
        await Kit.WaitForAsync(view.Id, "cid", v => v.Status == GenerationStatus.Running);

        var foreign = await Assert.ThrowsAsync<DomainException>(() => Kit.Job(view.Id).CancelAsync("mallory"));
        Assert.Equal(ErrorCodes.NotFound, foreign.Code);

        var cancelled = await Kit.Job(view.Id).CancelAsync("cid");
        Assert.Equal(GenerationStatus.Cancelled, cancelled.Status);
        await WaitUntilAsync(() => GenerationTestKit.Runner.Cancelled.ContainsKey((view.Id, 1)));
        await WaitUntilAsync(async () => !(await Kit.Scheduler.RunningAsync()).Values.Contains(view.Id));

        // Releasing the gate afterwards changes nothing: the job stays cancelled and makes no video.
        GenerationTestKit.Runner.Release(view.Id);
        await Task.Delay(300);
        var after = await Kit.Job(view.Id).GetAsync("cid");
        Assert.Equal(GenerationStatus.Cancelled, after.Status);
        Assert.Null(after.VideoId);
    }

    [Fact]
    public async Task The_runner_hears_that_a_job_ended_only_once_its_outcome_is_recorded()
    {
        var held = await Kit.SubmitAsync(GenerationTestKit.Spec("eve", "hold: a kite rises"));
        await Kit.WaitForAsync(held.Id, "eve", v => v.Status == GenerationStatus.Running);
        await Task.Delay(200);
        Assert.False(GenerationTestKit.Runner.Ended.ContainsKey((held.Id, 1)), "a running job has not ended");

        GenerationTestKit.Runner.Release(held.Id);
        await Kit.WaitForAsync(held.Id, "eve", v => v.Status == GenerationStatus.Ready);
        await WaitUntilAsync(() => GenerationTestKit.Runner.Ended.ContainsKey((held.Id, 1)));

        var failing = await Kit.SubmitAsync(GenerationTestKit.Spec("eve", "fail: a kite falls"));
        await Kit.WaitForAsync(failing.Id, "eve", v => v.Status == GenerationStatus.Failed);
        await WaitUntilAsync(() => GenerationTestKit.Runner.Ended.ContainsKey((failing.Id, 1)));
    }

    [Fact]
    public async Task An_engine_failure_fails_the_job_without_the_nodes_words_and_frees_the_device()
    {
        var view = await Kit.SubmitAsync(GenerationTestKit.Spec("dan", "fail: a vase falls"));
        var failed = await Kit.WaitForAsync(view.Id, "dan", v => v.Status.IsFinished());

        Assert.Equal(GenerationStatus.Failed, failed.Status);
        Assert.Equal("GENERATION_FAILED", failed.FailureCode);
        // The exception's own message is the operator's (it may name the node's files); the owner reads where it failed.
        Assert.Equal(Sora.Grains.Generation.DeviceWorkerGrain.UnexplainedFailure, failed.FailureMessage);
        // Its owner's list notes that no video came of it, so myDrafts does not look for one.
        var listed = await _cluster.Grains.GetGrain<IUserGenerationsGrain>("dan").ListAsync("dan", null, 10);
        Assert.False(listed.Generations.Single(g => g.Id == view.Id).VideoIsDraft);
        await WaitUntilAsync(async () => (await Kit.Scheduler.RunningAsync()).Count == 0);
    }

    [Fact]
    public async Task A_job_that_fails_after_an_attempt_made_its_video_leaves_that_draft_in_its_owners_list()
    {
        // The video exists but its job list never heard of it (it was made before the job was listed, as an attempt on
        // a silo of an older version would make it): the job's failure must not hide it from myDrafts.
        var world = new Social.SocialWorld(_cluster.Grains);
        var fay = await world.PersonAsync("fay");
        var id = GenerationIds.For(fay.Value, "m-made");
        await world.Video(new VideoId(GenerationIds.VideoIdFor(id))).CreateDraftAsync(new DraftSpec(fay, "a kite falls"));

        var view = await Kit.SubmitAsync(GenerationTestKit.Spec(fay.Value, "fail: a kite falls"), "m-made");
        await Kit.WaitForAsync(view.Id, fay.Value, v => v.Status == GenerationStatus.Failed);

        var listed = await _cluster.Grains.GetGrain<IUserGenerationsGrain>(fay.Value).ListAsync(fay.Value, null, 10);
        Assert.Null(Assert.Single(listed.Generations).VideoIsDraft);
    }

    [Theory]
    [InlineData("", 2, 854, 480, "prompt", ErrorCodes.BadUserInput)]
    [InlineData("   ", 2, 854, 480, "prompt", ErrorCodes.BadUserInput)]
    [InlineData("a bell\u0007 rings", 2, 854, 480, "prompt", ErrorCodes.BadUserInput)]
    [InlineData("a dog", 0.5, 854, 480, "seconds", ErrorCodes.BadUserInput)]
    [InlineData("a dog", 21, 854, 480, "seconds", ErrorCodes.BadUserInput)]
    [InlineData("a dog", 2, 100, 100, "size", ErrorCodes.BadUserInput)]
    [InlineData("a FORBIDDEN thing on a beach", 2, 854, 480, "prompt", ErrorCodes.PolicyViolation)]
    public async Task Bad_requests_are_refused_naming_the_field_and_leave_no_job(string prompt, double seconds, int width, int height, string field, string code)
    {
        var spec = new GenerationSpec("eve", prompt, seconds, width, height, 1);
        var id = GenerationIds.For("eve", "bad");
        var error = await Assert.ThrowsAsync<DomainException>(() => Kit.Job(id).SubmitAsync(spec));
        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);

        var missing = await Assert.ThrowsAsync<DomainException>(() => Kit.Job(id).GetAsync("eve"));
        Assert.Equal(ErrorCodes.NotFound, missing.Code);
    }

    [Fact]
    public async Task Prompts_longer_than_the_limit_and_cameos_without_consent_are_refused()
    {
        var tooLong = new GenerationSpec("fay", new string('a', 2001), 2, 854, 480, 1);
        Assert.Equal("prompt", (await Assert.ThrowsAsync<DomainException>(() => Kit.SubmitAsync(tooLong))).Field);

        var withCameo = GenerationTestKit.Spec("fay", "me on a beach") with { CameoIds = ["cameo-1"] };
        Assert.Equal(ErrorCodes.ConsentRequired, (await Assert.ThrowsAsync<DomainException>(() => Kit.SubmitAsync(withCameo))).Code);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        Assert.Fail("the condition never became true");
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));
}
