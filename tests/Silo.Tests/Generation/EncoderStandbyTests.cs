using Sora.Media.Encoding;
using Sora.Silo.Generation;

namespace Sora.Silo.Tests.Generation;

/// <summary>The encoder a silo starts ahead of its next job: used when the job's settings match, replaced when not.</summary>
public sealed class EncoderStandbyTests : IAsyncLifetime
{
    private static readonly Mp4EncodeSettings Small = new(320, 240, 24), Wide = new(640, 360, 24);
    private readonly string _scratch = Directory.CreateTempSubdirectory("sora-standby-").FullName;
    private EncoderStandby _standby = null!;

    public Task InitializeAsync()
    {
        _standby = new EncoderStandby(new MediaGenerationOptions { ScratchDirectory = _scratch });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _standby.DisposeAsync();
        Directory.Delete(_scratch, recursive: true);
    }

    [Fact]
    public async Task A_job_with_the_prepared_settings_gets_the_encoder_started_ahead_for_it()
    {
        _standby.Prepare(Small);
        var jobStarts = await AfterAMomentAsync();

        await using var encoder = _standby.Take(Small);

        Assert.True(encoder.StartedAt < jobStarts, "the job should get the encoder started before it");
        Assert.False(encoder.HasExited, "the prepared encoder waits for its job");
    }

    [Fact]
    public async Task A_job_with_other_settings_gets_an_encoder_of_its_own_and_the_prepared_one_is_dropped()
    {
        _standby.Prepare(Small);
        var jobStarts = await AfterAMomentAsync();

        await using var wide = _standby.Take(Wide);
        await using var small = _standby.Take(Small);

        Assert.Equal(Wide, wide.Settings);
        Assert.True(wide.StartedAt >= jobStarts);
        Assert.True(small.StartedAt >= jobStarts, "the encoder prepared for the other settings was given up for the wide job");
    }

    [Fact]
    public async Task An_encoder_prepared_again_for_the_same_settings_is_not_started_twice()
    {
        _standby.Prepare(Small);
        var jobStarts = await AfterAMomentAsync();
        _standby.Prepare(Small);

        await using var encoder = _standby.Take(Small);

        Assert.True(encoder.StartedAt < jobStarts);
    }

    private static async Task<DateTime> AfterAMomentAsync()
    {
        await Task.Delay(50);
        var now = DateTime.UtcNow;
        await Task.Delay(50);
        return now;
    }
}
