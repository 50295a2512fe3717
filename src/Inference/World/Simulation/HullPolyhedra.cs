using System.Runtime.CompilerServices;
using Sora.Inference.World.Scene;

namespace Sora.Inference.World.Simulation;

/// <summary>
/// The face planes of hull shapes. Hulls are made by <see cref="ConvexPolyhedron.Rings"/>, which knows its planes;
/// this remembers them per shape instance so a <see cref="ConvexHullShape"/> (points only) can be simulated.
/// </summary>
internal static class HullPolyhedra
{
    private static readonly ConditionalWeakTable<ConvexHullShape, ConvexPolyhedron> Known = new();

    public static ConvexHullShape Register(ConvexPolyhedron polyhedron)
    {
        var shape = new ConvexHullShape(polyhedron.Points);
        Known.Add(shape, polyhedron);
        return shape;
    }

    public static ConvexPolyhedron Get(ConvexHullShape shape) =>
        Known.TryGetValue(shape, out var polyhedron)
            ? polyhedron
            : throw new ArgumentException("hull shapes must be built with HullPolyhedra.Register", nameof(shape));
}
