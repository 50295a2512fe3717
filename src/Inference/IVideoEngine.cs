namespace Sora.Inference;

/// <summary>Turns a generation request into a stream of media chunks, the first as soon as it exists.</summary>
public interface IVideoEngine
{
    IAsyncEnumerable<MediaChunk> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default);
}
