using System.Numerics;
using Sora.Inference.World.Scene;

namespace Sora.Inference.World.Simulation;

/// <summary>Finds contact points between pairs of shapes and with the ground, within <see cref="PhysicsSettings.ContactMargin"/>.</summary>
public static class Narrowphase
{
    public static void Ground(RigidBody body, Terrain terrain, float margin, List<Contact> contacts)
    {
        switch (body.Shape)
        {
            case SphereShape sphere:
                GroundPoint(body, body.Position, sphere.Radius, terrain, margin, contacts);
                break;
            case CapsuleShape capsule:
            {
                var axis = Vector3.Transform(Vector3.UnitY, body.Rotation) * capsule.HalfHeight;
                GroundPoint(body, body.Position + axis, capsule.Radius, terrain, margin, contacts);
                GroundPoint(body, body.Position - axis, capsule.Radius, terrain, margin, contacts);
                break;
            }
            default:
                foreach (var local in body.Polyhedron!.Points)
                    GroundPoint(body, body.Position + Vector3.Transform(local, body.Rotation), 0, terrain, margin, contacts);
                break;
        }
    }

    private static void GroundPoint(RigidBody body, Vector3 centre, float radius, Terrain terrain, float margin, List<Contact> contacts)
    {
        var floor = terrain.FloorAt(centre.X, centre.Z);
        var separation = centre.Y - radius - floor;
        if (separation > margin) return;
        contacts.Add(new Contact
        {
            A = body, B = null, Normal = Vector3.UnitY,
            Point = new Vector3(centre.X, centre.Y - radius, centre.Z), Separation = separation,
        });
    }

    public static void Pair(RigidBody a, RigidBody b, float margin, List<Contact> contacts)
    {
        var reach = a.BoundingRadius + b.BoundingRadius + margin;
        if (Vector3.DistanceSquared(a.Position, b.Position) > reach * reach) return;
        // Order so that the rounder shape is A: spheres, then capsules, then polyhedra.
        if (Rank(a.Shape) > Rank(b.Shape)) (a, b) = (b, a);
        switch (a.Shape)
        {
            case SphereShape sa:
                RoundAgainst(a, a.Position, sa.Radius, b, margin, contacts);
                break;
            case CapsuleShape ca when b.Shape is CapsuleShape cb:
            {
                var (p, q) = ClosestBetweenSegments(Segment(a, ca), Segment(b, cb));
                SphereSphere(a, p, ca.Radius, b, q, cb.Radius, margin, contacts);
                break;
            }
            case CapsuleShape ca:
            {
                var (start, end) = Segment(a, ca);
                RoundAgainst(a, start, ca.Radius, b, margin, contacts);
                RoundAgainst(a, end, ca.Radius, b, margin, contacts);
                if (ca.HalfHeight > ca.Radius) RoundAgainst(a, (start + end) / 2, ca.Radius, b, margin, contacts);
                break;
            }
            default:
                Polyhedra(a, b, margin, contacts);
                break;
        }
    }

    private static int Rank(BodyShape shape) => shape switch { SphereShape => 0, CapsuleShape => 1, _ => 2 };

    /// <summary>A sphere of body A (possibly one end of a capsule) against any shape of B.</summary>
    private static void RoundAgainst(RigidBody a, Vector3 centre, float radius, RigidBody b, float margin, List<Contact> contacts)
    {
        switch (b.Shape)
        {
            case SphereShape sb:
                SphereSphere(a, centre, radius, b, b.Position, sb.Radius, margin, contacts);
                break;
            case CapsuleShape cb:
            {
                var (start, end) = Segment(b, cb);
                SphereSphere(a, centre, radius, b, ClosestOnSegment(centre, start, end), cb.Radius, margin, contacts);
                break;
            }
            case BoxShape box:
                SphereBox(a, centre, radius, b, box.HalfExtents, margin, contacts);
                break;
            default:
                SpherePlanes(a, centre, radius, b, margin, contacts);
                break;
        }
    }

