namespace Sora.Grains.Generation;

/// <summary>
/// A job failed in a way its owner should read in these words. The cause, whose message may name this node's paths,
/// hosts or ffmpeg's output, goes to the node's log only.
/// </summary>
public sealed class GenerationFailedException(string message, Exception cause) : Exception(message, cause);
