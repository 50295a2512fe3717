using System.Globalization;
using System.Text;

namespace Sora.Inference.World.Planning;

/// <summary>Maps an English or German prompt onto a <see cref="ScenePlan"/>; what it cannot map becomes a warning.</summary>
public sealed class PromptPlanner
{
    private static readonly HashSet<string> WaterEnvironments = ["lake", "beach"];
    private static readonly HashSet<string> SelfActions = ["fall", "bounce", "roll", "slide", "spin", "explode", "fly", "swim", "dance", "wave", "sit", "jump", "drive", "splash"];

    public ScenePlan Plan(string prompt, double seconds = 5, string? style = null)
    {
        var state = new PlanningState();
        // Quoted text is what someone says; it is not read as scene words.
        var quotes = QuotePattern.Matches(prompt).Select(m => m.Groups[1].Value.Trim()).Where(q => q.Length > 0).ToList();
        foreach (var token in Tokenize(QuotePattern.Replace(prompt, " . "))) Read(token, state);
        return Compose(prompt, seconds, style, state, quotes);
    }

    private static readonly System.Text.RegularExpressions.Regex QuotePattern = new("[\"“”„«»]([^\"“”„«»]*)[\"“”„«»]");

    private static IEnumerable<string> Tokenize(string prompt)
    {
        var text = new StringBuilder(" ");
        foreach (var c in prompt.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '\'') text.Append(c);
            else text.Append(c is '.' or ',' or ';' or '!' or '?' ? " . " : " ");
        }
        // A clause end is a token of its own, so phrases like "jumps in ." can tell "jumps in" from "jumps in the forest".
        text.Append(" . ");
        var joined = System.Text.RegularExpressions.Regex.Replace(text.ToString(), "\\s+", " ");
        foreach (var (phrase, token) in Lexicon.Phrases) joined = joined.Replace($" {phrase} ", $" {token} ");
        return joined.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static void Read(string token, PlanningState state)
    {
        var madeOf = state.MadeOf;
        var previousEntity = state.JustAddedEntity;
        state.MadeOf = false;
        state.JustAddedEntity = null;
        if (!Lexicon.TryGet(token, out var meaning))
        {
            if (!state.Warnings.Contains($"unknown word '{token}' was ignored"))
                state.Warnings.Add($"unknown word '{token}' was ignored");
            return;
        }
        switch (meaning.Class)
        {
            case WordClass.Entity when madeOf && Catalog.Materials.ContainsKey(meaning.Value):
                SetLastMaterial(meaning.Value, state);
                break;
            case WordClass.Entity:
                // "a glass bottle": an entity word that names a material, right before another entity, is an adjective.
                if (previousEntity is not null && Catalog.Materials.ContainsKey(previousEntity.Kind)
                    && state.Actions.All(a => a.Actor != previousEntity.Id && a.Target != previousEntity.Id))
                {
                    state.Entities.Remove(previousEntity);
                    state.Material ??= previousEntity.Kind;
                    state.Color ??= previousEntity.Color;
                }
                AddEntity(meaning.Value, state);
                break;
            case WordClass.Color: state.Color = meaning.Value; break;
            case WordClass.Material when madeOf: SetLastMaterial(meaning.Value, state); break;
            case WordClass.Material: state.Material = meaning.Value; break;
            case WordClass.MadeOf: state.MadeOf = state.Entities.Count > 0; break;
            case WordClass.Big: state.Scale = 1.6; break;
            case WordClass.Small: state.Scale = 0.6; break;
            case WordClass.Count: state.Count = int.Parse(meaning.Value, CultureInfo.InvariantCulture); break;
            case WordClass.Environment: SetEnvironment(meaning.Value, state); break;
            case WordClass.TimeOfDay: state.TimeOfDay = meaning.Value; break;
            case WordClass.Weather:
                state.Weather = meaning.Value;
                if (meaning.Value == "snow") state.Environment ??= "snow";
                break;
            case WordClass.Camera: if (!state.Camera.Contains(meaning.Value)) state.Camera.Add(meaning.Value); break;
            case WordClass.Style: state.Style ??= meaning.Value; break;
            case WordClass.Action: AddAction(meaning.Value, state); break;
            case WordClass.Into:
                if (state.Actions.LastOrDefault() is { } into)
                {
                    if (into.Kind == "jump") into.Kind = "jump_into";
                    into.AwaitsTarget = true;
                    if (state.Environment is { } env && WaterEnvironments.Contains(env)) into.Target ??= "water";
                }
                break;
            case WordClass.From or WordClass.Onto:
                // "falls from the table", "jumps onto a chair": the next entity is where the action happens.
                if (state.Actions.LastOrDefault() is { Kind: "fall" or "jump" or "jump_into" or "sit" or "walk_to" or "run_to" } place && place.Actor is not null)
                    place.AwaitsTarget = true;
                break;
            case WordClass.Over:
                if (state.Actions.LastOrDefault() is { Kind: "throw" or "push" or "kick" } over) over.Kind = "knock_over";
                break;
        }
    }

