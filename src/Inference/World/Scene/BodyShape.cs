using System.Numerics;

namespace Sora.Inference.World.Scene;

/// <summary>A collision and render shape in its local frame, centred on the body's position.</summary>
public abstract record BodyShape;

public sealed record SphereShape(float Radius) : BodyShape;

public sealed record BoxShape(Vector3 HalfExtents) : BodyShape;

/// <summary>A capsule along the local Y axis: a cylinder of <see cref="HalfHeight"/> with hemispherical caps.</summary>
public sealed record CapsuleShape(float Radius, float HalfHeight) : BodyShape;

/// <summary>A convex polyhedron given by its vertices (the hull of them).</summary>
public sealed record ConvexHullShape(Vector3[] Points) : BodyShape;
