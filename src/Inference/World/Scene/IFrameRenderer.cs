namespace Sora.Inference.World.Scene;

/// <summary>Draws one scene frame; must be deterministic (same inputs, same bytes) and safe to call from one thread at a time.</summary>
public interface IFrameRenderer
{
    /// <param name="rgb24">Width × Height × 3 bytes, row-major, top row first.</param>
    void Render(SceneLook look, SceneFrame frame, Span<byte> rgb24);
}