    private static void SetLastMaterial(string material, PlanningState state)
    {
        var last = state.Entities[^1];
        state.Entities[^1] = last with { Material = material };
    }

    private static void AddEntity(string kind, PlanningState state)
    {
        var count = Math.Clamp(state.Count, 1, 5);
        string? first = null;
        for (var i = 0; i < count; i++)
        {
            var id = kind + (state.Entities.Count(e => e.Kind == kind) + 1).ToString(CultureInfo.InvariantCulture);
            state.Entities.Add(new DraftEntity(id, kind, state.Color, state.Material, state.Scale));
            first ??= id;
        }
        state.Color = null; state.Material = null; state.Scale = 1; state.Count = 1;
        state.JustAddedEntity = count == 1 ? state.Entities[^1] : null;

        var pending = state.Actions.LastOrDefault(a => a.AwaitsTarget || a.Actor is null);
        if (pending is { Actor: null })
        {
            pending.Actor = first;
            pending.AwaitsTarget = !SelfActions.Contains(pending.Kind);
        }
        else if (pending is not null && pending.Actor != first)
        {
            pending.Target = first;
            pending.AwaitsTarget = false;
        }
    }

    private static void SetEnvironment(string environment, PlanningState state)
    {
        if (WaterEnvironments.Contains(environment))
        {
            state.HasWater = true;
            if (state.Actions.LastOrDefault(a => a.AwaitsTarget) is { } pending)
            {
                pending.Target = "water";
                pending.AwaitsTarget = false;
                if (pending.Kind == "jump") pending.Kind = "jump_into";
            }
        }
        if (state.Environment is null || (state.Environment == "lake" && environment == "beach")) state.Environment = environment;
    }

    private static void AddAction(string kind, PlanningState state)
    {
        foreach (var open in state.Actions) open.AwaitsTarget = false;
        var actor = kind is "explode" or "fall" or "bounce" or "roll" or "slide" or "spin"
            ? state.Entities.LastOrDefault()?.Id
            : state.Entities.LastOrDefault(e => Catalog.Entities[e.Kind].Mobility != Mobility.Passive)?.Id ?? state.Entities.LastOrDefault()?.Id;
        state.Actions.Add(new DraftAction(kind) { Actor = actor, AwaitsTarget = actor is not null && !SelfActions.Contains(kind) || kind == "jump" });
    }

    private static ScenePlan Compose(string prompt, double seconds, string? style, PlanningState state, List<string> quotes)
    {
        if (state.Entities.Count == 0)
        {
            state.Warnings.Add("the prompt names no object or being; a ball was placed in the scene");
            state.Entities.Add(new DraftEntity("ball1", "ball", null, null, 1));
        }
        var environment = state.Environment ?? (state.HasWater ? "lake" : "room");
        var hasWater = state.HasWater || WaterEnvironments.Contains(environment);
        // Slow-motion shots show less simulated time; the actions must fit into what will be seen.
        var slowShare = state.Camera.Count == 0 ? 0 : state.Camera.Count(k => k == "slow_motion") / (double)state.Camera.Count;
        var simulated = seconds * (1 - slowShare + slowShare * Camera.SimulationClock.SlowRate);
        var actions = ScheduleActions(state, simulated);
        var entities = SceneLayout.Place(state.Entities, actions, hasWater);
        var subject = actions.FirstOrDefault()?.Actor ?? entities[0].Id;
        var camera = (state.Camera.Count == 0 ? ["wide"] : state.Camera)
            .Select((kind, i) => new CameraShot(kind, seconds * i / Math.Max(1, state.Camera.Count), seconds / Math.Max(1, state.Camera.Count), subject))
            .ToList();
        var speaker = entities.FirstOrDefault(e => Catalog.Entities[e.Kind].Shape == Shape.Figure) ?? entities[0];
        var speech = quotes.Select((text, i) => new SpeechLine(speaker.Id, text, Math.Round(0.5 + i * 1.5, 3))).ToList();
        if (style is not null && !Catalog.Styles.Contains(style))
        {
            state.Warnings.Add($"unknown style '{style}'; cinematic was used");
            style = null;
        }
        return new ScenePlan
        {
            Prompt = prompt,
            Environment = new EnvironmentSpec
            {
                Kind = environment,
                TimeOfDay = state.TimeOfDay ?? (environment == "city_night" ? "night" : "day"),
                Weather = state.Weather ?? "clear",
                Water = hasWater ? SceneLayout.Water(environment) : null,
            },
            Style = style ?? state.Style ?? "cinematic",
            Camera = camera,
            Entities = entities,
            Actions = actions,
            Ambience = Ambience(environment, state.Weather, state.TimeOfDay),
            Speech = speech,
            Warnings = state.Warnings,
        };
    }

