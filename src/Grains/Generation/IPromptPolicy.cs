namespace Sora.Grains.Generation;

/// <summary>Decides whether a prompt may be generated at all.</summary>
public interface IPromptPolicy
{
    /// <summary>The blocked term the prompt contains, or null if it is allowed.</summary>
    string? FindViolation(string prompt);
}
