using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Server;

namespace Sora.Abstractions.Tests;

public sealed class SerializationTests
{
    private readonly Serializer _serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public void A_domain_error_keeps_its_code_field_and_message_across_the_wire()
    {
        var original = DomainException.BadInput("prompt", "prompt must be 1–2000 characters");

        var copy = _serializer.Deserialize<Exception>(_serializer.SerializeToArray<Exception>(original));

        var domain = Assert.IsType<DomainException>(copy);
        Assert.Equal(ErrorCodes.BadUserInput, domain.Code);
        Assert.Equal("prompt", domain.Field);
        Assert.Equal(original.Message, domain.Message);
    }

    [Fact]
    public void A_server_event_round_trips_unchanged()
    {
        var original = new ServerEvent(7, ServerEventKind.SiloStarted, "silo up", new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
        Assert.Equal(original, _serializer.Deserialize<ServerEvent>(_serializer.SerializeToArray(original)));
    }
}
