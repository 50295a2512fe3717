using System.Diagnostics.CodeAnalysis;

namespace Sora.Inference.World.Planning;

/// <summary>Checks a plan's meaning (known kinds, sane sizes, existing actors) after its JSON shape was read.</summary>
public static class ScenePlanValidator
{
    public static void Validate(ScenePlan plan)
    {
        if (plan.Version != ScenePlan.CurrentVersion)
            Fail("$.version", $"version {plan.Version} is not supported (expected {ScenePlan.CurrentVersion})");
        if (plan.Environment is null) Fail("$.environment", "is required");
        OneOf("$.environment.kind", plan.Environment.Kind, Catalog.Environments);
        OneOf("$.environment.timeOfDay", plan.Environment.TimeOfDay, Catalog.TimesOfDay);
        OneOf("$.environment.weather", plan.Environment.Weather, Catalog.Weathers);
        if (plan.Environment.Water is { } water && (water.MaxX <= water.MinX || water.MaxZ <= water.MinZ || water.Depth <= 0))
            Fail("$.environment.water", "needs minX < maxX, minZ < maxZ and a positive depth");
        OneOf("$.style", plan.Style, Catalog.Styles);
        Require("$.camera", plan.Camera);
        Require("$.entities", plan.Entities);
        Require("$.actions", plan.Actions);
        Require("$.speech", plan.Speech);
        Require("$.ambience", plan.Ambience);
        Require("$.warnings", plan.Warnings);

        var ids = new HashSet<string>();
        for (var i = 0; i < plan.Entities.Count; i++)
        {
            var path = $"$.entities[{i}]";
            var entity = plan.Entities[i] ?? Fail<EntitySpec>(path, "is null");
            if (string.IsNullOrWhiteSpace(entity.Id)) Fail($"{path}.id", "is required");
            if (!ids.Add(entity.Id)) Fail($"{path}.id", $"'{entity.Id}' is used twice");
            OneOf($"{path}.kind", entity.Kind, Catalog.Entities.Keys);
            OneOf($"{path}.material", entity.Material, Catalog.Materials.Keys);
            Vector($"{path}.size", entity.Size, 0.01, 50);
            Vector($"{path}.color", entity.Color, 0, 1);
            Vector($"{path}.position", entity.Position, -100, 100);
        }
        for (var i = 0; i < plan.Actions.Count; i++)
        {
            var path = $"$.actions[{i}]";
            var action = plan.Actions[i] ?? Fail<ActionSpec>(path, "is null");
            OneOf($"{path}.kind", action.Kind, Catalog.Actions);
            if (!ids.Contains(action.Actor ?? "")) Fail($"{path}.actor", $"no entity has id '{action.Actor}'");
            if (action.Target is { } target && target != "water" && !ids.Contains(target))
                Fail($"{path}.target", $"no entity has id '{target}' (or use \"water\")");
            if (!(action.Start >= 0 && action.Start < 600)) Fail($"{path}.start", "must be between 0 and 600 seconds");
            if (!(action.Duration > 0 && action.Duration < 600)) Fail($"{path}.duration", "must be positive seconds");
        }
        for (var i = 0; i < plan.Camera.Count; i++)
        {
            var path = $"$.camera[{i}]";
            var shot = plan.Camera[i] ?? Fail<CameraShot>(path, "is null");
            OneOf($"{path}.kind", shot.Kind, Catalog.CameraKinds);
            if (shot.Subject is { } subject && !ids.Contains(subject)) Fail($"{path}.subject", $"no entity has id '{subject}'");
            if (!(shot.Start >= 0) || !(shot.Duration > 0)) Fail($"{path}.duration", "needs start >= 0 and duration > 0");
        }
        for (var i = 0; i < plan.Speech.Count; i++)
        {
            var line = plan.Speech[i] ?? Fail<SpeechLine>($"$.speech[{i}]", "is null");
            if (!ids.Contains(line.Speaker ?? "")) Fail($"$.speech[{i}].speaker", $"no entity has id '{line.Speaker}'");
            if (string.IsNullOrEmpty(line.Text)) Fail($"$.speech[{i}].text", "is required");
        }
        for (var i = 0; i < plan.Ambience.Count; i++) OneOf($"$.ambience[{i}]", plan.Ambience[i], Catalog.AmbienceBeds);
    }

    private static void OneOf(string path, string? value, IEnumerable<string> known)
    {
        if (value is null) Fail(path, "is required");
        if (!known.Contains(value)) Fail(path, $"unknown value '{value}' (known: {string.Join(", ", known)})");
    }

    private static void Require<T>(string path, List<T>? list)
    {
        if (list is null) Fail(path, "is required (may be empty)");
    }

    private static void Vector(string path, double[]? values, double min, double max)
    {
        if (values is null) Fail(path, "is required");
        if (values.Length != 3) Fail(path, $"needs exactly 3 numbers, has {values.Length}");
        for (var i = 0; i < 3; i++)
            if (!(values[i] >= min && values[i] <= max)) Fail($"{path}[{i}]", $"{values[i]} is outside [{min}, {max}]");
    }

    [DoesNotReturn]
    private static void Fail(string path, string problem) => throw new PlanValidationException(path, problem);

    [DoesNotReturn]
    private static T Fail<T>(string path, string problem) => throw new PlanValidationException(path, problem);
}
