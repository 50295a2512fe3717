namespace Sora.Inference.World.Scene;

/// <summary>
/// Turns the simulation's sound events, the environment's ambience and the camera path into 48 kHz
/// stereo. Rendering is per chunk and must not depend on how the video is split into chunks: the
/// samples of [start, start+count) are the same whether asked for at once or piecewise.
/// </summary>
public interface ISoundSynthesizer
{
    /// <param name="events">Every event of the video so far (events after the range are ignored; earlier ones may still ring).</param>
    /// <param name="listener">The camera at a given time in seconds, for panning and distance attenuation.</param>
    /// <param name="interleaved">count × 2 floats, left then right, in [-1, 1].</param>
    void Render(SceneLook look, IReadOnlyList<SoundEvent> events, Func<double, CameraPose> listener,
        long startSample, int count, long seed, Span<float> interleaved);
}
