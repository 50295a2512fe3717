using System.Text;
using Sora.Api.Tests.Infrastructure;
using Sora.Api.Tests.Social;
using Sora.Media.Encoding;

namespace Sora.Api.Tests.Generation;

/// <summary>
/// A node whose only device is a GPU: a World job runs there and its video is encoded on that GPU's NVENC if it works,
/// by libx264 if not (these tests' usual machine has no NVIDIA driver, so its "GPU" is only what --gpus says).
/// </summary>
public sealed class GpuEncodingTests : IAsyncLifetime
{
    private readonly SoraTestServer server = new() { Configure = options => options with { Gpus = 1, CpuSlots = 0 } };

    public Task InitializeAsync() => server.InitializeAsync();

    public Task DisposeAsync() => server.DisposeAsync();

    [Fact]
    public async Task A_world_video_made_on_a_GPU_is_encoded_by_its_NVENC_if_it_works_and_by_libx264_if_not()
    {
        var ann = await People.SignUpAsync(server, "ann");

        var id = await ann.CreateAsync("a red ball bounces");
        var generation = await ann.WaitAsync(id);

        Assert.Equal("READY", generation.GetProperty("status").GetString());
        var device = (await ann.GetAsync(id, "device { kind index }")).GetProperty("device");
        Assert.Equal("GPU", device.GetProperty("kind").GetString());
        using var video = await ann.FetchAsync(server, generation.GetProperty("video").GetProperty("media").GetProperty("url").GetString()!);
        var bytes = await video.Content.ReadAsByteArrayAsync();
        // libx264 signs every stream it writes with its version in an SEI message; NVENC writes none.
        var byX264 = Encoding.ASCII.GetString(bytes).Contains("x264 - core");
        var nvencWorks = await NvencProbe.WhyUnusableAsync(0) is null;
        Assert.Equal(!nvencWorks, byX264);
    }
}
