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
        var stacking = actions.Any(a => a.Kind == "stack");
        double stackHeight = 0;
        var row = 0;
        foreach (var draft in drafts)
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

            if (stacking && kind.Shape == Shape.Box && kind.Mobility == Mobility.Passive)
            {
                x = 1; y = stackHeight + size[1] / 2 + 0.002; stackHeight += size[1] + 0.004;
            }
            if (roles.Contains("fall") || roles.Contains("bounce") || roles.Contains("explode")) y += roles.Contains("bounce") ? 1.8 : 1.2;
            if (actions.FirstOrDefault(a => a.Actor == draft.Id && a.Kind == "fall" && a.Target is not null) is { } fall
                && placed.FirstOrDefault(p => p.Id == fall.Target) is { } support)
            {
                x = support.Position[0]; z = support.Position[2];
                y = support.Position[1] + support.Size[1] / 2 + size[1] / 2 + 0.01;
            }
            if (heldBy is not null && placed.FirstOrDefault(p => p.Id == heldBy.Actor) is { } holder)
            {
                x = holder.Position[0] + holder.Size[0] / 2 + size[0] / 2 + 0.05; y = Math.Max(y, 1.0); z = holder.Position[2];
            }
            if (kind.Mobility == Mobility.Flyer) y = Math.Max(y, 3);
            if (kind.Mobility == Mobility.Swimmer && hasWater) { x = 6; z = -2; y = 0.05; }
            placed.Add(new EntitySpec(draft.Id, draft.Kind, size, color, material, [R(x), R(y), R(z)]));
        }
        return placed;
    }

    private static double R(double value) => Math.Round(value, 3);
}
