using System.Text.Json.Nodes;
using Sora.Inference.World.Planning;

namespace Sora.Inference.Tests.World.Planning;

public class ScenePlanJsonTests
{
    private static readonly PromptPlanner Planner = new();

    private static JsonObject PlanJson() =>
        JsonNode.Parse(ScenePlanJson.Write(Planner.Plan("a boy throws a red ball to a dog and a glass vase falls, close-up")))!.AsObject();

    [Fact]
    public void A_plan_survives_a_round_trip_through_json()
    {
        var plan = Planner.Plan("a dog runs to the lake and jumps in, tracking shot at sunset");
        var json = ScenePlanJson.Write(plan);
        var read = ScenePlanJson.Read(json);

        Assert.Equal(json, ScenePlanJson.Write(read));
        Assert.Equal(plan.Entities.Select(e => e.Id), read.Entities.Select(e => e.Id));
        Assert.Equal(plan.Environment.Water, read.Environment.Water);
    }

    [Fact]
    public void The_written_plan_carries_its_version_and_camel_case_fields()
    {
        var json = PlanJson();
        Assert.Equal(ScenePlan.CurrentVersion, (int)json["version"]!);
        Assert.NotNull(json["environment"]!["timeOfDay"]);
        Assert.NotNull(json["entities"]![0]!["position"]);
    }

    public static TheoryData<string, string> BadEdits => new()
    {
        { "$.entities[2].size[1]", "entities[2].size[1]=-4" },
        { "$.entities[0].size", "entities[0].size=[1,2]" },
        { "$.entities[1].kind", "entities[1].kind=\"unicorn\"" },
        { "$.entities[0].material", "entities[0].material=\"adamantium\"" },
        { "$.entities[1].color[0]", "entities[1].color[0]=3" },
        { "$.entities[1].id", "entities[1].id=\"\"" },
        { "$.actions[0].actor", "actions[0].actor=\"ghost\"" },
        { "$.actions[0].kind", "actions[0].kind=\"teleport\"" },
        { "$.actions[0].duration", "actions[0].duration=0" },
        { "$.camera[0].kind", "camera[0].kind=\"fisheye\"" },
        { "$.environment.kind", "environment.kind=\"mars\"" },
        { "$.environment.weather", "environment.weather=\"hail\"" },
        { "$.style", "style=\"vaporwave\"" },
        { "$.version", "version=7" },
        { "$.ambience[0]", "ambience[0]=\"jungle\"" },
    };

    [Theory]
    [MemberData(nameof(BadEdits))]
    public void A_bad_field_is_reported_with_its_json_path(string expectedPath, string edit)
    {
        var json = PlanJson();
        Apply(json, edit);

        var error = Assert.Throws<PlanValidationException>(() => ScenePlanJson.Read(json.ToJsonString()));
        Assert.Equal(expectedPath, error.Path);
        Assert.StartsWith(expectedPath + ":", error.Message);
    }

    [Fact]
    public void An_id_used_twice_is_reported()
    {
        var json = PlanJson();
        json["entities"]![1]!["id"] = (string)json["entities"]![0]!["id"]!;
        var error = Assert.Throws<PlanValidationException>(() => ScenePlanJson.Read(json.ToJsonString()));
        Assert.Equal("$.entities[1].id", error.Path);
        Assert.Contains("twice", error.Problem);
    }

    [Fact]
    public void A_wrongly_typed_field_is_reported_with_its_json_path()
    {
        var json = PlanJson();
        json["entities"]![2]!["size"]![1] = "tall";
        var error = Assert.Throws<PlanValidationException>(() => ScenePlanJson.Read(json.ToJsonString()));
        Assert.Equal("$.entities[2].size[1]", error.Path);
    }

    [Fact]
    public void An_unknown_field_is_reported_not_ignored()
    {
        var json = PlanJson();
        json["entities"]![0]!.AsObject()["wings"] = 2;
        var error = Assert.Throws<PlanValidationException>(() => ScenePlanJson.Read(json.ToJsonString()));
        Assert.StartsWith("$.entities[0]", error.Path);
        Assert.Contains("wings", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{\"version\": 1, ")]
    [InlineData("[1,2,3]")]
    public void Broken_documents_give_a_plan_error_not_a_crash(string text)
    {
        var error = Assert.Throws<PlanValidationException>(() => ScenePlanJson.Read(text));
        Assert.StartsWith("$", error.Path);
    }

    private static void Apply(JsonObject root, string edit)
    {
        var (path, value) = (edit[..edit.IndexOf('=')], JsonNode.Parse(edit[(edit.IndexOf('=') + 1)..]));
        JsonNode node = root;
        var parts = path.Replace("]", "").Split('.', '[');
        for (var i = 0; i < parts.Length - 1; i++)
            node = int.TryParse(parts[i], out var index) ? node[index]! : node[parts[i]]!;
        var last = parts[^1];
        if (int.TryParse(last, out var at)) node[at] = value; else node[last] = value;
    }
}