    private static void SphereSphere(RigidBody a, Vector3 pa, float ra, RigidBody b, Vector3 pb, float rb, float margin, List<Contact> contacts)
    {
        var delta = pa - pb;
        var distance = delta.Length();
        var separation = distance - ra - rb;
        if (separation > margin) return;
        var normal = distance > 1e-6f ? delta / distance : Vector3.UnitY;
        contacts.Add(new Contact { A = a, B = b, Normal = normal, Point = pb + normal * rb, Separation = separation });
    }

    private static void SphereBox(RigidBody a, Vector3 centre, float radius, RigidBody b, Vector3 half, float margin, List<Contact> contacts)
    {
        var inverse = Quaternion.Conjugate(b.Rotation);
        var local = Vector3.Transform(centre - b.Position, inverse);
        var closest = Vector3.Clamp(local, -half, half);
        Vector3 normal;
        float separation;
        if (closest != local)
        {
            var delta = local - closest;
            var distance = delta.Length();
            normal = delta / distance;
            separation = distance - radius;
        }
        else
        {
            // Centre inside: leave through the nearest face.
            var depth = half - Vector3.Abs(local);
            if (depth.X <= depth.Y && depth.X <= depth.Z) normal = new Vector3(MathF.Sign(local.X) is 0 ? 1 : MathF.Sign(local.X), 0, 0);
            else if (depth.Y <= depth.Z) normal = new Vector3(0, MathF.Sign(local.Y) is 0 ? 1 : MathF.Sign(local.Y), 0);
            else normal = new Vector3(0, 0, MathF.Sign(local.Z) is 0 ? 1 : MathF.Sign(local.Z));
            separation = -MathF.Min(depth.X, MathF.Min(depth.Y, depth.Z)) - radius;
            closest = local - normal * (separation + radius);
        }
        if (separation > margin) return;
        contacts.Add(new Contact
        {
            A = a, B = b, Normal = Vector3.Transform(normal, b.Rotation),
            Point = b.Position + Vector3.Transform(closest, b.Rotation), Separation = separation,
        });
    }

    private static void SpherePlanes(RigidBody a, Vector3 centre, float radius, RigidBody b, float margin, List<Contact> contacts)
    {
        var local = Vector3.Transform(centre - b.Position, Quaternion.Conjugate(b.Rotation));
        var (normal, distance) = Deepest(b.Polyhedron!, local);
        var separation = distance - radius;
        if (separation > margin) return;
        var worldNormal = Vector3.Transform(normal, b.Rotation);
        contacts.Add(new Contact { A = a, B = b, Normal = worldNormal, Point = centre - worldNormal * (radius + separation), Separation = separation });
    }

