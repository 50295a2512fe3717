using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sora.Inference.World.Sound;
using Sora.Media;

namespace Sora.Silo.Generation;

/// <summary>
/// Says at start when this silo cannot speak: without espeak-ng a World video whose prompt has a spoken line fails here
/// (its owner reads that the node has no speech engine), and the operator learns why before the first one does.
/// </summary>
public sealed partial class SpeechEngineReport(SoundSynthesisOptions sound, ILogger<SpeechEngineReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (ExecutableSearch.Locate(sound.EspeakProgram) is null) LogSpeechMissing(sound.EspeakProgram);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Program} was not found: World videos with spoken lines fail on this silo (install espeak-ng: ./sora serve does)")]
    private partial void LogSpeechMissing(string program);
}
