using System.Runtime.CompilerServices;
using Sora.Inference.Onnx.Pipeline;

namespace Sora.Inference.Onnx;

/// <summary>
/// Text to video with an ONNX model (docs/onnx-engine.md): the prompt's token ids condition a flow-matching denoiser
/// that turns seeded noise into latents step by step, then the decoder turns the latents into frames a chunk at a
/// time, each chunk handed on as soon as it is decoded. Audio is silence of the right length (the contract has no
/// audio output yet). Same request and seed ⇒ same frames on the same execution provider.
/// </summary>
public sealed class OnnxVideoEngine(OnnxVideoModel model) : IVideoEngine
{
    public async IAsyncEnumerable<MediaChunk> GenerateAsync(GenerationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var settings = model.Settings;
        if (settings.Fps is { } fps && fps != request.Fps)
            throw new UnsupportedRequestException("fps", $"the model {settings.Name} makes {fps} fps video; ask for fps {fps}");

        var layout = model.Layout;
        var latentFrames = (request.FrameCount + settings.TemporalRatio - 1) / settings.TemporalRatio;
        var latents = SeededNoise.Gaussian(request.Seed, layout.FrameSize * latentFrames);
        await DenoiseAsync(latents, latentFrames, request.Prompt, cancellationToken);

        var perChunk = Math.Max(1, request.ChunkFrames / settings.TemporalRatio);
        var emitted = 0;
        for (var first = 0; first < latentFrames && emitted < request.FrameCount; first += perChunk)
        {
            var count = Math.Min(perChunk, latentFrames - first);
            var slice = FramesOf(latents, latentFrames, first, count);
            var decoded = await Task.Run(() => model.Decode(slice, count, cancellationToken), cancellationToken);
            var chunk = ToChunk(decoded, emitted, request);
            emitted += chunk.FrameCount;
            yield return chunk;
        }
    }

    private async Task DenoiseAsync(float[] latents, int latentFrames, string prompt, CancellationToken cancellationToken)
    {
        var settings = model.Settings;
        var conditional = model.Tokenizer.Encode(prompt);
        var guided = settings.Guidance > 1;
        var unconditional = guided ? model.Tokenizer.Encode("") : null;
        var times = new FlowMatchEulerSampler(settings.Steps, settings.Shift).Timesteps();
        for (var step = 0; step < settings.Steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var t = times[step];
            await Task.Run(() =>
            {
                var velocity = model.Velocity(latents, latentFrames, t, conditional, cancellationToken);
                if (unconditional is not null)
                    FlowMatchEulerSampler.Guide(velocity, model.Velocity(latents, latentFrames, t, unconditional, cancellationToken), settings.Guidance);
                FlowMatchEulerSampler.Step(latents, velocity, t, times[step + 1]);
            }, cancellationToken);
        }
    }

    /// <summary>Latent frames [first, first + count) of latents laid out [1, C, F, h, w], as their own [1, C, count, h, w] tensor.</summary>
    private float[] FramesOf(float[] latents, int latentFrames, int first, int count)
    {
        var layout = model.Layout;
        var plane = layout.Height * layout.Width;
        var slice = new float[layout.Channels * count * plane];
        for (var channel = 0; channel < layout.Channels; channel++)
            Array.Copy(latents, (channel * latentFrames + first) * plane, slice, channel * count * plane, count * plane);
        return slice;
    }

    private static MediaChunk ToChunk(TensorResult decoded, int firstFrame, GenerationRequest request)
    {
        var (sourceHeight, sourceWidth) = ((int)decoded.Shape[2], (int)decoded.Shape[3]);
        // The last latent frames may decode to more frames than the video has left.
        var frames = (int)Math.Min(decoded.Shape[0], request.FrameCount - firstFrame);
        var frameBytes = request.Width * request.Height * 3;
        var rgb = new byte[frames * frameBytes];
        var sourcePlane = 3 * sourceWidth * sourceHeight;
        Parallel.For(0, frames, frame => FrameConverter.ToRgb24(
            decoded.Values.AsSpan(frame * sourcePlane, sourcePlane), sourceWidth, sourceHeight,
            rgb.AsSpan(frame * frameBytes, frameBytes), request.Width, request.Height));

        var samples = MediaChunk.SampleOfFrame(firstFrame + frames, request.Fps) - MediaChunk.SampleOfFrame(firstFrame, request.Fps);
        return new MediaChunk(firstFrame, frames, request.Width, request.Height, rgb, new float[samples * MediaChunk.Channels]);
    }
}
