using System.Numerics;
using System.Runtime.Intrinsics;

namespace Sora.Inference.World.Rendering;

/// <summary>
/// <see cref="EnvironmentGround.Albedo"/> for eight points at once, for the grounds that are texture lookups only
/// (grass, alpine grass and rock, regolith) and for the silt bed under water. Other grounds keep the scalar path.
/// </summary>
internal static class GroundAlbedoLanes
{
    public static bool Supports(EnvironmentKind environment) =>
        environment is EnvironmentKind.Lake or EnvironmentKind.Forest or EnvironmentKind.Mountains or EnvironmentKind.Space;

    /// <summary>The ground's colour; only for an environment that <see cref="Supports"/> says it has. Its gloss is 0 and its normal stays up.</summary>
    public static Vector3Lanes Ground(EnvironmentKind environment, in Vector3Lanes p, Vector256<float> detail)
    {
        switch (environment)
        {
            case EnvironmentKind.Mountains:
            {
                var rockiness = NoiseTexture.Sample(p.X * 0.05f + Vector256.Create(0.3f), p.Z * 0.05f);
                var rock = Vector3Lanes.Scale(new Vector3(0.42f, 0.4f, 0.38f),
                    Vector256.Create(0.8f) + NoiseTexture.Sample(p.X * 0.5f, p.Z * 0.5f + Vector256.Create(0.2f)) * 0.4f);
                var grass = Grass(p, detail) * new Vector3(1.25f, 1.05f, 0.8f);
                var amount = Vector256.Clamp((rockiness - Vector256.Create(0.42f)) * 6, Vector256<float>.Zero, Vector256<float>.One);
                return Vector3Lanes.Lerp(grass, rock, amount);
            }
            case EnvironmentKind.Space:
            {
                var crater = NoiseTexture.Sample(p.X * 0.05f, p.Z * 0.05f);
                return Vector3Lanes.Scale(new Vector3(0.36f, 0.35f, 0.34f), Vector256.Create(0.6f) + crater * 0.6f);
            }
            default:
                return Grass(p, detail);
        }
    }

    public static Vector3Lanes Bed(in Vector3Lanes p, Vector256<float> detail)
    {
        var patch = NoiseTexture.Sample(p.X * 0.25f, p.Z * 0.25f);
        return Vector3Lanes.Scale(new Vector3(0.34f, 0.3f, 0.21f), Vector256.Create(0.7f) + patch * 0.45f * (Vector256.Create(0.4f) + detail * 0.6f));
    }

    private static Vector3Lanes Grass(in Vector3Lanes p, Vector256<float> detail)
    {
        var patch = NoiseTexture.Sample(p.X * 0.03f, p.Z * 0.03f);
        var blades = NoiseTexture.Sample(p.X * 0.9f, p.Z * 0.9f) * detail;
        var grass = Vector3Lanes.Lerp(new Vector3(0.13f, 0.3f, 0.07f), new Vector3(0.3f, 0.42f, 0.12f), patch);
        return grass * (Vector256.Create(0.85f) + blades * 0.3f);
    }
}
