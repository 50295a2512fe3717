using System.Numerics;

namespace Sora.Inference.World.Rendering;

/// <summary>
/// A triangle set up for rasterisation: barycentric weights, 1/z and normal/z are planes in screen space
/// (value = A·x + B·y + C at pixel centres), so the inner loop only adds.
/// </summary>
internal struct ScreenTriangle
{
    public float W0A, W0B, W0C, W1A, W1B, W1C, W2A, W2B, W2C;
    public float InvZ0, InvZ1, InvZ2;
    public Vector3 NormalOverZ0, NormalOverZ1, NormalOverZ2;
    public int MinX, MaxX, MinY, MaxY;
    public int Item;
    public bool Transparent;
}
