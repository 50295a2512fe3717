using Sora.Media.Encoding;

namespace Sora.Silo.Generation;

/// <summary>How this silo turns a job into media.</summary>
public sealed record MediaGenerationOptions
{
    /// <summary>Local working folder for a job's segments and the file being signed (removed when the job ends).</summary>
    public required string ScratchDirectory { get; init; }

    /// <summary>Frames per engine chunk, and so per preview fragment (half a second at 24 fps).</summary>
    public int FramesPerChunk { get; init; } = 12;

    /// <summary>Frames of the first engine chunk (its fragment has one less): short, so the first preview comes soon after submit.</summary>
    public int FirstChunkFrames { get; init; } = 6;

    /// <summary>
    /// x264 preset of the server's encoder. The engine already keeps every core busy, so encoding competes with it
    /// (<c>sora generate</c> keeps veryfast at CRF 20: a quarter smaller files at 1.1 dB less PSNR, for half again the CPU).
    /// With <see cref="EncoderX264Params"/> (CABAC and the deblocking filter back on) it gives smaller files than superfast
    /// at the same CRF for about a quarter less of ffmpeg's CPU time.
    /// </summary>
    public string EncoderPreset { get; init; } = "ultrafast";

    /// <summary>
    /// x264 constant rate factor of the server's encoder: x264's own default, which the invisible marks survive with a
    /// wide margin (they are tested through re-encodes up to CRF 35). `sora-bench encode`, 5 s of a World clip at 480p,
    /// CRF 18 → 23: 1,547 → 788 KiB (2.5 → 1.3 Mb/s), SSIM 0.9923 → 0.9883, PSNR 50.4 → 48.2 dB against the frames fed
    /// in; ffmpeg encoding those frames and their sound 0.64 → 0.56 s of CPU (15 runs each, interleaved, medians):
    /// half the bytes for every viewer and every stored copy, for a loss no one sees in synthetic 480p footage.
    /// </summary>
    public int EncoderCrf { get; init; } = 23;

    /// <summary>
    /// libx264 options on top of <see cref="EncoderPreset"/>, or null for the preset alone. One thread: the engine keeps
    /// every core busy anyway, and x264's sliced threads only add synchronisation (5 s at 480p from raw frames: ffmpeg CPU
    /// 0.71 → 0.60 s, 0.83 → 0.78 s, medians of 5, interleaved); a frame still takes it only a few milliseconds.
    /// </summary>
    public string? EncoderX264Params { get; init; } = "cabac=1:deblock=0,0:threads=1";

    /// <summary>
    /// Encode the videos of jobs on a GPU with that GPU's NVENC where it works (<see cref="GpuEncoders"/>): the engine then
    /// keeps the CPU to itself. Off: libx264 everywhere.
    /// </summary>
    public bool UseNvenc { get; init; } = true;

    /// <summary><paramref name="settings"/> (size, frame rate, sound) with this silo's encoder choices.</summary>
    public Mp4EncodeSettings Encoder(Mp4EncodeSettings settings) =>
        settings with { Preset = EncoderPreset, Crf = EncoderCrf, X264Params = EncoderX264Params };
}
