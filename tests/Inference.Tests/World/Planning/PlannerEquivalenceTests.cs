using Sora.Inference.World.Planning;

namespace Sora.Inference.Tests.World.Planning;

public class PlannerEquivalenceTests
{
    public static TheoryData<string, string> Pairs => new()
    {
        { "a dog runs to the lake and jumps in", "Ein Hund rennt zum See und springt hinein" },
        { "a red ball bounces on the street", "Ein roter Ball hüpft auf der Straße" },
        { "a glass falls on the floor in the kitchen", "Ein Glas fällt in der Küche zu Boden" },
        { "a cat walks to a blue box", "Eine Katze geht zu einer blauen Kiste" },
        { "a man waves on the beach at sunset", "Ein Mann winkt am Strand bei Sonnenuntergang" },
        { "a woman dances in the rain", "Eine Frau tanzt im Regen" },
        { "a car drives down the street at night", "Ein Auto fährt nachts die Straße entlang" },
        { "a bird flies over the forest", "Ein Vogel fliegt über den Wald" },
        { "a duck swims on the lake", "Eine Ente schwimmt auf dem See" },
        { "a child kicks a ball", "Ein Kind kickt einen Ball" },
        { "a vase explodes into pieces", "Eine Vase zerspringt in Stücke" },
        { "three wooden boxes stack in a room", "Drei hölzerne Kisten stapeln im Zimmer" },
        { "close-up of a green bottle in the kitchen", "Nahaufnahme einer grünen Flasche in der Küche" },
        { "a robot walks in the desert, tracking shot", "Ein Roboter geht in der Wüste, Kamerafahrt" },
        { "a horse runs in the mountains in slow motion", "Ein Pferd rennt in den Bergen in Zeitlupe" },
        { "a snowman in the snow, drone shot", "Ein Schneemann im Schnee, Luftaufnahme" },
        { "a drone flies through the city at night", "Eine Drohne fliegt bei Nacht durch die Stadt" },
        { "a fish swims underwater", "Ein Fisch schwimmt unter Wasser" },
        { "a robot floats in space, orbit", "Ein Roboter fliegt im Weltall, umkreist" },
        { "a rabbit jumps in the forest, anime style", "Ein Hase springt im Wald, Anime Stil" },
        { "a metal cube slides on ice, cartoon", "Ein Würfel aus Metall rutscht auf Eis, Zeichentrick" },
        { "a boy throws a ball to a dog", "Ein Junge wirft einen Ball zu einem Hund" },
        { "a person pushes a box, handheld", "Eine Person schiebt eine Kiste, Handkamera" },
        { "a cup falls from the table, claymation", "Eine Tasse fällt vom Tisch, Knetanimation" },
        { "a yellow balloon flies in the fog", "Ein gelber Ballon fliegt im Nebel" },
        { "a cow sits on a hill at dawn, watercolor", "Eine Kuh sitzt auf einem Berg bei Sonnenaufgang, Aquarell" },
        { "a barrel rolls down the street, pixel art", "Ein Fass rollt die Straße hinunter, Pixel Art" },
        { "a woman spins in a room, noir", "Eine Frau dreht sich im Zimmer, Noir" },
        { "a cat jumps onto a chair, sketch", "Eine Katze springt auf einen Stuhl, Skizze" },
        { "a truck drives in the desert, low angle", "Ein Lastwagen fährt in der Wüste, Froschperspektive" },
        { "a dog catches a ball on the beach, pov", "Ein Hund fängt einen Ball am Strand, Egoperspektive" },
        { "a sheep walks to a tree on a cloudy day, dolly in", "Ein Schaf geht zu einem Baum an einem bewölkten Tag, Ranfahrt" },
        { "a stone falls into the lake", "Ein Stein fällt in den See" },
        { "a glass bottle shatters on a stone, wide", "Eine Flasche aus Glas zerbricht auf einem Stein, Totale" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void English_and_German_prompts_give_equivalent_plans_without_warnings(string english, string german)
    {
        var planner = new PromptPlanner();
        var en = planner.Plan(english);
        var de = planner.Plan(german);

        Assert.Equal(Essence(en), Essence(de));
        Assert.Empty(en.Warnings);
        Assert.Empty(de.Warnings);
    }

    [Fact]
    public void The_dog_runs_to_the_lake_and_jumps_into_the_water()
    {
        var plan = new PromptPlanner().Plan("a dog runs to the lake and jumps in");

        Assert.Equal("lake", plan.Environment.Kind);
        Assert.NotNull(plan.Environment.Water);
        var dog = Assert.Single(plan.Entities);
        Assert.Equal("dog", dog.Kind);
        Assert.Equal(["run_to", "jump_into"], plan.Actions.Select(a => a.Kind));
        Assert.All(plan.Actions, a => Assert.Equal(dog.Id, a.Actor));
        Assert.All(plan.Actions, a => Assert.Equal("water", a.Target));
        Assert.True(plan.Actions[1].Start >= plan.Actions[0].Start + plan.Actions[0].Duration);
    }

    [Fact]
    public void Unknown_words_are_reported_not_dropped()
    {
        var plan = new PromptPlanner().Plan("a dog chases a zorblax near the quokka");

        Assert.Contains(plan.Warnings, w => w.Contains("'zorblax'"));
        Assert.Contains(plan.Warnings, w => w.Contains("'quokka'"));
        Assert.Contains(plan.Warnings, w => w.Contains("'chases'"));
    }

    [Fact]
    public void Colours_materials_and_sizes_reach_the_entities()
    {
        var plan = new PromptPlanner().Plan("a big blue wooden ball and a small golden cup");

        var ball = plan.Entities.Single(e => e.Kind == "ball");
        var cup = plan.Entities.Single(e => e.Kind == "cup");
        Assert.Equal(Catalog.Colors["blue"], ball.Color);
        Assert.Equal("wood", ball.Material);
        Assert.True(ball.Size[0] > Catalog.Entities["ball"].SizeX);
        Assert.Equal(Catalog.Colors["gold"], cup.Color);
        Assert.True(cup.Size[1] < Catalog.Entities["cup"].SizeY);
    }

    [Fact]
    public void Every_camera_phrasing_becomes_its_shot()
    {
        var phrasings = new Dictionary<string, string>
        {
            ["close-up of a cat"] = "close_up", ["wide shot of a cat"] = "wide", ["tracking shot of a cat"] = "tracking",
            ["the camera orbits a cat"] = "orbit", ["dolly in on a cat"] = "dolly_in", ["aerial view of a cat"] = "drone",
            ["handheld shot of a cat"] = "handheld", ["low angle shot of a cat"] = "low_angle", ["pov of a cat"] = "pov",
            ["a cat in slow motion"] = "slow_motion",
        };
        foreach (var (prompt, kind) in phrasings)
        {
            var plan = new PromptPlanner().Plan(prompt);
            Assert.True(plan.Camera.Any(s => s.Kind == kind), $"'{prompt}' gave {string.Join(",", plan.Camera.Select(s => s.Kind))}");
        }
    }

    [Fact]
    public void The_catalog_has_the_promised_breadth()
    {
        Assert.True(Catalog.Entities.Count >= 40);
        Assert.Equal(12, Catalog.Environments.Count);
        Assert.Equal(10, Catalog.CameraKinds.Count);
        Assert.True(Catalog.Actions.Count >= 25);
        Assert.Equal(8, Catalog.Styles.Count);
    }

    [Fact]
    public void Every_environment_and_style_word_is_understood()
    {
        var planner = new PromptPlanner();
        string[] environments = ["beach", "lake", "street", "forest", "kitchen", "room", "desert", "snowy", "mountains", "city at night", "space", "underwater"];
        for (var i = 0; i < environments.Length; i++)
            Assert.Equal(Catalog.Environments[i], planner.Plan($"a ball in the {environments[i]}").Environment.Kind);
        string[] styles = ["cinematic", "anime", "cartoon", "claymation", "watercolor", "pixel art", "noir", "sketch"];
        for (var i = 0; i < styles.Length; i++)
            Assert.Equal(Catalog.Styles[i], planner.Plan($"a ball, {styles[i]}").Style);
    }

    [Fact]
    public void Planned_plans_pass_validation()
    {
        var planner = new PromptPlanner();
        foreach (var row in Pairs)
        {
            ScenePlanValidator.Validate(planner.Plan((string)row[0]));
            ScenePlanValidator.Validate(planner.Plan((string)row[1]));
        }
    }

    /// <summary>What must agree between languages: everything but the prompt text and the warnings.</summary>
    private static string Essence(ScenePlan plan) =>
        ScenePlanJson.Write(plan with { Prompt = "", Warnings = [] });
}

public class PlannerDetailTests
{
    [Theory]
    [InlineData("a man waves and says \"hello there\"", "hello there")]
    [InlineData("Ein Mann winkt und sagt „Guten Tag“", "Guten Tag")]
    public void Quoted_words_become_a_speech_line_of_the_person(string prompt, string line)
    {
        var plan = new PromptPlanner().Plan(prompt);

        var speech = Assert.Single(plan.Speech);
        Assert.Equal(line, speech.Text);
        Assert.Equal("man1", speech.Speaker);
        Assert.Empty(plan.Warnings);
    }

    [Fact]
    public void Slow_motion_fits_the_actions_into_the_slowed_time()
    {
        var normal = new PromptPlanner().Plan("a dog runs to the lake and jumps in", 5);
        var slow = new PromptPlanner().Plan("a dog runs to the lake and jumps in, slow motion", 5);

        var end = slow.Actions.Max(a => a.Start + a.Duration);
        Assert.True(end <= 5 * Sora.Inference.World.Camera.SimulationClock.SlowRate + 1e-9, $"actions end at {end}");
        Assert.True(normal.Actions.Max(a => a.Start + a.Duration) > end);
    }

    [Fact]
    public void A_cup_that_falls_from_the_table_starts_on_its_edge()
    {
        var plan = new PromptPlanner().Plan("a cup falls from the table");

        var cup = plan.Entities.Single(e => e.Kind == "cup");
        var table = plan.Entities.Single(e => e.Kind == "table");
        Assert.Equal("table1", plan.Actions.Single().Target);
        Assert.Equal(table.Position[1] + table.Size[1] / 2 + cup.Size[1] / 2, cup.Position[1], 1);
        Assert.InRange(cup.Position[0], table.Position[0], table.Position[0] + table.Size[0] / 2);
    }

    [Fact]
    public void Stated_style_wins_and_unknown_style_is_a_warning()
    {
        Assert.Equal("noir", new PromptPlanner().Plan("a cat, anime", style: "noir").Style);
        var plan = new PromptPlanner().Plan("a cat", style: "vaporwave");
        Assert.Equal("cinematic", plan.Style);
        Assert.Contains(plan.Warnings, w => w.Contains("vaporwave"));
    }
}
