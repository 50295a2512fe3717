using System.Runtime.Intrinsics.X86;
using Sora.Media.Encoding;

namespace Sora.Media.Tests;

public sealed class Yuv420ConverterTests
{
    [Theory]
    [InlineData(0, 0, 0, 16, 128, 128)]
    [InlineData(255, 255, 255, 235, 128, 128)]
    [InlineData(255, 0, 0, 81, 90, 240)]
    [InlineData(0, 255, 0, 145, 54, 34)]
    [InlineData(0, 0, 255, 41, 240, 110)]
    [InlineData(128, 128, 128, 126, 128, 128)]
    public void A_flat_colour_becomes_its_BT601_limited_range_values(byte r, byte g, byte b, byte y, byte u, byte v)
    {
        const int width = 6, height = 4;
        var rgb = new byte[width * height * 3];
        for (var i = 0; i < rgb.Length; i += 3) (rgb[i], rgb[i + 1], rgb[i + 2]) = (r, g, b);
        var i420 = new byte[Yuv420Converter.FrameBytes(width, height)];

        Yuv420Converter.Convert(rgb, width, height, i420);

        Assert.All(i420[..(width * height)], value => Assert.Equal(y, value));
        Assert.All(i420[(width * height)..(width * height + 6)], value => Assert.Equal(u, value));
        Assert.All(i420[(width * height + 6)..], value => Assert.Equal(v, value));
    }

    [Fact]
    public void Chroma_sits_on_the_even_columns_between_the_two_rows()
    {
        // Only column 2 is red: the chroma sample on column 2 (a filter over columns 1–3) sees it, the samples on
        // columns 0 and 4 (filters over columns 0–1 and 3–5) do not.
        const int width = 6, height = 2;
        var rgb = new byte[width * height * 3];
        rgb[2 * 3] = 255;
        rgb[(width + 2) * 3] = 255;
        var i420 = new byte[Yuv420Converter.FrameBytes(width, height)];

        Yuv420Converter.Convert(rgb, width, height, i420);

        var v = i420[(width * height + 3)..];
        Assert.Equal(128, v[0]); // columns -1, 0, 1: no red
        Assert.True(v[1] > 180, $"the sample on column 2 should be half red, V = {v[1]}");
        Assert.Equal(128, v[2]); // columns 3, 4, 5: no red
    }

    [Theory]
    [InlineData(854, 6)]
    [InlineData(1280, 4)]
    [InlineData(32, 2)]
    [InlineData(18, 4)]
    [InlineData(2, 2)]
    public void The_128_bit_path_gives_the_scalar_paths_bytes(int width, int height)
    {
        Assert.True(Yuv420RowPairVector.IsSupported, "this machine has SSSE3 and SSE4.1, so the 128-bit path can be compared");
        var rgb = TestFrames(width, height);

        Assert.Equal(Converted(rgb, width, height, Yuv420Vectors.None), Converted(rgb, width, height, Yuv420Vectors.Bits128));
    }

    [Theory]
    [InlineData(854, 6)] // 26 blocks of 32, one of 16, six scalar pixels
    [InlineData(1280, 4)]
    [InlineData(96, 2)]
    [InlineData(64, 4)]
    [InlineData(50, 4)] // 32, then 16, then 2
    [InlineData(34, 2)] // 32, then 2
    [InlineData(48, 2)]
    [InlineData(30, 2)] // no whole block of 32
    [InlineData(2, 2)]
    public void The_256_bit_path_gives_the_scalar_paths_bytes(int width, int height)
    {
        Assert.True(Yuv420RowPairAvx2.IsSupported, "this machine has AVX2, so the 256-bit path can be compared");
        var rgb = TestFrames(width, height);

        Assert.Equal(Converted(rgb, width, height, Yuv420Vectors.None), Converted(rgb, width, height, Yuv420Vectors.Bits256));
    }

    [Fact]
    public void The_256_bit_path_is_the_one_in_use_on_an_AVX2_machine()
    {
        Assert.True(Avx2.IsSupported, "this machine has AVX2");
        const int width = 854, height = 4;
        var rgb = TestFrames(width, height);
        var i420 = new byte[Yuv420Converter.FrameBytes(width, height) * 2];

        Yuv420Converter.Convert(rgb, width, height, i420);

        Assert.Equal(Yuv420Vectors.Bits256, Yuv420Converter.WidestVectors);
        Assert.Equal(Converted(rgb, width, height, Yuv420Vectors.None), i420);
    }

