using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Sora.Abstractions.Generation;
using Sora.Media.Encoding;

namespace Sora.Silo.Generation;

/// <summary>
/// Which of this silo's GPUs encode their jobs' videos on NVENC, so that encoding takes no CPU from the engines. Each GPU
/// is tried once (<see cref="NvencProbe"/>); one that cannot (no NVIDIA driver, no NVENC unit as on the A100 and H100, an
/// ffmpeg without it) leaves its jobs to libx264, and the log says why.
/// </summary>
public sealed partial class GpuEncoders(MediaGenerationOptions options, ILogger<GpuEncoders> logger,
    Func<int, CancellationToken, Task<string?>>? probe = null)
{
    /// <summary>Longer than any working probe takes (a fraction of a second), short enough that no job waits long on one that hangs.</summary>
    private static readonly TimeSpan ProbeLimit = TimeSpan.FromSeconds(20);

    private readonly Func<int, CancellationToken, Task<string?>> _probe = probe ?? NvencProbe.WhyUnusableAsync;
    private readonly ConcurrentDictionary<int, Lazy<Task<bool>>> _usable = new();

    /// <summary><paramref name="settings"/> for a job on <paramref name="device"/>: on its NVENC if it is a GPU whose NVENC works.</summary>
    public async Task<Mp4EncodeSettings> ForAsync(Mp4EncodeSettings settings, DeviceSlot device, CancellationToken ct)
    {
        if (!options.UseNvenc || device.Kind != DeviceKind.Gpu) return settings;
        return await UsableAsync(device.Index).WaitAsync(ct) ? settings with { NvencGpu = device.Index } : settings;
    }

    /// <summary>
    /// Starts trying GPUs 0 to <paramref name="gpus"/> − 1 in the background, unless this silo does not use NVENC: the log
    /// then says at start what each can do, and no job waits for its answer.
    /// </summary>
    public void StartTrying(int gpus)
    {
        if (!options.UseNvenc) return;
        for (var gpu = 0; gpu < gpus; gpu++) _ = UsableAsync(gpu);
    }

    /// <summary>Whether <paramref name="gpu"/>'s NVENC works, tried the first time it is asked.</summary>
    public Task<bool> UsableAsync(int gpu) => _usable.GetOrAdd(gpu, index => new Lazy<Task<bool>>(() => TryAsync(index))).Value;

    /// <summary>
    /// A job's encode on <paramref name="gpu"/>'s NVENC failed although the GPU passed its test (its sessions taken by
    /// another program, a reset, a driver update): the jobs after it encode with libx264 until the node restarts.
    /// </summary>
    public void EncodeFailed(int gpu, string why)
    {
        _usable[gpu] = new Lazy<Task<bool>>(Task.FromResult(false));
        LogNvencFailed(gpu, why);
    }

    private async Task<bool> TryAsync(int gpu)
    {
        string? why;
        try
        {
            using var limit = new CancellationTokenSource(ProbeLimit);
            why = await _probe(gpu, limit.Token).WaitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            why = $"ffmpeg did not finish a three-frame test encode within {ProbeLimit.TotalSeconds:0} s";
        }
        catch (Exception e)
        {
            why = e.Message;
        }
        if (why is null) LogNvenc(gpu);
        else LogNoNvenc(gpu, why);
        return why is null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "GPU {Gpu} encodes its jobs' videos with NVENC")]
    private partial void LogNvenc(int gpu);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A job's NVENC encode failed on GPU {Gpu}; until this node restarts its jobs are encoded by libx264: {Why}")]
    private partial void LogNvencFailed(int gpu, string why);

    // Information, not a warning: data-centre GPUs without NVENC are a normal node, and --no-nvenc skips the try.
    [LoggerMessage(Level = LogLevel.Information, Message = "GPU {Gpu} cannot encode with NVENC, so libx264 encodes its jobs' videos on the CPU: {Why}")]
    private partial void LogNoNvenc(int gpu, string why);
}
