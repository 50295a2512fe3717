using Microsoft.Extensions.Logging;
using Sora.Abstractions.Generation;
using Sora.Media.Encoding;
using Sora.Silo.Generation;
using Sora.Silo.Tests.Infrastructure;

namespace Sora.Silo.Tests.Generation;

/// <summary>Which jobs encode on their GPU's NVENC: those on a GPU whose NVENC works, each GPU tried once.</summary>
public sealed class GpuEncodersTests
{
    private static readonly Mp4EncodeSettings Settings = new(854, 480, 24) { Crf = 23 };
    private static readonly MediaGenerationOptions Options = new() { ScratchDirectory = Path.GetTempPath() };
    private static DeviceSlot Gpu(int index) => new("silo", DeviceKind.Gpu, index);

    private readonly RecordingLogger<GpuEncoders> _log = new();
    private readonly List<int> _probed = [];

    private GpuEncoders With(Func<int, string?> answer, MediaGenerationOptions? options = null) =>
        new(options ?? Options, _log, (gpu, _) =>
        {
            lock (_probed) _probed.Add(gpu);
            return Task.FromResult(answer(gpu));
        });

    [Fact]
    public async Task A_job_on_a_GPU_whose_NVENC_works_encodes_there_and_the_GPU_is_tried_once()
    {
        var encoders = With(_ => null);

        Assert.Equal(1, (await encoders.ForAsync(Settings, Gpu(1), default)).NvencGpu);
        Assert.Equal(Settings with { NvencGpu = 1 }, await encoders.ForAsync(Settings, Gpu(1), default));

        Assert.Equal([1], _probed);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("GPU 1 encodes"));
    }

    [Fact]
    public async Task A_job_on_a_GPU_whose_NVENC_fails_is_encoded_by_libx264_and_the_log_says_why()
    {
        var encoders = With(gpu => gpu == 0 ? "[h264_nvenc] OpenEncodeSessionEx failed: unsupported device (2)" : null);

        Assert.Equal(Settings, await encoders.ForAsync(Settings, Gpu(0), default));
        Assert.Equal(1, (await encoders.ForAsync(Settings, Gpu(1), default)).NvencGpu);

        var said = Assert.Single(_log.Entries, e => e.Message.Contains("GPU 0"));
        Assert.Contains("cannot encode with NVENC", said.Message);
        Assert.Contains("unsupported device", said.Message);
    }

    [Fact]
    public async Task CPU_slots_and_a_silo_told_not_to_use_NVENC_encode_with_libx264_without_trying()
    {
        Assert.Equal(Settings, await With(_ => null).ForAsync(Settings, new DeviceSlot("silo", DeviceKind.Cpu, 0), default));
        Assert.Equal(Settings, await With(_ => null, Options with { UseNvenc = false }).ForAsync(Settings, Gpu(0), default));

        Assert.Empty(_probed);
    }

    [Fact]
    public async Task After_a_jobs_NVENC_encode_fails_the_GPUs_next_jobs_are_encoded_by_libx264()
    {
        var encoders = With(_ => null);
        Assert.Equal(0, (await encoders.ForAsync(Settings, Gpu(0), default)).NvencGpu);

        encoders.EncodeFailed(0, "OpenEncodeSessionEx failed: out of memory (10)");

        Assert.Equal(Settings, await encoders.ForAsync(Settings, Gpu(0), default));
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("out of memory"));
        Assert.Equal([0], _probed);
    }

    [Fact]
    public async Task A_probe_that_throws_leaves_the_GPU_to_libx264()
    {
        var encoders = new GpuEncoders(Options, _log, (_, _) => throw new InvalidOperationException("no ffmpeg here"));

        Assert.Equal(Settings, await encoders.ForAsync(Settings, Gpu(0), default));
        Assert.Contains(_log.Entries, e => e.Message.Contains("cannot encode with NVENC") && e.Message.Contains("no ffmpeg here"));
    }

    [Fact]
    public async Task On_this_machine_the_real_probe_decides_and_says_what_it_found()
    {
        var encoders = new GpuEncoders(Options, _log);

        var settings = await encoders.ForAsync(Settings, Gpu(0), default);

        var said = Assert.Single(_log.Entries);
        if (settings.NvencGpu is null) Assert.Contains("nvenc", said.Message, StringComparison.OrdinalIgnoreCase);
        else Assert.Contains("GPU 0 encodes", said.Message);
    }
}