    [Fact]
    public void The_256_bit_path_filters_chroma_across_its_block_edges_as_the_scalar_path_does()
    {
        // A single bright pixel on each side of every block edge (31|32, 63|64 and 15|16 inside a block, where the
        // halves meet) and at the frame's first column: each one reaches exactly the chroma samples the scalar path sees.
        const int width = 96, height = 2;
        foreach (var column in new[] { 0, 1, 15, 16, 17, 30, 31, 32, 33, 63, 64, 94, 95 })
        {
            var rgb = new byte[width * height * 3 * 2];
            for (var channel = 0; channel < 3; channel++)
            {
                rgb[column * 3 + channel] = (byte)(60 + 90 * channel);
                rgb[(width * 3 + column * 3 + channel)] = (byte)(200 - 70 * channel);
            }

            Assert.Equal(Converted(rgb, width, height, Yuv420Vectors.None), Converted(rgb, width, height, Yuv420Vectors.Bits256));
        }
    }

    /// <summary>Two frames of random bytes, with flat white and black stretches too, where rounding and clamping show.</summary>
    private static byte[] TestFrames(int width, int height)
    {
        var random = new Random(width * 31 + height);
        var rgb = new byte[width * height * 3 * 2];
        random.NextBytes(rgb);
        rgb.AsSpan(0, Math.Min(rgb.Length, width * 3)).Fill(255);
        rgb.AsSpan(rgb.Length / 2, Math.Min(rgb.Length / 2, width * 3)).Clear();
        return rgb;
    }

    private static byte[] Converted(byte[] rgb, int width, int height, Yuv420Vectors vectors)
    {
        var i420 = new byte[rgb.Length / (width * height * 3) * Yuv420Converter.FrameBytes(width, height)];
        Yuv420Converter.Convert(rgb, width, height, i420, vectors);
        return i420;
    }

    [Theory]
    [InlineData(5, 4, 60, 30)]
    [InlineData(6, 3, 54, 27)]
    [InlineData(6, 4, 72, 35)]
    public void Odd_sizes_and_buffers_of_the_wrong_length_are_refused(int width, int height, int rgbBytes, int i420Bytes)
    {
        Assert.Throws<ArgumentException>(() => Yuv420Converter.Convert(new byte[rgbBytes], width, height, new byte[i420Bytes]));
    }

    [Fact]
    public async Task Colours_come_back_from_the_encoded_file_as_they_went_in()
    {
        const int width = 320, height = 240;
        (byte R, byte G, byte B)[] quadrants = [(220, 40, 30), (40, 180, 60), (30, 60, 200), (128, 128, 128)];
        var frame = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
        {
            var (r, g, b) = quadrants[(y < height / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1)];
            (frame[(y * width + x) * 3], frame[(y * width + x) * 3 + 1], frame[(y * width + x) * 3 + 2]) = (r, g, b);
        }
        var file = Path.Combine(TestMedia.Scratch("yuv"), "colours.mp4");
        await Mp4Encoder.EncodeAsync(Frames(frame, width, height), new Mp4EncodeSettings(width, height, 24), file);

        // Decoded as a player would: by the matrix and range the stream declares.
        var decoded = await Ffmpeg.RunAsync(["-i", file, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"]);

        Assert.Equal(width * height * 3, decoded.Length);
        for (var q = 0; q < 4; q++)
        {
            var x = q % 2 == 0 ? width / 4 : 3 * width / 4;
            var y = q < 2 ? height / 4 : 3 * height / 4;
            var at = (y * width + x) * 3;
            var expected = quadrants[q];
            Assert.True(Math.Abs(decoded[at] - expected.R) <= 4 && Math.Abs(decoded[at + 1] - expected.G) <= 4 && Math.Abs(decoded[at + 2] - expected.B) <= 4,
                $"quadrant {q}: expected {expected}, decoded ({decoded[at]}, {decoded[at + 1]}, {decoded[at + 2]})");
        }
    }

    private static async IAsyncEnumerable<FrameChunk> Frames(byte[] frame, int width, int height)
    {
        await Task.Yield();
        var rgb = new byte[12 * frame.Length];
        for (var i = 0; i < 12; i++) frame.CopyTo(rgb, i * frame.Length);
        yield return new FrameChunk(width, height, rgb, new float[FrameChunk.SampleOfFrame(12, 24) * 2]);
    }
}
