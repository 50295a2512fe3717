namespace Sora.Inference.Onnx.Pipeline;

/// <summary>The fixed axes of the latents [1, Channels, frames, Height, Width]; only the frame axis varies.</summary>
public sealed record LatentLayout(int Channels, int Height, int Width)
{
    public int FrameSize => Channels * Height * Width;

    public long[] Shape(int frames) => [1, Channels, frames, Height, Width];
}
