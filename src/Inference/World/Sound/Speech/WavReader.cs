using System.Buffers.Binary;

namespace Sora.Inference.World.Sound.Speech;

/// <summary>Reads 16-bit PCM RIFF/WAVE as written by espeak-ng to a pipe (whose size fields are placeholders).</summary>
internal static class WavReader
{
    public sealed record Pcm(int SampleRate, float[] Mono);

    public static Pcm Read(ReadOnlySpan<byte> wav)
    {
        if (wav.Length < 12 || !wav[..4].SequenceEqual("RIFF"u8) || !wav.Slice(8, 4).SequenceEqual("WAVE"u8))
            throw new InvalidDataException("espeak-ng did not write a WAVE file.");
        int sampleRate = 0, channels = 0, bits = 0;
        var position = 12;
        while (position + 8 <= wav.Length)
        {
            var id = wav.Slice(position, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(wav.Slice(position + 4, 4));
            var body = position + 8;
            if (id.SequenceEqual("fmt "u8))
            {
                if (BinaryPrimitives.ReadUInt16LittleEndian(wav.Slice(body, 2)) != 1) throw new InvalidDataException("Only PCM WAVE is supported.");
                channels = BinaryPrimitives.ReadUInt16LittleEndian(wav.Slice(body + 2, 2));
                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(wav.Slice(body + 4, 4));
                bits = BinaryPrimitives.ReadUInt16LittleEndian(wav.Slice(body + 14, 2));
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (bits != 16 || channels < 1 || sampleRate <= 0) throw new InvalidDataException("Expected 16-bit PCM WAVE with a format chunk before the data.");
                // Streamed WAVs carry a placeholder length: the data runs to the end of what was written.
                var available = wav.Length - body;
                var length = size > (uint)available ? available : (int)size;
                return new Pcm(sampleRate, ToMono(wav.Slice(body, length), channels));
            }
            position = body + (int)Math.Min(size + (size & 1), (uint)(wav.Length - body));
        }
        throw new InvalidDataException("The WAVE file has no data chunk.");
    }

    private static float[] ToMono(ReadOnlySpan<byte> data, int channels)
    {
        var frames = data.Length / (2 * channels);
        var mono = new float[frames];
        for (var i = 0; i < frames; i++)
        {
            var sum = 0;
            for (var c = 0; c < channels; c++) sum += BinaryPrimitives.ReadInt16LittleEndian(data.Slice((i * channels + c) * 2, 2));
            mono[i] = sum / (32768f * channels);
        }
        return mono;
    }
}
