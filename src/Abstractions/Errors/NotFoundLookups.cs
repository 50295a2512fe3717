namespace Sora.Abstractions.Errors;

/// <summary>Lookups where "not there" is an answer, not a failure.</summary>
public static class NotFoundLookups
{
    /// <summary>What <paramref name="lookup"/> finds, or null where it answers NOT_FOUND (which also hides what the caller may not see).</summary>
    public static async Task<T?> OrNullWhenNotFound<T>(this Task<T> lookup) where T : class
    {
        try { return await lookup; }
        catch (DomainException error) when (error.Code == ErrorCodes.NotFound) { return null; }
    }
}
