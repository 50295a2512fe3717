using System.Numerics;
using Sora.Inference.World.Scene;

namespace Sora.Inference.World.Rendering;

/// <summary>
/// A pinhole camera fitted to an image. View depth is the distance along the forward axis, and
/// pixel rays (<see cref="RowStart"/>, <see cref="ColumnStep"/>) are scaled so that position = eye + ray × depth.
/// </summary>
internal readonly struct ViewCamera
{
    public const float Near = 0.05f;

    public readonly Vector3 Eye;
    public readonly Vector3 Forward;
    public readonly Vector3 Right;
    public readonly Vector3 Up;
    public readonly int Width;
    public readonly int Height;
    private readonly float tanX;
    private readonly float tanY;

    public ViewCamera(CameraPose pose, int width, int height)
    {
        if (!float.IsFinite(pose.Position.X + pose.Position.Y + pose.Position.Z + pose.Target.X + pose.Target.Y + pose.Target.Z))
            throw new ArgumentException("The camera position and target must be finite numbers.", nameof(pose));
        if (!(pose.FovDegrees > 1 && pose.FovDegrees < 170))
            throw new ArgumentException($"The camera's field of view must be between 1 and 170 degrees, not {pose.FovDegrees}.", nameof(pose));
        Eye = pose.Position;
        var forward = pose.Target - pose.Position;
        Forward = forward.LengthSquared() > 1e-12f ? Vector3.Normalize(forward) : -Vector3.UnitZ;
        var worldUp = MathF.Abs(Forward.Y) > 0.999f ? Vector3.UnitZ : Vector3.UnitY;
        var right = Vector3.Normalize(Vector3.Cross(Forward, worldUp));
        var up = Vector3.Cross(right, Forward);
        if (pose.RollDegrees != 0)
        {
            var roll = pose.RollDegrees * MathF.PI / 180;
            var (sin, cos) = MathF.SinCos(roll);
            (right, up) = (right * cos + up * sin, up * cos - right * sin);
        }
        Right = right;
        Up = up;
        Width = width;
        Height = height;
        tanY = MathF.Tan(pose.FovDegrees * MathF.PI / 360);
        tanX = tanY * width / height;
    }

    /// <summary>The ray through the left edge of row <paramref name="y"/>: pixel x of the row has the ray <c>RowStart(y) + ColumnStep × (x + 0.5)</c>.</summary>
    public Vector3 RowStart(int y) => Forward - Right * tanX + Up * ((1 - 2 * (y + 0.5f) / Height) * tanY);

    /// <summary>How far the ray moves from one pixel column to the next.</summary>
    public Vector3 ColumnStep => Right * (2 * tanX / Width);

    public Vector3 ToView(Vector3 world)
    {
        var d = world - Eye;
        return new Vector3(Vector3.Dot(d, Right), Vector3.Dot(d, Up), Vector3.Dot(d, Forward));
    }

    /// <summary>Screen position (pixels, y down, pixel centres at +0.5) of a view-space point in front of the near plane.</summary>
    public Vector2 Project(Vector3 view) => new(
        (view.X / (view.Z * tanX) * 0.5f + 0.5f) * Width,
        (0.5f - view.Y / (view.Z * tanY) * 0.5f) * Height);
}
