namespace Sora.Inference.World.Planning;

/// <summary>A plan that cannot be rendered; <see cref="Path"/> names the bad field, e.g. <c>$.entities[1].size</c>.</summary>
public sealed class PlanValidationException(string path, string problem)
    : Exception($"{path}: {problem}")
{
    public const string Code = "BAD_USER_INPUT";
    public string Path { get; } = path;
    public string Problem { get; } = problem;
}