    private static List<ActionSpec> ScheduleActions(PlanningState state, double seconds)
    {
        var drafts = new List<DraftAction>();
        foreach (var action in state.Actions.Where(a => a.Actor is not null))
        {
            // Something that cannot move by itself and "jumps" bounces.
            var actorKind = state.Entities.First(e => e.Id == action.Actor).Kind;
            if (action.Kind == "jump" && Catalog.Entities[actorKind].Mobility == Mobility.Passive) action.Kind = "bounce";
            if (action.Kind == "jump" && action.Target is not null) action.Kind = "jump_into";
            // One event told twice ("fällt ... zu Boden") is one action.
            if (drafts.LastOrDefault() is { } previous && previous.Kind == action.Kind && previous.Actor == action.Actor
                && (previous.Target == action.Target || action.Target is null))
                continue;
            drafts.Add(action);
        }
        foreach (var action in state.Actions.Where(a => a.Actor is null))
            state.Warnings.Add($"action '{action.Kind}' has nobody to do it and was ignored");
        var total = drafts.Sum(a => DefaultDuration(a.Kind));
        var start = Math.Min(0.2, seconds * 0.05);
        var room = seconds * 0.95 - start;
        var scale = total > room ? room / total : 1;
        var result = new List<ActionSpec>();
        foreach (var draft in drafts)
        {
            var duration = Math.Round(DefaultDuration(draft.Kind) * scale, 3);
            result.Add(new ActionSpec(draft.Kind, draft.Actor!, Math.Round(start, 3), duration, draft.Target));
            start += duration;
        }
        return result;
    }

    private static double DefaultDuration(string kind) => kind switch
    {
        "walk_to" or "run_to" or "drive" or "fly" or "swim" or "push" => 2.0,
        "jump" or "jump_into" or "kick" or "throw" or "knock_over" or "catch" => 1.0,
        "explode" or "shatter" or "splash" => 0.5,
        _ => 1.5,
    };

    private static List<string> Ambience(string environment, string? weather, string? time)
    {
        var beds = new List<string>
        {
            environment switch
            {
                "beach" => "surf", "lake" => "birds", "street" => "city", "forest" => "forest", "kitchen" or "room" => "room",
                "desert" or "snow" or "mountains" => "wind", "city_night" => "city", "space" => "space", "underwater" => "underwater",
                _ => "wind",
            },
        };
        if (weather == "rain") beds.Add("rain");
        if (time == "night" && environment is "forest" or "lake") beds.Add("crickets");
        return beds;
    }

    internal sealed record DraftEntity(string Id, string Kind, string? Color, string? Material, double Scale);

    internal sealed class DraftAction(string kind)
    {
        public string Kind { get; set; } = kind;
        public string? Actor { get; set; }
        public string? Target { get; set; }
        public bool AwaitsTarget { get; set; }
    }

    private sealed class PlanningState
    {
        public List<DraftEntity> Entities { get; } = [];
        public List<DraftAction> Actions { get; } = [];
        public List<string> Warnings { get; } = [];
        public List<string> Camera { get; } = [];
        public string? Environment { get; set; }
        public string? TimeOfDay { get; set; }
        public string? Weather { get; set; }
        public string? Style { get; set; }
        public string? Color { get; set; }
        public string? Material { get; set; }
        public double Scale { get; set; } = 1;
        public int Count { get; set; } = 1;
        public bool HasWater { get; set; }
        public bool MadeOf { get; set; }
        public DraftEntity? JustAddedEntity { get; set; }
    }
}
