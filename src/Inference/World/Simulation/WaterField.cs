using System.Numerics;
using Sora.Inference.World.Planning;
using Sora.Inference.World.Scene;

namespace Sora.Inference.World.Simulation;

/// <summary>
/// The water surface as a height field obeying the damped wave equation: splashes dent it, the dent
/// spreads as rings, and bodies moving through it leave a wake. Heights are relative to the rest level.
/// </summary>
public sealed class WaterField
{
    private const float WaveSpeed = 1.6f;
    private const float Damping = 0.6f;
    private const float MaxCell = 0.25f;
    private const int MaxResolution = 160;

    private readonly float[] heights;
    private readonly float[] velocities;
    private readonly float[] scratch;

    public WaterField(WaterSpec spec)
    {
        Spec = spec;
        ResolutionX = Math.Clamp((int)Math.Ceiling((spec.MaxX - spec.MinX) / MaxCell) + 1, 8, MaxResolution);
        ResolutionZ = Math.Clamp((int)Math.Ceiling((spec.MaxZ - spec.MinZ) / MaxCell) + 1, 8, MaxResolution);
        CellX = (float)(spec.MaxX - spec.MinX) / (ResolutionX - 1);
        CellZ = (float)(spec.MaxZ - spec.MinZ) / (ResolutionZ - 1);
        heights = new float[ResolutionX * ResolutionZ];
        velocities = new float[heights.Length];
        scratch = new float[heights.Length];
    }

    public WaterSpec Spec { get; }
    public int ResolutionX { get; }
    public int ResolutionZ { get; }
    public float CellX { get; }
    public float CellZ { get; }
    public float Level => (float)Spec.Level;

    public bool Contains(float x, float z) => x > Spec.MinX && x < Spec.MaxX && z > Spec.MinZ && z < Spec.MaxZ;

    /// <summary>The world height of the surface at (x, z).</summary>
    public float SurfaceAt(float x, float z) => Snapshot(share: true).HeightAt(x, z);

    public void Step(float dt)
    {
        // Explicit scheme; stable because WaveSpeed·dt/cell stays far below 1/√2 at the physics rate.
        var c2x = WaveSpeed * WaveSpeed / (CellX * CellX);
        var c2z = WaveSpeed * WaveSpeed / (CellZ * CellZ);
        var damping = 1 - Damping * dt;
        for (var z = 0; z < ResolutionZ; z++)
        {
            var row = z * ResolutionX;
            var up = Math.Max(z - 1, 0) * ResolutionX;
            var down = Math.Min(z + 1, ResolutionZ - 1) * ResolutionX;
            for (var x = 0; x < ResolutionX; x++)
            {
                var h = heights[row + x];
                var laplacian = (heights[row + Math.Max(x - 1, 0)] + heights[row + Math.Min(x + 1, ResolutionX - 1)] - 2 * h) * c2x
                    + (heights[up + x] + heights[down + x] - 2 * h) * c2z;
                scratch[row + x] = (velocities[row + x] + laplacian * dt) * damping;
            }
        }
        for (var i = 0; i < heights.Length; i++)
        {
            velocities[i] = scratch[i];
            heights[i] += velocities[i] * dt;
        }
    }

    /// <summary>Pushes the surface down around (x, z) with a velocity of <paramref name="strength"/> m/s at the centre.</summary>
    public void Disturb(float x, float z, float radius, float strength)
    {
        var cx = (x - (float)Spec.MinX) / CellX;
        var cz = (z - (float)Spec.MinZ) / CellZ;
        var rx = (int)MathF.Ceiling(2 * radius / CellX);
        var rz = (int)MathF.Ceiling(2 * radius / CellZ);
        for (var iz = Math.Max(0, (int)cz - rz); iz <= Math.Min(ResolutionZ - 1, (int)cz + rz); iz++)
            for (var ix = Math.Max(0, (int)cx - rx); ix <= Math.Min(ResolutionX - 1, (int)cx + rx); ix++)
            {
                var dx = (ix - cx) * CellX;
                var dz = (iz - cz) * CellZ;
                var falloff = MathF.Exp(-(dx * dx + dz * dz) / (radius * radius));
                velocities[iz * ResolutionX + ix] -= strength * falloff;
            }
    }

    /// <summary>The largest displacement from rest anywhere on the surface, in metres.</summary>
    public float MaxDisplacement()
    {
        var max = 0f;
        foreach (var h in heights) max = MathF.Max(max, MathF.Abs(h));
        return max;
    }

    /// <summary>An immutable copy for a frame (or a shared view for sampling now).</summary>
    public WaterSurface Snapshot(bool share = false) => new(
        (float)Spec.MinX, (float)Spec.MinZ, (float)Spec.MaxX, (float)Spec.MaxZ, Level,
        ResolutionX, ResolutionZ, share ? heights : (float[])heights.Clone());

    public Vector3 Centre => new((float)(Spec.MinX + Spec.MaxX) / 2, Level, (float)(Spec.MinZ + Spec.MaxZ) / 2);
}
