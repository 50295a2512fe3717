namespace Sora.Abstractions.Errors;

/// <summary>
/// A rule of the domain said no. Crosses grain boundaries intact, and the API turns it into a GraphQL
/// error with <see cref="Code"/> (one of <see cref="ErrorCodes"/>) and, for bad input, the offending field.
/// </summary>
[GenerateSerializer, Alias("Sora.DomainException")]
public sealed class DomainException : Exception
{
    public DomainException(string code, string message, string? field = null) : base(message)
    {
        Code = code;
        Field = field;
    }

    [Id(0)] public string Code { get; }
    [Id(1)] public string? Field { get; }

    public static DomainException BadInput(string field, string message) => new(ErrorCodes.BadUserInput, message, field);
    public static DomainException Forbidden(string message) => new(ErrorCodes.Forbidden, message);
    public static DomainException NotFound(string what) => new(ErrorCodes.NotFound, $"{what} was not found");
}
