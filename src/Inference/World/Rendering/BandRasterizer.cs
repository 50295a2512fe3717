using System.Numerics;

namespace Sora.Inference.World.Rendering;

/// <summary>Draws a band's triangles into the geometry buffers with a depth test; opaque ones into the opaque layer, glass and water into the transparent layer.</summary>
internal static class BandRasterizer
{
    public static void Draw(FrameBuffers buffers, ReadOnlySpan<ScreenTriangle> triangles, ReadOnlySpan<int> bin, int top, int bottom)
    {
        var width = buffers.Width;
        var depth = buffers.Depth;
        foreach (var index in bin)
        {
            ref readonly var t = ref triangles[index];
            var y0 = Math.Max(t.MinY, top);
            var y1 = Math.Min(t.MaxY, bottom - 1);
            var layerDepth = t.Transparent ? buffers.ClearDepth : depth;
            var layerNormal = t.Transparent ? buffers.ClearNormal : buffers.Normal;
            var layerItem = t.Transparent ? buffers.ClearItem : buffers.Item;
            var izA = t.W0A * t.InvZ0 + t.W1A * t.InvZ1 + t.W2A * t.InvZ2;
            for (var y = y0; y <= y1; y++)
            {
                float x = t.MinX;
                var w0 = t.W0A * x + t.W0B * y + t.W0C;
                var w1 = t.W1A * x + t.W1B * y + t.W1C;
                var w2 = t.W2A * x + t.W2B * y + t.W2C;
                var iz = w0 * t.InvZ0 + w1 * t.InvZ1 + w2 * t.InvZ2;
                var row = y * width;
                var inside = false;
                for (var px = t.MinX; px <= t.MaxX; px++, w0 += t.W0A, w1 += t.W1A, w2 += t.W2A, iz += izA)
                {
                    if (w0 < 0 || w1 < 0 || w2 < 0)
                    {
                        // Triangles are convex: once past the right edge, the rest of the row is outside.
                        if (inside) break;
                        continue;
                    }
                    inside = true;
                    var z = 1 / iz;
                    var i = row + px;
                    if (!(z < layerDepth[i]) || z < ViewCamera.Near) continue;
                    if (t.Transparent && !(z < depth[i])) continue;
                    layerDepth[i] = z;
                    layerItem[i] = t.Item;
                    layerNormal[i] = (t.NormalOverZ0 * w0 + t.NormalOverZ1 * w1 + t.NormalOverZ2 * w2) * z;
                }
            }
        }
    }
}
