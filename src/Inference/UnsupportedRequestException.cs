namespace Sora.Inference;

/// <summary>
/// An engine cannot make what was asked of it (a frame rate its model does not make, say): the asker's to change, so
/// the message is written for them and names the <see cref="Field"/> of the request.
/// </summary>
public sealed class UnsupportedRequestException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
