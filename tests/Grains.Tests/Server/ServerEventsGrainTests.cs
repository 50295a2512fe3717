using Orleans.Streams;
using Sora.Abstractions;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Server;
using Sora.Grains.Tests.Infrastructure;

namespace Sora.Grains.Tests.Server;

public sealed class ServerEventsGrainTests(SoraTestCluster fixture) : IClassFixture<SoraTestCluster>
{
    private IServerEventsGrain Events => fixture.Grains.GetGrain<IServerEventsGrain>(IServerEventsGrain.Key);

    [Fact]
    public async Task Events_are_numbered_in_order_and_kept_across_deactivation()
    {
        var first = await Events.PublishAsync(ServerEventKind.Announcement, "one");
        var second = await Events.PublishAsync(ServerEventKind.Announcement, "two");
        Assert.Equal(first.Sequence + 1, second.Sequence);

        var management = fixture.Grains.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);

        var recent = await Events.RecentAsync(10);
        Assert.Equal(["one", "two"], recent.Where(e => e.Sequence >= first.Sequence).Select(e => e.Message));
        var third = await Events.PublishAsync(ServerEventKind.Announcement, "three");
        Assert.Equal(second.Sequence + 1, third.Sequence);
    }

    [Fact]
    public async Task Subscribers_of_the_stream_hear_each_event()
    {
        var heard = new TaskCompletionSource<ServerEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stream = fixture.Cluster.Client.GetStreamProvider(StreamNamespaces.Provider).GetStream<ServerEvent>(ServerStreams.Events);
        var handle = await stream.SubscribeAsync((e, _) =>
        {
            if (e.Message == "streamed") heard.TrySetResult(e);
            return Task.CompletedTask;
        });

        var published = await Events.PublishAsync(ServerEventKind.Announcement, "streamed");

        var received = await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(published, received);
        await handle.UnsubscribeAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_message_is_refused_and_nothing_is_recorded(string message)
    {
        var before = await Events.RecentAsync(100);

        var error = await Assert.ThrowsAsync<DomainException>(() => Events.PublishAsync(ServerEventKind.Announcement, message));

        Assert.Equal(ErrorCodes.BadUserInput, error.Code);
        Assert.Equal("message", error.Field);
        Assert.Equal(before, await Events.RecentAsync(100));
    }

    [Fact]
    public async Task An_overlong_message_is_refused()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() =>
            Events.PublishAsync(ServerEventKind.Announcement, new string('x', Grains.Server.ServerEventsGrain.MaxMessageLength + 1)));
        Assert.Equal(ErrorCodes.BadUserInput, error.Code);
    }
}
