using Microsoft.Extensions.Logging;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Generation;
using Sora.Inference;
using Sora.Inference.Onnx.Tests.Models;
using Sora.Silo.Generation;
using Sora.Silo.Tests.Infrastructure;

namespace Sora.Silo.Tests.Generation;

/// <summary>Which engine a job gets on which device, and what the job's owner and the operator's log are told when the ONNX engine cannot run.</summary>
public sealed class EngineCatalogTests : IDisposable
{
    private static readonly DeviceSlot Cpu = new("silo", DeviceKind.Cpu, 0), Gpu = new("silo", DeviceKind.Gpu, 0);
    private readonly string _models = Directory.CreateTempSubdirectory("sora-catalog-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_models, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Without_a_model_onnx_is_unavailable_and_the_message_says_how_to_configure_one()
    {
        using var catalog = new EngineCatalog(OnnxEngineOptions.None);

        var error = Assert.Throws<DomainException>(() => catalog.Create(EngineKind.Onnx, Gpu));

        Assert.Equal(ErrorCodes.EngineUnavailable, error.Code);
        Assert.Contains("--onnx-model FOLDER", error.Message);
    }

    [Fact]
    public void A_world_renderer_serves_one_job_at_a_time_and_the_next_once_its_lease_ends()
    {
        using var catalog = new EngineCatalog(OnnxEngineOptions.None);

        var first = catalog.Create(EngineKind.World, Cpu);
        var second = catalog.Create(EngineKind.World, Cpu);
        Assert.Equal(0, catalog.IdleWorldRenderers);
        Assert.Equal((EngineCatalog.WorldName, EngineCatalog.WorldVersion), (first.Name, first.Version));

        first.Dispose();
        first.Dispose();
        Assert.Equal(1, catalog.IdleWorldRenderers);
        using (catalog.Create(EngineKind.World, Cpu)) Assert.Equal(0, catalog.IdleWorldRenderers);
        second.Dispose();
        Assert.Equal(2, catalog.IdleWorldRenderers);
    }

    [Fact]
    public void A_cpu_slot_runs_onnx_only_when_the_silo_allows_it()
    {
        var folder = new TinyVideoModel().WriteTo(_models);
        using var gpuOnly = new EngineCatalog(new OnnxEngineOptions(folder));
        using var withCpu = new EngineCatalog(new OnnxEngineOptions(folder, OnCpu: true));

        Assert.Contains("--onnx-cpu", Assert.Throws<DomainException>(() => gpuOnly.Create(EngineKind.Onnx, Cpu)).Message);
        using var lease = withCpu.Create(EngineKind.Onnx, Cpu);
        Assert.Equal(("tiny-test-model", "1.0"), (lease.Name, lease.Version));
        Assert.IsAssignableFrom<IVideoEngine>(lease.Engine);
    }

    [Fact]
    public void A_gpu_that_cuda_cannot_use_makes_the_job_fail_and_the_log_says_why()
    {
        if (File.Exists("/dev/nvidiactl")) return; // a real GPU would run the model
        var log = new RecordingLogger<EngineCatalog>();
        var folder = new TinyVideoModel().WriteTo(_models);
        using var catalog = new EngineCatalog(new OnnxEngineOptions(folder), log);

        var error = Assert.Throws<DomainException>(() => catalog.Create(EngineKind.Onnx, Gpu));

        Assert.Equal(ErrorCodes.EngineUnavailable, error.Code);
        Assert.Equal(EngineCatalog.ModelUnusable, error.Message);
        var (level, message, cause) = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Error, level);
        Assert.Contains(folder, message);
        Assert.Contains("CUDA device 0", cause!.Message);
    }

    [Fact]
    public void A_broken_model_folder_is_unavailable_and_the_log_names_the_contract_problem()
    {
        var log = new RecordingLogger<EngineCatalog>();
        var folder = new TinyVideoModel { WithContractMetadata = false }.WriteTo(_models);
        using var catalog = new EngineCatalog(new OnnxEngineOptions(folder, OnCpu: true), log);

        var error = Assert.Throws<DomainException>(() => catalog.Create(EngineKind.Onnx, Cpu));

        // The job's owner is not told where the operator keeps the model or what is wrong with it.
        Assert.Equal(EngineCatalog.ModelUnusable, error.Message);
        Assert.DoesNotContain(folder, error.Message);
        Assert.Contains("sora.contract", Assert.Single(log.Entries).Error!.Message);
    }
}
