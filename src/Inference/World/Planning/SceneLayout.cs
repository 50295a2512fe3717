namespace Sora.Inference.World.Planning;

/// <summary>Puts planned entities where their actions can happen: a row in front of the camera, things to drop up high.</summary>
internal static class SceneLayout
{
    public static WaterSpec Water(string environment) => environment == "beach"
        ? new WaterSpec(-40, -40, 40, -4, 0, 3)
        : new WaterSpec(2.5, -10, 16, 3.5, 0, 2);

    public static List<EntitySpec> Place(List<PromptPlanner.DraftEntity> drafts, List<ActionSpec> actions, bool hasWater)
    {
        var placed = new List<EntitySpec>();
        var stackKinds = actions.Where(a => a.Kind == "stack")
            .Select(a => drafts.First(d => d.Id == a.Actor).Kind).ToHashSet();
        double stackHeight = 0;
        var row = 0;
        // What something falls from must stand before it is put on top; the plan keeps the prompt's order.
        var supported = actions.Where(a => a.Kind == "fall" && a.Target is not null && a.Target != "water").Select(a => a.Actor).ToHashSet();
        foreach (var draft in drafts.Where(d => !supported.Contains(d.Id)).Concat(drafts.Where(d => supported.Contains(d.Id))))
        {
            var kind = Catalog.Entities[draft.Kind];
            double[] size = [R(kind.SizeX * draft.Scale), R(kind.SizeY * draft.Scale), R(kind.SizeZ * draft.Scale)];
            var color = Catalog.Colors[draft.Color ?? kind.Color];
            var material = draft.Material ?? kind.Material;
            double x, y = size[1] / 2, z = 0;
            var roles = actions.Where(a => a.Actor == draft.Id).Select(a => a.Kind).ToHashSet();
            var heldBy = actions.FirstOrDefault(a => a.Target == draft.Id && a.Kind is "throw" or "catch");

            if (kind.Mobility == Mobility.Static) { x = -1 + 2.5 * (row++ % 3); z = -2.5; }
            else if (kind.Mobility == Mobility.Vehicle) { x = -7; z = 1.5; }
            else { x = -3 + 1.6 * row++; }

            var stacked = stackKinds.Contains(draft.Kind) && kind.Shape == Shape.Box && kind.Mobility == Mobility.Passive;
            if (stacked)
            {
                x = 1; y = stackHeight + size[1] / 2 + 0.002; stackHeight += size[1] + 0.004;
            }
            if (!stacked && (roles.Contains("fall") || roles.Contains("bounce") || roles.Contains("explode"))) y += roles.Contains("bounce") ? 1.8 : 1.2;
            if (actions.FirstOrDefault(a => a.Actor == draft.Id && a.Kind == "fall" && a.Target is not null) is { } fall
                && placed.FirstOrDefault(p => p.Id == fall.Target) is { } support)
            {
                // At the edge it will be nudged over.
                x = support.Position[0] + support.Size[0] / 2 - size[0] / 2 - 0.02; z = support.Position[2];
                y = support.Position[1] + support.Size[1] / 2 + size[1] / 2 + 0.01;
            }
            if (heldBy is not null && placed.FirstOrDefault(p => p.Id == heldBy.Actor) is { } holder)
            {
                x = holder.Position[0] + holder.Size[0] / 2 + size[0] / 2 + 0.05; y = Math.Max(y, 1.0); z = holder.Position[2];
            }
            if (kind.Mobility == Mobility.Flyer) y = Math.Max(y, 3);
            if (kind.Mobility == Mobility.Swimmer && hasWater) { x = 6; z = -2; y = 0.05; }
            if (!stacked) x = ClearOf(placed, x, y, z, size);
            placed.Add(new EntitySpec(draft.Id, draft.Kind, size, color, material, [R(x), R(y), R(z)]));
        }
        return drafts.Select(d => placed.First(p => p.Id == d.Id)).ToList();
    }

    /// <summary>Moves a new entity along x until its box overlaps nothing placed before (objects never start inside each other).</summary>
    private static double ClearOf(List<EntitySpec> placed, double x, double y, double z, double[] size)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var blocker = placed.FirstOrDefault(p =>
                Math.Abs(p.Position[0] - x) < (p.Size[0] + size[0]) / 2 + 0.05 &&
                Math.Abs(p.Position[1] - y) < (p.Size[1] + size[1]) / 2 - 0.005 &&
                Math.Abs(p.Position[2] - z) < (p.Size[2] + size[2]) / 2 + 0.05);
            if (blocker is null) return x;
            x = blocker.Position[0] + (blocker.Size[0] + size[0]) / 2 + 0.1;
        }
        return x;
    }

    private static double R(double value) => Math.Round(value, 3);
}
