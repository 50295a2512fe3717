using System.CommandLine;

/// <summary>The benchmark families of <c>sora bench</c>; each family lives in a file of its own.</summary>
internal static class BenchRegistry
{
    public static IEnumerable<Command> All =>
    [
        Sora.Bench.World.WorldBench.Create(),
        RenderBench.Command(),
        SoundBench.Create(),
        Sora.Bench.Watermark.WatermarkBench.Create(),
        Sora.Bench.Feed.FeedBench.Create(),
        Sora.Bench.Pipeline.PipelineBench.Create(),
        Sora.Bench.Encode.EncodeBench.Create(),
        Sora.Bench.Onnx.OnnxBench.Create(),
    ];
}
