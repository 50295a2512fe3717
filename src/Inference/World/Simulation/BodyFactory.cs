using System.Numerics;
using Sora.Inference.World.Planning;
using Sora.Inference.World.Scene;

namespace Sora.Inference.World.Simulation;

/// <summary>Makes the collision body of a plan entity from its kind's shape, size and material.</summary>
public static class BodyFactory
{
    public static RigidBody Create(int index, EntitySpec entity, Motion motion)
    {
        var kind = Catalog.Entities[entity.Kind];
        var size = new Vector3((float)entity.Size[0], (float)entity.Size[1], (float)entity.Size[2]);
        var (shape, lie) = Shape(kind, size);
        var material = Catalog.Materials[entity.Material];
        var body = new RigidBody(index, entity.Id, shape, motion, entity.Material, (float)material.Density)
        {
            Color = new Vector3((float)entity.Color[0], (float)entity.Color[1], (float)entity.Color[2]),
            Surface = SurfaceOf(entity.Material),
        };
        body.Position = new Vector3((float)entity.Position[0], (float)entity.Position[1], (float)entity.Position[2]);
        body.Rotation = Quaternion.CreateFromAxisAngle(Vector3.UnitY, (float)entity.Yaw) * lie;
        return body;
    }

    /// <summary>The shape, and the rotation that lays a Y-axis capsule along Z for long things (fish, airplanes, animals).</summary>
    public static (BodyShape Shape, Quaternion Lie) Shape(EntityKind kind, Vector3 size)
    {
        var lie = Quaternion.CreateFromAxisAngle(Vector3.UnitX, MathF.PI / 2);
        switch (kind.Shape)
        {
            case Planning.Shape.Sphere:
                return (new SphereShape(MathF.Max(size.X, size.Z) / 2), Quaternion.Identity);
            case Planning.Shape.Box:
                return (new BoxShape(size / 2), Quaternion.Identity);
            case Planning.Shape.Capsule when size.Z > size.Y:
            {
                var radius = MathF.Min(size.X, size.Y) / 2;
                return (new CapsuleShape(radius, MathF.Max(0.001f, size.Z / 2 - radius)), lie);
            }
            case Planning.Shape.Capsule:
            {
                var radius = MathF.Min(size.X, size.Z) / 2;
                return (new CapsuleShape(radius, MathF.Max(0.001f, size.Y / 2 - radius)), Quaternion.Identity);
            }
            case Planning.Shape.Figure:
            {
                var radius = MathF.Min(size.X, size.Z) / 2;
                return (new CapsuleShape(radius, MathF.Max(0.01f, size.Y / 2 - radius)), Quaternion.Identity);
            }
            case Planning.Shape.Quadruped:
            {
                // The trunk: a capsule along the body, as tall as the animal so it stands on its legs.
                var radius = MathF.Min(size.X, size.Y) / 2;
                return (new CapsuleShape(radius, MathF.Max(0.01f, size.Z / 2 - radius)), lie);
            }
            default:
            {
                var x = size.X / 2;
                var y = size.Y / 2;
                var rings = kind.Name == "vase"
                    ? new List<(float, float)> { (-y, 0.55f * x), (-0.2f * y, x), (0.5f * y, 0.75f * x), (y, 0.6f * x) }
                    : [(-y, 0.8f * x), (-0.1f * y, x), (y, 0.45f * x)];
                var polyhedron = ConvexPolyhedron.Rings(kind.Name == "vase" ? 10 : 7, rings);
                return (HullPolyhedra.Register(polyhedron), Quaternion.Identity);
            }
        }
    }

    public static SurfaceKind SurfaceOf(string material) => material switch
    {
        "glass" or "ice" => SurfaceKind.Glass,
        "metal" => SurfaceKind.Metal,
        "rubber" or "plastic" or "ceramic" or "fruit" => SurfaceKind.Glossy,
        "fur" or "feather" => SurfaceKind.Fur,
        "leaves" or "grass" => SurfaceKind.Foliage,
        "snow" => SurfaceKind.Snow,
        _ => SurfaceKind.Matte,
    };
}
