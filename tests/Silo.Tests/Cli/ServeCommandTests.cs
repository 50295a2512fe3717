using Sora.Silo.Tests.Infrastructure;

namespace Sora.Silo.Tests.Cli;

public sealed class ServeCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("sora-serve-test-").FullName;

    [Fact]
    public async Task Serve_answers_health_serves_the_dashboard_and_stops_cleanly_on_ctrl_c()
    {
        var url = $"http://127.0.0.1:{SoraProcess.FreePort()}";
        await using var sora = SoraProcess.Start(url, "serve", "--data", _data, "--urls", url);

        var coldStart = await sora.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));

        using var http = new HttpClient();
        // The dashboard shows hosts, grains and the live log: only to operators, who sign in with their token.
        foreach (var path in new[] { "/dashboard/", "/dashboard/DashboardCounters", "/dashboard/Trace" })
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await http.GetAsync(url + path)).StatusCode);
        // Asked for at /dashboard, the sign-in would be kept for the whole site: the folder is asked for instead.
        var bare = await http.GetAsync(url + "/dashboard");
        Assert.Equal((System.Net.HttpStatusCode.Unauthorized, "/dashboard/"), (bare.StatusCode, bare.RequestMessage!.RequestUri!.AbsolutePath));
        var operatorToken = (await File.ReadAllTextAsync(Path.Combine(_data, "operator.token"))).Trim();
        using var signedIn = new HttpRequestMessage(HttpMethod.Get, url + "/dashboard/");
        signedIn.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("ops:" + operatorToken)));
        var dashboard = await http.SendAsync(signedIn);
        Assert.True(dashboard.IsSuccessStatusCode, $"dashboard answered {(int)dashboard.StatusCode}");
        Assert.Contains("<html", await dashboard.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        using var wrongToken = new HttpRequestMessage(HttpMethod.Get, url + "/dashboard/DashboardCounters");
        wrongToken.Headers.Authorization = new("Bearer", operatorToken + "x");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await http.SendAsync(wrongToken)).StatusCode);
        Assert.Contains(url, sora.Output);
        Assert.True(File.Exists(Path.Combine(_data, "sora.db")), "grain state lives in the data folder");
        Assert.Empty(WarningsAndErrors(sora.Output));

        Assert.Equal(0, await sora.InterruptAsync(TimeSpan.FromSeconds(30)));
        Assert.True(coldStart < TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// What a node with what it needs (ffmpeg, espeak-ng) should not say at start about its own set-up: warnings and
    /// errors from Sora and from Orleans' configuration checks (its log is JSON lines when redirected). Orleans'
    /// runtime warnings about slow turns, late timers and stalls depend on the machine's load and are left out.
    /// </summary>
    private static List<string> WarningsAndErrors(string output) => output.Split('\n')
        .Where(line => line.StartsWith('{') && (line.Contains("\"LogLevel\":\"Warning\"") || line.Contains("\"LogLevel\":\"Error\"")))
        .Where(line => line.Contains("\"Category\":\"Sora.") || line.Contains("\"Category\":\"Orleans.Hosting."))
        .ToList();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_node_with_a_GPU_says_at_start_whether_its_NVENC_encodes_unless_told_not_to_use_it(bool noNvenc)
    {
        var url = $"http://127.0.0.1:{SoraProcess.FreePort()}";
        string[] args = ["serve", "--data", _data, "--urls", url, "--gpus", "1", "--cpu-slots", "0", .. noNvenc ? ["--no-nvenc"] : Array.Empty<string>()];
        await using var sora = SoraProcess.Start(url, args);
        await sora.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));

        // The GPU is tried in the background as the node starts: give the answer time to reach the log.
        for (var waited = 0; waited < (noNvenc ? 10 : 100) && !sora.Output.Contains("NVENC"); waited++) await Task.Delay(200);

        if (noNvenc) Assert.DoesNotContain("NVENC", sora.Output);
        else Assert.Matches("GPU 0 (encodes its jobs|cannot encode with NVENC, so libx264 encodes)", sora.Output);
        Assert.Equal(0, await sora.InterruptAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_cluster_node_whose_postgres_is_unreachable_says_so_and_exits_1()
    {
        var url = $"http://127.0.0.1:{SoraProcess.FreePort()}";
        var (exit, output) = await SoraProcess.RunAsync("serve", "--cluster", "--postgres", "Host=127.0.0.1;Port=1;Timeout=3",
            "--data", _data, "--urls", url);

        Assert.Equal(1, exit);
        Assert.Contains("sora serve: cannot prepare PostgreSQL", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Theory]
    [InlineData("serve", "--no-such-flag")]
    [InlineData("serve", "--cluster")]
    [InlineData("serve", "--postgres", "Host=x")]
    [InlineData("serve", "--advertise", "not-an-ip")]
    [InlineData("serve", "--onnx-cpu")]
    [InlineData("serve", "--gpus", "65")]
    [InlineData("serve", "--trusted-proxy", "10.0.0.0/99")]
    [InlineData("serve", "--trusted-proxy", "proxy.example")]
    [InlineData("no-such-command")]
    public async Task A_bad_command_line_prints_why_and_exits_2(params string[] args)
    {
        var (exit, output) = await SoraProcess.RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains("sora:", output);
    }

    [Fact]
    public async Task An_onnx_model_folder_that_is_not_there_is_named_before_anything_starts()
    {
        var missing = Path.Combine(_data, "no-model");
        var (exit, output) = await SoraProcess.RunAsync("serve", "--data", _data, "--onnx-model", missing);

        Assert.Equal(2, exit);
        Assert.Contains($"sora serve: the ONNX model folder {missing} does not exist", output);
        Assert.DoesNotContain("   at ", output);
    }

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }
}
