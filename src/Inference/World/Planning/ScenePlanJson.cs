using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sora.Inference.World.Planning;

/// <summary>Reads and writes plans as JSON; reading validates and reports the path of the first bad field.</summary>
public static class ScenePlanJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static string Write(ScenePlan plan) => JsonSerializer.Serialize(plan, Options);

    public static ScenePlan Read(string json)
    {
        ScenePlan? plan;
        try
        {
            plan = JsonSerializer.Deserialize<ScenePlan>(json, Options);
        }
        catch (JsonException error)
        {
            var message = error.Message.Split(" Path:")[0];
            throw new PlanValidationException(error.Path ?? "$", message);
        }
        if (plan is null) throw new PlanValidationException("$", "the plan is empty");
        ScenePlanValidator.Validate(plan);
        return plan;
    }
}
