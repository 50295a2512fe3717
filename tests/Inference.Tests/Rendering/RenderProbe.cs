using System.Numerics;
using Sora.Inference.World.Rendering;
using Sora.Inference.World.Scene;

namespace Sora.Inference.Tests.Rendering;

/// <summary>Small scenes and pixel helpers shared by the renderer tests.</summary>
internal static class RenderProbe
{
    public static readonly CameraPose FrontCamera = new(new Vector3(0, 1.5f, 6), new Vector3(0, 0.5f, 0), 50);

    public static SceneLook Look(string environment = "lake", string style = "cinematic", int width = 160, int height = 90,
        string time = "day", string weather = "clear") => new(environment, time, weather, style, width, height, 24);

    public static SceneFrame Frame(CameraPose camera, params BodyPose[] bodies) => new(0, 0, camera, bodies, null);

    public static BodyPose Body(int id, BodyShape shape, Vector3 position, Vector3 color, SurfaceKind surface = SurfaceKind.Matte) =>
        new(id, shape, position, Quaternion.Identity, color, surface);

    public static byte[] Render(SceneLook look, SceneFrame frame, RasterRenderer? renderer = null)
    {
        var pixels = new byte[look.Width * look.Height * 3];
        (renderer ?? new RasterRenderer()).Render(look, frame, pixels);
        return pixels;
    }

    public static Vector3 Pixel(byte[] rgb, int width, int x, int y)
    {
        var i = (y * width + x) * 3;
        return new Vector3(rgb[i], rgb[i + 1], rgb[i + 2]);
    }

    public static float Luma(Vector3 c) => 0.2126f * c.X + 0.7152f * c.Y + 0.0722f * c.Z;

    /// <summary>Where a world point lands on screen, using the same pinhole model the renderer documents.</summary>
    public static (int X, int Y) Project(CameraPose camera, int width, int height, Vector3 point)
    {
        var forward = Vector3.Normalize(camera.Target - camera.Position);
        var right = Vector3.Normalize(Vector3.Cross(forward, Vector3.UnitY));
        var up = Vector3.Cross(right, forward);
        var d = point - camera.Position;
        float x = Vector3.Dot(d, right), y = Vector3.Dot(d, up), z = Vector3.Dot(d, forward);
        var tanY = MathF.Tan(camera.FovDegrees * MathF.PI / 360);
        var tanX = tanY * width / height;
        return ((int)((x / (z * tanX) * 0.5f + 0.5f) * width), (int)((0.5f - y / (z * tanY) * 0.5f) * height));
    }

    /// <summary>Mean absolute difference per byte between two images.</summary>
    public static double Difference(byte[] a, byte[] b)
    {
        long sum = 0;
        for (var i = 0; i < a.Length; i++) sum += Math.Abs(a[i] - b[i]);
        return sum / (double)a.Length;
    }

    /// <summary>Mean and standard deviation of luma, and mean saturation: enough statistics to tell looks apart.</summary>
    public static (double Mean, double Deviation, double Saturation) Statistics(byte[] rgb)
    {
        double sum = 0, squares = 0, saturation = 0;
        var n = rgb.Length / 3;
        for (var i = 0; i < rgb.Length; i += 3)
        {
            double r = rgb[i], g = rgb[i + 1], b = rgb[i + 2];
            var l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
            sum += l;
            squares += l * l;
            saturation += Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b));
        }
        var mean = sum / n;
        return (mean, Math.Sqrt(Math.Max(squares / n - mean * mean, 0)), saturation / n);
    }
}
