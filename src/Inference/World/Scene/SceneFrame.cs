using System.Numerics;

namespace Sora.Inference.World.Scene;

/// <summary>
/// The state of the simulated world at one video frame: what the renderer draws. Produced by the
/// simulation, consumed by <see cref="IFrameRenderer"/>; it owns no behaviour.
/// </summary>
public sealed record SceneFrame(
    int Index,
    double Time,
    CameraPose Camera,
    IReadOnlyList<BodyPose> Bodies,
    WaterSurface? Water);

/// <summary>A pinhole camera: position, the point it looks at, vertical field of view, and roll.</summary>
public readonly record struct CameraPose(Vector3 Position, Vector3 Target, float FovDegrees, float RollDegrees = 0);

/// <summary>
/// One rigid part of the scene in world space (metres, Y up). Articulated beings are several parts that
/// share an <see cref="EntityId"/>; fragments of a shattered object keep the id of what they came from.
/// </summary>
public readonly record struct BodyPose(
    int EntityId,
    BodyShape Shape,
    Vector3 Position,
    Quaternion Rotation,
    Vector3 Color,
    SurfaceKind Surface);

/// <summary>How a surface reflects light; the renderer's only view of a material.</summary>
public enum SurfaceKind { Matte, Glossy, Metal, Glass, Skin, Fur, Emissive, Snow, Foliage }

/// <summary>A water height field over an axis-aligned rectangle; heights are relative to <see cref="Level"/>.</summary>
public sealed record WaterSurface(
    float MinX, float MinZ, float MaxX, float MaxZ,
    float Level,
    int ResolutionX, int ResolutionZ,
    float[] Heights)
{
    public float HeightAt(float x, float z)
    {
        var fx = Math.Clamp((x - MinX) / (MaxX - MinX) * (ResolutionX - 1), 0, ResolutionX - 1);
        var fz = Math.Clamp((z - MinZ) / (MaxZ - MinZ) * (ResolutionZ - 1), 0, ResolutionZ - 1);
        int x0 = (int)fx, z0 = (int)fz;
        int x1 = Math.Min(x0 + 1, ResolutionX - 1), z1 = Math.Min(z0 + 1, ResolutionZ - 1);
        float tx = fx - x0, tz = fz - z0;
        var top = Heights[z0 * ResolutionX + x0] * (1 - tx) + Heights[z0 * ResolutionX + x1] * tx;
        var bottom = Heights[z1 * ResolutionX + x0] * (1 - tx) + Heights[z1 * ResolutionX + x1] * tx;
        return Level + top * (1 - tz) + bottom * tz;
    }
}