    /// <summary>
    /// Two polyhedra: the separating axis among both bodies' face normals with the least overlap gives one
    /// normal for the whole pair, so flush faces (a stack of equal boxes) never push sideways. Contact points
    /// are the corners of either body that lie over the other's face.
    /// </summary>
    private static void Polyhedra(RigidBody a, RigidBody b, float margin, List<Contact> contacts)
    {
        var cornersA = World(a);
        var cornersB = World(b);
        var best = float.MinValue;
        var normal = Vector3.UnitY;
        var referenceIsB = true;
        var referenceFace = 0;
        for (var f = 0; f < a.Polyhedron!.Planes.Length; f++)
            if (Try(-Vector3.Transform(a.Polyhedron.Planes[f].Normal, a.Rotation))) { referenceIsB = false; referenceFace = f; }
        for (var f = 0; f < b.Polyhedron!.Planes.Length; f++)
            // Ties go to B's faces only when clearly better, so a face of A resting flush stays the reference.
            if (Try(Vector3.Transform(b.Polyhedron.Planes[f].Normal, b.Rotation))) { referenceIsB = true; referenceFace = f; }
        var faceBest = best;
        // Edge against edge: without these axes two tilted boxes can seem to overlap when they do not.
        foreach (var edgeA in a.Polyhedron.EdgeDirections)
            foreach (var edgeB in b.Polyhedron.EdgeDirections)
            {
                var axis = Vector3.Cross(Vector3.Transform(edgeA, a.Rotation), Vector3.Transform(edgeB, b.Rotation));
                if (axis.LengthSquared() < 1e-6f) continue;
                axis = Vector3.Normalize(axis);
                if (Vector3.Dot(axis, a.Position - b.Position) < 0) axis = -axis;
                // Prefer faces unless an edge axis separates clearly better (keeps resting contacts on faces).
                var separation = -Max(cornersA, -axis) - Max(cornersB, axis);
                if (separation > best + 0.001f) { best = separation; normal = axis; }
            }
        if (best > margin) return;

        var before = contacts.Count;
        if (best <= faceBest)
        {
            // Face contact: clip the other body's most opposed face against the reference face's sides.
            var fromB = referenceIsB;
            var reference = fromB ? b : a;
            var incident = fromB ? a : b;
            var referenceNormal = fromB ? normal : -normal;
            ClipFaces(reference, referenceFace, incident, referenceNormal, margin, contacts, a, b, normal);
        }
        if (contacts.Count == before && best <= 0.002f)
        {
            // Edge against edge (or a degenerate clip): touch where A's lowest feature meets B's highest.
            var bottomA = -Max(cornersA, -normal);
            var topB = Max(cornersB, normal);
            var featureA = cornersA.Where(c => Vector3.Dot(c, normal) < bottomA + 0.003f).ToArray();
            var featureB = cornersB.Where(c => Vector3.Dot(c, normal) > topB - 0.003f).ToArray();
            Vector3 point;
            if (featureA.Length == 2 && featureB.Length == 2)
            {
                var (p, q) = ClosestBetweenSegments((featureA[0], featureA[1]), (featureB[0], featureB[1]));
                point = (p + q) / 2;
            }
            else if (featureA.Length == 1) point = featureA[0];
            else if (featureB.Length == 1) point = featureB[0];
            else point = (Centroid(featureA) + Centroid(featureB)) / 2;
            contacts.Add(new Contact { A = a, B = b, Normal = normal, Point = point, Separation = best });
        }

        bool Try(Vector3 axis)
        {
            var separation = -Max(cornersA, -axis) - Max(cornersB, axis);
            if (separation <= best + 1e-5f) return false;
            best = separation;
            normal = axis;
            return true;
        }
    }

    private static void ClipFaces(RigidBody reference, int face, RigidBody incident, Vector3 referenceNormal, float margin,
        List<Contact> contacts, RigidBody a, RigidBody b, Vector3 normal)
    {
        var referenceCorners = reference.Polyhedron!.Faces[face].Select(i => reference.Position + Vector3.Transform(reference.Polyhedron.Points[i], reference.Rotation)).ToArray();
        var referenceOffset = Vector3.Dot(referenceNormal, referenceCorners[0]);

        var incidentFace = 0;
        var mostOpposed = float.MaxValue;
        for (var f = 0; f < incident.Polyhedron!.Planes.Length; f++)
        {
            var alignment = Vector3.Dot(Vector3.Transform(incident.Polyhedron.Planes[f].Normal, incident.Rotation), referenceNormal);
            if (alignment < mostOpposed) { mostOpposed = alignment; incidentFace = f; }
        }
        var polygon = incident.Polyhedron.Faces[incidentFace].Select(i => incident.Position + Vector3.Transform(incident.Polyhedron.Points[i], incident.Rotation)).ToList();

        var centre = Centroid(referenceCorners);
        for (var i = 0; i < referenceCorners.Length && polygon.Count > 0; i++)
        {
            var start = referenceCorners[i];
            var end = referenceCorners[(i + 1) % referenceCorners.Length];
            var side = Vector3.Normalize(Vector3.Cross(end - start, referenceNormal));
            if (Vector3.Dot(side, centre - start) > 0) side = -side;
            polygon = ClipPolygon(polygon, side, Vector3.Dot(side, start));
        }
        foreach (var point in polygon)
        {
            var separation = Vector3.Dot(referenceNormal, point) - referenceOffset;
            if (separation > margin) continue;
            // The contact point sits on the incident body's surface.
            contacts.Add(new Contact { A = a, B = b, Normal = normal, Point = point, Separation = separation });
        }
    }

