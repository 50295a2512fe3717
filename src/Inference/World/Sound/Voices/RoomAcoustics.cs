using Sora.Inference.World.Sound.Dsp;

namespace Sora.Inference.World.Sound.Voices;

/// <summary>
/// How the place colours a sound on its way to the camera: a short reverberant tail in a kitchen or a room,
/// everything dull and a little boomy under water, dry air outdoors. Applied to each voice as it is rendered
/// (from its onset, so chunking cannot change it); the tail lengthens the voice.
/// </summary>
internal sealed record RoomAcoustics(double ReverbSeconds, double Wet, double LowPassHz)
{
    private static readonly RoomAcoustics Open = new(0, 0, 0);

    // Schroeder's comb and all-pass lengths (for 44.1 kHz, scaled): mutually prime, so echoes do not pile up.
    private static readonly int[] CombLengths = [1116, 1188, 1277, 1356];
    private static readonly int[] AllPassLengths = [556, 441];

    public static RoomAcoustics Of(string? environment) => (environment ?? "").ToLowerInvariant() switch
    {
        "kitchen" => new RoomAcoustics(0.55, 0.3, 0),
        "room" => new RoomAcoustics(0.45, 0.22, 0),
        "underwater" => new RoomAcoustics(0.35, 0.25, 900),
        _ => Open,
    };

    public float[] Apply(float[] dry)
    {
        if (Wet <= 0 && LowPassHz <= 0) return dry;
        var tail = (int)(ReverbSeconds * 1.2 * AudioFormat.SampleRate);
        var output = new float[dry.Length + tail];
        dry.CopyTo(output, 0);
        if (LowPassHz > 0) Muffle(output);
        if (Wet > 0) AddReverb(output, dry.Length);
        return output;
    }

    private void Muffle(Span<float> signal)
    {
        var first = Biquad.LowPass(LowPassHz);
        var second = Biquad.LowPass(LowPassHz);
        for (var i = 0; i < signal.Length; i++) signal[i] = (float)second.Process(first.Process(signal[i]));
    }

    private void AddReverb(Span<float> signal, int dryLength)
    {
        var scale = AudioFormat.SampleRate / 44100.0;
        var combs = CombLengths.Select(length => new float[(int)(length * scale)]).ToArray();
        var feedback = combs.Select(line => (float)Math.Pow(10, -3.0 * line.Length / (ReverbSeconds * AudioFormat.SampleRate))).ToArray();
        var allPasses = AllPassLengths.Select(length => new float[(int)(length * scale)]).ToArray();
        var positions = new int[combs.Length + allPasses.Length];
        var damping = new float[combs.Length];
        var input = signal[..dryLength].ToArray();
        var gain = (float)(Wet / combs.Length);
        for (var i = 0; i < signal.Length; i++)
        {
            var x = i < input.Length ? input[i] : 0f;
            var sum = 0f;
            for (var c = 0; c < combs.Length; c++)
            {
                var line = combs[c];
                ref var position = ref positions[c];
                var delayed = line[position];
                // A gentle low-pass in the loop: walls absorb highs first.
                damping[c] = delayed * 0.7f + damping[c] * 0.3f;
                line[position] = x + damping[c] * feedback[c];
                position = position + 1 == line.Length ? 0 : position + 1;
                sum += delayed;
            }
            for (var a = 0; a < allPasses.Length; a++)
            {
                var line = allPasses[a];
                ref var position = ref positions[combs.Length + a];
                var delayed = line[position];
                line[position] = sum + delayed * 0.5f;
                sum = delayed - sum * 0.5f;
                position = position + 1 == line.Length ? 0 : position + 1;
            }
            signal[i] += sum * gain;
        }
    }
}
