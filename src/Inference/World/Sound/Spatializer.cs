using System.Numerics;
using Sora.Inference.World.Scene;

namespace Sora.Inference.World.Sound;

/// <summary>
/// Where a source is heard from the camera: equal-power panning by its angle to the view direction, and
/// inverse-distance attenuation beyond a reference distance.
/// </summary>
public static class Spatializer
{
    /// <summary>Inside this distance (metres) a source is at full level.</summary>
    public const float ReferenceDistance = 2f;

    public static (float Left, float Right) Gains(Vector3 source, CameraPose camera)
    {
        var offset = source - camera.Position;
        var distance = offset.Length();
        var attenuation = ReferenceDistance / Math.Max(ReferenceDistance, distance);
        if (!float.IsFinite(attenuation)) return (0, 0);

        var pan = 0f;
        if (distance > 1e-4f)
        {
            var (right, forward) = Axes(camera);
            var across = Vector3.Dot(offset, right);
            var ahead = Vector3.Dot(offset, forward);
            // sin of the azimuth: ±1 straight to a side, 0 ahead or behind (behind folds onto the front).
            var azimuth = MathF.Atan2(across, ahead);
            pan = Math.Clamp(MathF.Sin(azimuth), -1, 1);
        }

        var angle = (pan + 1) * MathF.PI / 4;
        return (MathF.Cos(angle) * attenuation, MathF.Sin(angle) * attenuation);
    }

    private static (Vector3 Right, Vector3 Forward) Axes(CameraPose camera)
    {
        var forward = camera.Target - camera.Position;
        forward = forward.LengthSquared() > 1e-12f ? Vector3.Normalize(forward) : -Vector3.UnitZ;
        var right = Vector3.Cross(forward, Vector3.UnitY);
        right = right.LengthSquared() > 1e-8f ? Vector3.Normalize(right) : Vector3.UnitX;
        if (camera.RollDegrees != 0)
        {
            var up = Vector3.Cross(right, forward);
            var roll = camera.RollDegrees * MathF.PI / 180;
            right = right * MathF.Cos(roll) + up * MathF.Sin(roll);
        }
        return (right, forward);
    }
}