    /// <summary>Keeps the part of a convex polygon behind the plane side·x ≤ offset (Sutherland–Hodgman).</summary>
    private static List<Vector3> ClipPolygon(List<Vector3> polygon, Vector3 side, float offset)
    {
        var result = new List<Vector3>(polygon.Count + 2);
        for (var i = 0; i < polygon.Count; i++)
        {
            var current = polygon[i];
            var next = polygon[(i + 1) % polygon.Count];
            var dc = Vector3.Dot(side, current) - offset;
            var dn = Vector3.Dot(side, next) - offset;
            if (dc <= 0) result.Add(current);
            if ((dc < 0 && dn > 0) || (dc > 0 && dn < 0)) result.Add(current + (next - current) * (dc / (dc - dn)));
        }
        return result;
    }

    private static Vector3 Centroid(Vector3[] points)
    {
        var sum = Vector3.Zero;
        foreach (var p in points) sum += p;
        return sum / points.Length;
    }

    private static Vector3[] World(RigidBody body)
    {
        var points = body.Polyhedron!.Points;
        var world = new Vector3[points.Length];
        for (var i = 0; i < points.Length; i++) world[i] = body.Position + Vector3.Transform(points[i], body.Rotation);
        return world;
    }

    private static float Max(Vector3[] points, Vector3 axis)
    {
        var max = float.MinValue;
        foreach (var p in points) max = MathF.Max(max, Vector3.Dot(p, axis));
        return max;
    }

    /// <summary>The face plane a point is farthest in front of (its separating face), and how far.</summary>
    private static (Vector3 Normal, float Distance) Deepest(ConvexPolyhedron polyhedron, Vector3 point)
    {
        var best = float.MinValue;
        var normal = Vector3.UnitY;
        foreach (var (n, d) in polyhedron.Planes)
        {
            var distance = Vector3.Dot(n, point) - d;
            if (distance > best) { best = distance; normal = n; }
        }
        return (normal, best);
    }

    private static (Vector3, Vector3) Segment(RigidBody body, CapsuleShape capsule)
    {
        var axis = Vector3.Transform(Vector3.UnitY, body.Rotation) * capsule.HalfHeight;
        return (body.Position - axis, body.Position + axis);
    }

    private static Vector3 ClosestOnSegment(Vector3 point, Vector3 start, Vector3 end)
    {
        var direction = end - start;
        var lengthSquared = direction.LengthSquared();
        if (lengthSquared < 1e-12f) return start;
        var t = Math.Clamp(Vector3.Dot(point - start, direction) / lengthSquared, 0, 1);
        return start + direction * t;
    }

    private static (Vector3, Vector3) ClosestBetweenSegments((Vector3 Start, Vector3 End) p, (Vector3 Start, Vector3 End) q)
    {
        var d1 = p.End - p.Start;
        var d2 = q.End - q.Start;
        var r = p.Start - q.Start;
        float a = Vector3.Dot(d1, d1), e = Vector3.Dot(d2, d2), f = Vector3.Dot(d2, r);
        float s, t;
        if (a < 1e-9f && e < 1e-9f) return (p.Start, q.Start);
        if (a < 1e-9f) { s = 0; t = Math.Clamp(f / e, 0, 1); }
        else
        {
            var c = Vector3.Dot(d1, r);
            if (e < 1e-9f) { t = 0; s = Math.Clamp(-c / a, 0, 1); }
            else
            {
                var b = Vector3.Dot(d1, d2);
                var denominator = a * e - b * b;
                s = denominator > 1e-9f ? Math.Clamp((b * f - c * e) / denominator, 0, 1) : 0;
                t = (b * s + f) / e;
                if (t < 0) { t = 0; s = Math.Clamp(-c / a, 0, 1); }
                else if (t > 1) { t = 1; s = Math.Clamp((b - c) / a, 0, 1); }
            }
        }
        return (p.Start + d1 * s, q.Start + d2 * t);
    }
}
