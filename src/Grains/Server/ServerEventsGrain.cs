using Orleans.Streams;
using Sora.Abstractions;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Server;

namespace Sora.Grains.Server;

public sealed class ServerEventsGrain(
    [PersistentState("server-events", StorageNames.Default)] IPersistentState<ServerEventsState> state,
    TimeProvider clock) : Grain, IServerEventsGrain
{
    public const int MaxMessageLength = 500;

    public async Task<ServerEvent> PublishAsync(ServerEventKind kind, string message)
    {
        if (string.IsNullOrWhiteSpace(message) || message.Length > MaxMessageLength)
            throw DomainException.BadInput("message", $"message must be 1–{MaxMessageLength} characters");

        var serverEvent = state.State.Append(kind, message, clock.GetUtcNow());
        await state.WriteStateAsync();
        await this.GetStreamProvider(StreamNamespaces.Provider)
            .GetStream<ServerEvent>(ServerStreams.Events)
            .OnNextAsync(serverEvent);
        return serverEvent;
    }

    public Task<IReadOnlyList<ServerEvent>> RecentAsync(int max) =>
        Task.FromResult<IReadOnlyList<ServerEvent>>(state.State.Recent.TakeLast(Math.Clamp(max, 0, ServerEventsState.Retained)).ToList());
}
