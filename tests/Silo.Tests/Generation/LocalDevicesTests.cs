using Sora.Abstractions.Generation;
using Sora.Inference.Onnx.Devices;
using Sora.Silo.Generation;

namespace Sora.Silo.Tests.Generation;

/// <summary>Which devices a silo offers: --gpus wins, otherwise ONNX Runtime's answer; and what the cluster reads from it.</summary>
public sealed class LocalDevicesTests
{
    [Fact]
    public void An_explicit_gpu_count_is_used_without_asking_onnx_runtime()
    {
        var devices = LocalDevices.Resolve(cpuSlots: 2, gpus: 3, onnxOnCpu: false, () => throw new InvalidOperationException("the probe must not run"));

        Assert.Equal((2, 3), (devices.CpuSlots, devices.Gpus));
        Assert.Equal("cpu=2;gpu=3", devices.Advertisement);
    }

    [Fact]
    public void Without_a_count_the_gpus_onnx_runtime_found_are_offered()
    {
        var devices = LocalDevices.Resolve(cpuSlots: 1, gpus: null, onnxOnCpu: false, () => new GpuDiscovery(2, null));

        Assert.Equal(2, devices.Gpus);
        Assert.Contains("found by ONNX Runtime", devices.GpuSource);
    }

    [Fact]
    public void When_onnx_runtime_finds_none_the_reason_is_kept_for_the_log()
    {
        var devices = LocalDevices.Resolve(cpuSlots: 1, gpus: null, onnxOnCpu: false, () => new GpuDiscovery(0, "CUDA device 0 cannot run a session: no driver"));

        Assert.Equal(0, devices.Gpus);
        Assert.Contains("no driver", devices.GpuSource);
    }

    [Fact]
    public void A_silo_without_ffmpeg_offers_no_devices_and_says_why()
    {
        var devices = LocalDevices.Resolve(cpuSlots: 2, gpus: 1, onnxOnCpu: false, () => throw new InvalidOperationException("the probe must not run"), ffmpeg: null);

        Assert.Equal("cpu=0;gpu=0", devices.Advertisement);
        Assert.Contains("ffmpeg was not found", devices.CannotEncode);
        Assert.Empty(DeviceAdvertisement.Parse("silo-a", devices.Advertisement));
    }

    [Fact]
    public void A_silo_with_ffmpeg_offers_its_devices()
    {
        var devices = LocalDevices.Resolve(cpuSlots: 2, gpus: 1, onnxOnCpu: false, () => new GpuDiscovery(0, null), ffmpeg: "/usr/bin/ffmpeg");

        Assert.Equal("cpu=2;gpu=1", devices.Advertisement);
        Assert.Null(devices.CannotEncode);
    }

    [Fact]
    public void On_this_machine_the_real_probe_runs_without_crashing()
    {
        var devices = LocalDevices.Resolve(cpuSlots: 1, gpus: null, onnxOnCpu: false, CudaDeviceProbe.ThisMachine);

        Assert.True(devices.Gpus >= 0);
        if (!File.Exists("/dev/nvidiactl")) Assert.Equal(0, devices.Gpus);
    }

    [Fact]
    public void Gpus_run_onnx_and_cpu_slots_only_on_silos_that_allow_it()
    {
        var plain = DeviceAdvertisement.Parse("silo-a", DeviceAdvertisement.Format(1, 1)).ToList();
        var onnxOnCpu = DeviceAdvertisement.Parse("silo-b", DeviceAdvertisement.Format(2, 0, onnxOnCpu: true)).ToList();

        Assert.Equal([false, true], plain.Select(d => d.CanRun(EngineKind.Onnx)));
        Assert.All(plain.Concat(onnxOnCpu), d => Assert.True(d.CanRun(EngineKind.World)));
        Assert.Equal(2, onnxOnCpu.Count(d => d.Kind == DeviceKind.Cpu && d.CanRun(EngineKind.Onnx)));
    }
}
