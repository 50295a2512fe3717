using System.Globalization;

namespace Sora.Bench.Watermark;

/// <summary>One way a video travels, as ffmpeg output arguments applied to the marked file (empty: the file as written).</summary>
internal sealed record VideoAttack(string Name, string Description, string[] Arguments)
{
    private static readonly string[] Crf23 = ["-c:v", "libx264", "-preset", "veryfast", "-crf", "23"];

    /// <summary>The attacks of issue 4, item 2, for clips of <paramref name="seconds"/> seconds.</summary>
    public static VideoAttack[] All(double seconds) =>
    [
        new("none", "as written (CRF 20)", []),
        new("crf23", "H.264 re-encode, CRF 23", Crf23),
        new("crf28", "H.264 re-encode, CRF 28", ["-c:v", "libx264", "-preset", "veryfast", "-crf", "28"]),
        new("crf35", "H.264 re-encode, CRF 35", ["-c:v", "libx264", "-preset", "veryfast", "-crf", "35"]),
        new("scale0.5", "downscale to 0.5×", ["-vf", "scale=iw/2:ih/2", .. Crf23]),
        new("crop10", "crop 10 % from each side", ["-vf", "crop=iw*0.8:ih*0.8:iw*0.1:ih*0.1", .. Crf23]),
        new("fps30", "24 → 30 fps", ["-vf", "fps=30", .. Crf23]),
        new("darker10", "brightness −10 %", ["-vf", "lutyuv=y=val*0.9", .. Crf23]),
        new("brighter10", "brightness +10 %", ["-vf", "lutyuv=y=val*1.1", .. Crf23]),
        new("excerpt2s", "2 s excerpt from the middle", ["-ss", (seconds / 2 - 1).ToString(CultureInfo.InvariantCulture), "-t", "2", .. Crf23]),
    ];
}

/// <summary>One way a sound track travels: ffmpeg output arguments and file extension, or additive noise at a given SNR.</summary>
internal sealed record AudioAttack(string Name, string Description, string[] Arguments, string Extension, double? NoiseSnrDb = null)
{
    /// <summary>The attacks of issue 4, item 3.</summary>
    public static readonly AudioAttack[] All =
    [
        new("none", "as written (AAC 160 kb/s)", [], "m4a"),
        new("aac96", "AAC 96 kb/s", ["-c:a", "aac", "-b:a", "96k"], "m4a"),
        new("mp3-128", "MP3 128 kb/s", ["-c:a", "libmp3lame", "-b:a", "128k"], "mp3"),
        new("resample44k", "resample to 44.1 kHz", ["-ar", "44100", "-c:a", "pcm_s16le"], "wav"),
        new("noise20db", "white noise at 20 dB SNR", [], "m4a", NoiseSnrDb: 20),
    ];
}
