namespace Sora.Abstractions.Users;

/// <summary>A person's permanent id; their handle may be looked up through <see cref="IHandleRegistryGrain"/>.</summary>
[GenerateSerializer, Immutable, Alias("Sora.UserId")]
public readonly record struct UserId([property: Id(0)] string Value)
{
    public static UserId New() => new("u_" + Guid.NewGuid().ToString("N"));

    public static bool TryParse(string? text, out UserId id)
    {
        id = default;
        if (text is null || text.Length != 34 || !text.StartsWith("u_", StringComparison.Ordinal)) return false;
        foreach (var c in text.AsSpan(2)) if (!char.IsAsciiHexDigit(c)) return false;
        id = new UserId(text);
        return true;
    }

    public override string ToString() => Value;
}
