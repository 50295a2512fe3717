using Sora.Inference.Onnx.Pipeline;

namespace Sora.Inference.Onnx.Tests;

/// <summary>The sampler, the noise and the frame conversion against values worked out by hand.</summary>
public sealed class PipelineMathTests
{
    [Fact]
    public void Timesteps_run_evenly_from_one_to_zero_and_a_shift_moves_them_towards_noise()
    {
        Assert.Equal([1f, 0.75f, 0.5f, 0.25f, 0f], new FlowMatchEulerSampler(4).Timesteps());
        // s·t / (1 + (s − 1)·t) with s = 3 at t = 0.5: 1.5 / 2.
        Assert.Equal(0.75f, new FlowMatchEulerSampler(2, Shift: 3).Timesteps()[1], 6);
    }

    [Fact]
    public void An_euler_step_moves_along_the_velocity_by_the_time_step()
    {
        float[] latents = [1f, -2f];

        FlowMatchEulerSampler.Step(latents, [4f, 2f], t: 1f, tNext: 0.75f);

        Assert.Equal([0f, -2.5f], latents);
    }

    [Fact]
    public void Guidance_extrapolates_from_the_unconditional_prediction()
    {
        float[] conditional = [2f, 0f];

        FlowMatchEulerSampler.Guide(conditional, [1f, 1f], scale: 3f);

        Assert.Equal([4f, -2f], conditional);
    }

    [Fact]
    public void Seeded_noise_repeats_per_seed_and_is_standard_normal()
    {
        var noise = SeededNoise.Gaussian(11, 100_001);

        Assert.Equal(noise, SeededNoise.Gaussian(11, 100_001));
        Assert.NotEqual(noise.Take(10), SeededNoise.Gaussian(12, 10));
        var mean = noise.Average();
        var deviation = Math.Sqrt(noise.Average(v => (v - mean) * (v - mean)));
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(deviation, 0.99, 1.01);
    }

    [Fact]
    public void A_prompt_becomes_a_padded_row_of_token_ids_and_too_long_a_prompt_still_ends_with_sep()
    {
        var vocabulary = Path.Combine(Path.GetTempPath(), $"sora-vocab-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(vocabulary, Models.TinyVideoModel.Vocabulary);
        try
        {
            var tokenizer = new PromptTokenizer(vocabulary, length: 6);

            // [CLS]=2 a=5 red=6 ball=9 [SEP]=3 [PAD]=0; "Red" is lower-cased like BERT's uncased vocabularies.
            Assert.Equal([2L, 5, 6, 9, 3, 0], tokenizer.Encode("a Red ball"));
            Assert.Equal([2L, 5, 6, 9, 13, 3], tokenizer.Encode("a red ball on the beach"));
            Assert.Equal([2L, 1, 3, 0, 0, 0], tokenizer.Encode("zebra"));
        }
        finally
        {
            File.Delete(vocabulary);
        }
    }

    [Fact]
    public void Planar_frames_become_packed_rgb_and_scale_bilinearly()
    {
        // A 2x1 frame: left pixel black, right pixel (1, 0.5, 0).
        float[] planar = [0f, 1f, 0f, 0.5f, 0f, 0f];
        var same = new byte[6];
        var wide = new byte[12];

        FrameConverter.ToRgb24(planar, 2, 1, same, 2, 1);
        FrameConverter.ToRgb24(planar, 2, 1, wide, 4, 1);

        Assert.Equal([0, 0, 0, 255, 128, 0], same);
        // Centres of 4 target pixels sit at source x = −0.25, 0.25, 0.75, 1.25: clamped, a quarter, three quarters, clamped.
        Assert.Equal([0, 0, 0, 64, 32, 0, 191, 96, 0, 255, 128, 0], wide);
    }
}
