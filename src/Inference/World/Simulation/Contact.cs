using System.Numerics;

namespace Sora.Inference.World.Simulation;

/// <summary>
/// A point where body A touches (or is about to touch) B. <see cref="Normal"/> points from B to A;
/// a negative <see cref="Separation"/> is penetration. B is null for the ground.
/// </summary>
public struct Contact
{
    public RigidBody A;
    public RigidBody? B;
    public Vector3 Normal;
    public Vector3 Point;
    public float Separation;

    // Solver state for one step.
    public float NormalMass, TangentMass1, TangentMass2, TargetVelocity, Friction, Restitution;
    public Vector3 Tangent1, Tangent2;
    public float NormalImpulse, TangentImpulse1, TangentImpulse2, BiasImpulse, ApproachSpeed;
    public bool Bounces;
}
