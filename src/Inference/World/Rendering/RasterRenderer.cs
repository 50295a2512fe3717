using System.Runtime.InteropServices;
using Sora.Inference.World.Planning;
using Sora.Inference.World.Scene;

namespace Sora.Inference.World.Rendering;

/// <summary>
/// The World engine's CPU renderer: a tiled, multi-threaded z-buffer rasteriser with deferred shading
/// (sun, sky, shadow map, materials, glass and water, fog), traced environment backdrops, weather and
/// eight styles. Deterministic: each pixel is computed by one thread from the same inputs in the same
/// order, so the bytes do not depend on scheduling. Buffers and meshes are kept between frames.
/// </summary>
public sealed class RasterRenderer : IFrameRenderer
{
    public const int MaxWidth = 3840;
    public const int MaxHeight = 2160;

    /// <summary>Frames of a batch in flight at once: one frame's serial setup overlaps another's shading.</summary>
    private const int FramesInFlight = 2;

    private readonly FrameWorkspace[] workspaces;

    public RasterRenderer() : this(shadeLanes: true) { }

    /// <param name="shadeLanes">Shade ground and water eight pixels at a time where the CPU can; false keeps every pixel on the scalar path (for tests that compare the two).</param>
    internal RasterRenderer(bool shadeLanes) => workspaces = [new(shadeLanes), new(shadeLanes)];

    public void Render(SceneLook look, SceneFrame frame, Span<byte> rgb24)
    {
        ArgumentNullException.ThrowIfNull(look);
        ArgumentNullException.ThrowIfNull(frame);
        Validate(look, frame, rgb24.Length);
        workspaces[0].Render(look, frame, rgb24);
    }

    /// <summary>
    /// Renders consecutive frames into one buffer, several at a time. Each frame is drawn wholly by one workspace
    /// from its own inputs, so the bytes are the same as rendering the frames one by one.
    /// </summary>
    public unsafe void RenderFrames(SceneLook look, IReadOnlyList<SceneFrame> frames, Span<byte> rgb24, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(look);
        ArgumentNullException.ThrowIfNull(frames);
        var frameBytes = (long)look.Width * look.Height * 3;
        if (rgb24.Length != frameBytes * frames.Count)
            throw new ArgumentException($"The RGB24 buffer must hold {frames.Count} frames of {look.Width}×{look.Height}×3 bytes, but it holds {rgb24.Length}.", nameof(rgb24));
        foreach (var frame in frames)
        {
            ArgumentNullException.ThrowIfNull(frame, nameof(frames));
            Validate(look, frame, (int)frameBytes);
        }
        if (frames.Count == 0) return;
        fixed (byte* pixels = &MemoryMarshal.GetReference(rgb24))
        {
            var address = (nint)pixels;
            var slots = Math.Min(FramesInFlight, frames.Count);
            // Slot k renders frames k, k + slots, …: a fixed assignment, so no workspace is shared.
            Parallel.For(0, slots, new ParallelOptions { MaxDegreeOfParallelism = slots }, slot =>
            {
                for (var i = slot; i < frames.Count && !cancellationToken.IsCancellationRequested; i += slots)
                    workspaces[slot].Render(look, frames[i], new Span<byte>((byte*)address + i * frameBytes, (int)frameBytes));
            });
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>What each pixel of the last frame drawn by <see cref="Render"/> shows: a body's index in <see cref="SceneFrame.Bodies"/>, or a negative code for the environment, water and sky.</summary>
    internal ReadOnlySpan<int> LastItems => workspaces[0].Items;

    /// <summary>How many pixels of the last frame drawn by <see cref="Render"/> were shaded eight at a time.</summary>
    internal int LastLanePixels => workspaces[0].LanePixels;

    private static void Validate(SceneLook look, SceneFrame frame, int bufferLength)
    {
        if (look.Width < 8 || look.Height < 8 || look.Width > MaxWidth || look.Height > MaxHeight)
            throw new ArgumentException($"The image size must be between 8×8 and {MaxWidth}×{MaxHeight}, not {look.Width}×{look.Height}.", nameof(look));
        var expected = (long)look.Width * look.Height * 3;
        if (bufferLength != expected)
            throw new ArgumentException($"The RGB24 buffer must hold {look.Width}×{look.Height}×3 = {expected} bytes, but it holds {bufferLength}.", "rgb24");
        if (!Catalog.TimesOfDay.Contains(look.TimeOfDay))
            throw new ArgumentException($"Unknown time of day '{look.TimeOfDay}'; expected one of: {string.Join(", ", Catalog.TimesOfDay)}.", nameof(look));
        if (!Catalog.Weathers.Contains(look.Weather))
            throw new ArgumentException($"Unknown weather '{look.Weather}'; expected one of: {string.Join(", ", Catalog.Weathers)}.", nameof(look));
        ArgumentNullException.ThrowIfNull(frame.Bodies, nameof(frame));
        for (var i = 0; i < frame.Bodies.Count; i++)
        {
            var body = frame.Bodies[i];
            if (body.Shape is null)
                throw new ArgumentException($"Body {i} (entity {body.EntityId}) has no shape.", nameof(frame));
            var p = body.Position;
            var q = body.Rotation;
            if (!float.IsFinite(p.X + p.Y + p.Z + q.X + q.Y + q.Z + q.W))
                throw new ArgumentException($"Body {i} (entity {body.EntityId}) has a position or rotation that is not a finite number.", nameof(frame));
        }
        if (frame.Water is { } water)
        {
            if (water.ResolutionX < 2 || water.ResolutionZ < 2 || water.Heights is null || water.Heights.Length != water.ResolutionX * water.ResolutionZ)
                throw new ArgumentException($"The water surface needs at least 2×2 samples and exactly ResolutionX × ResolutionZ heights ({water.ResolutionX}×{water.ResolutionZ}).", nameof(frame));
            if (!(water.MaxX > water.MinX && water.MaxZ > water.MinZ))
                throw new ArgumentException("The water surface's rectangle is empty (Max must exceed Min).", nameof(frame));
        }
    }
}
