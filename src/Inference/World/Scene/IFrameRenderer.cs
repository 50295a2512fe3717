namespace Sora.Inference.World.Scene;

/// <summary>Draws scene frames; must be deterministic (same inputs, same bytes) and safe to call from one thread at a time.</summary>
public interface IFrameRenderer
{
    /// <param name="rgb24">Width × Height × 3 bytes, row-major, top row first.</param>
    void Render(SceneLook look, SceneFrame frame, Span<byte> rgb24);

    /// <summary>Draws consecutive frames into one buffer, frame after frame; a renderer may draw several at once.</summary>
    /// <param name="rgb24">frames.Count × Width × Height × 3 bytes.</param>
    /// <param name="cancellationToken">Checked between frames.</param>
    void RenderFrames(SceneLook look, IReadOnlyList<SceneFrame> frames, Span<byte> rgb24, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(look);
        ArgumentNullException.ThrowIfNull(frames);
        var frameBytes = look.Width * look.Height * 3;
        for (var i = 0; i < frames.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Render(look, frames[i], rgb24.Slice(i * frameBytes, frameBytes));
        }
    }
}
