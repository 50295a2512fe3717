using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FFMpegCore;
using Sora.Media.Encoding;

namespace Sora.Bench.Encode;

/// <summary>
/// How close an encoded MP4 is to the frames it was made from: SSIM and PSNR over all frames, measured by ffmpeg
/// against the very 4:2:0 frames the encoder was fed, so only the codec's loss is counted.
/// </summary>
internal static partial class EncodeQuality
{
    public static async Task<(double Ssim, double Psnr)> MeasureAsync(IReadOnlyList<FrameChunk> source, string encoded, CancellationToken ct)
    {
        var (width, height) = (source[0].Width, source[0].Height);
        var reference = Path.Combine(Path.GetDirectoryName(encoded)!, "reference.yuv");
        await using (var file = File.Create(reference))
        {
            var frame = new byte[Yuv420Converter.FrameBytes(width, height)];
            foreach (var chunk in source)
                for (var i = 0; i < chunk.FrameCount; i++)
                {
                    Yuv420Converter.Convert(chunk.Frame(i).Pixels.Span, width, height, frame);
                    await file.WriteAsync(frame, ct);
                }
        }
        var log = new StringBuilder();
        await FFMpegArguments
            .FromFileInput(encoded)
            .AddFileInput(reference, verifyExists: true, options => options
                .ForceFormat("rawvideo")
                .WithCustomArgument($"-pix_fmt yuv420p -video_size {width}x{height} -framerate 24"))
            .OutputToFile("-", overwrite: false, options => options
                .WithCustomArgument("-lavfi \"[0:v]split[a][b];[1:v]split[c][d];[a][c]ssim;[b][d]psnr\"")
                .ForceFormat("null"))
            .NotifyOnStandardError(line => log.AppendLine(line))
            .CancellableThrough(ct)
            .ProcessAsynchronously();
        File.Delete(reference);
        var text = log.ToString();
        return (Number(SsimAll().Match(text)), Number(PsnrAverage().Match(text)));
    }

    private static double Number(Match match) =>
        match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;

    [GeneratedRegex(@"SSIM .*All:([0-9.]+)")]
    private static partial Regex SsimAll();

    [GeneratedRegex(@"PSNR .*average:([0-9.]+|inf)")]
    private static partial Regex PsnrAverage();
}
