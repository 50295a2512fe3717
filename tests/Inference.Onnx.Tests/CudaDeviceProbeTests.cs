using Sora.Inference.Onnx.Devices;

namespace Sora.Inference.Onnx.Tests;

/// <summary>How many GPUs the probe reports, decided against a pretend ONNX Runtime, and once against the real one.</summary>
public sealed class CudaDeviceProbeTests
{
    [Fact]
    public void Devices_are_counted_up_to_the_first_that_cannot_open_a_session()
    {
        var discovery = new CudaDeviceProbe(new FakeRuntime(["CUDAExecutionProvider", "CPUExecutionProvider"], workingDevices: 2)).Discover();

        Assert.Equal(new GpuDiscovery(2, null), discovery);
    }

    [Fact]
    public void Without_the_cuda_provider_there_is_no_gpu_and_the_reason_says_so()
    {
        var discovery = new CudaDeviceProbe(new FakeRuntime(["CPUExecutionProvider"], workingDevices: 4)).Discover();

        Assert.Equal(0, discovery.Count);
        Assert.Contains("no CUDA execution provider", discovery.Reason);
    }

    [Fact]
    public void A_provider_that_cannot_open_device_zero_means_no_gpu()
    {
        var discovery = new CudaDeviceProbe(new FakeRuntime(["CUDAExecutionProvider"], workingDevices: 0)).Discover();

        Assert.Equal(0, discovery.Count);
        Assert.Contains("CUDA device 0 cannot run", discovery.Reason);
        Assert.Contains("libcudart.so.12: cannot open shared object file", discovery.Reason);
    }

    [Fact]
    public void Without_the_NVIDIA_driver_there_is_no_gpu_and_the_reason_says_so_before_asking_the_runtime()
    {
        var discovery = new CudaDeviceProbe(new FakeRuntime(null, workingDevices: 4, driver: false)).Discover();

        Assert.Equal(new GpuDiscovery(0, "this machine has no NVIDIA driver: libcuda.so.1 does not load"), discovery);
    }

    [Fact]
    public void A_runtime_that_does_not_load_means_no_gpu()
    {
        var discovery = new CudaDeviceProbe(new FakeRuntime(null, workingDevices: 1)).Discover();

        Assert.Equal(0, discovery.Count);
        Assert.Contains("could not be loaded", discovery.Reason);
    }

    [Fact]
    public void The_real_probe_answers_without_crashing_and_finds_no_gpu_on_a_machine_without_one()
    {
        var discovery = CudaDeviceProbe.ThisMachine();

        Assert.True(discovery.Count >= 0);
        if (!File.Exists("/dev/nvidiactl"))
        {
            Assert.Equal(0, discovery.Count);
            Assert.Contains("no NVIDIA driver", discovery.Reason);
        }
    }

    private sealed class FakeRuntime(string[]? providers, int workingDevices, bool driver = true) : IOnnxRuntimeDevices
    {
        public bool HasNvidiaDriver() => driver;

        public IReadOnlyList<string> AvailableProviders() => providers ?? throw new DllNotFoundException("libonnxruntime.so not found");

        public void OpenCudaSession(int deviceId)
        {
            if (deviceId >= workingDevices)
                throw new InvalidOperationException("Failed to load libonnxruntime_providers_cuda.so: libcudart.so.12: cannot open shared object file\nmore detail");
        }
    }
}
