using System.Numerics;

namespace Sora.Inference.World.Rendering;

/// <summary>The per-pixel buffers of one frame (geometry, the transparent layer, HDR colour), reused while the size stays.</summary>
internal sealed class FrameBuffers
{
    public int Width { get; private set; }
    public int Height { get; private set; }

    /// <summary>View depth of the nearest opaque surface, +∞ for the sky.</summary>
    public float[] Depth = [];
    public Vector3[] Normal = [];
    public int[] Item = [];

    /// <summary>The nearest glass or water surface in front of the opaque one.</summary>
    public float[] ClearDepth = [];
    public Vector3[] ClearNormal = [];
    public int[] ClearItem = [];

    public Vector3[] Color = [];

    public void Ensure(int width, int height)
    {
        if (width == Width && height == Height) return;
        Width = width;
        Height = height;
        var n = width * height;
        Depth = new float[n];
        Normal = new Vector3[n];
        Item = new int[n];
        ClearDepth = new float[n];
        ClearNormal = new Vector3[n];
        ClearItem = new int[n];
        Color = new Vector3[n];
    }
}
