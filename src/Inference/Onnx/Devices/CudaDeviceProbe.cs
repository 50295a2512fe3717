namespace Sora.Inference.Onnx.Devices;

/// <summary>
/// Counts the GPUs this process can run ONNX models on: the NVIDIA driver must load, ONNX Runtime must list its CUDA provider, and then a session
/// must open on device 0, 1, … up to the first that fails. Anything that throws means no (further) GPU.
/// </summary>
public sealed class CudaDeviceProbe(IOnnxRuntimeDevices runtime, int maxDevices = 64)
{
    private static readonly Lazy<GpuDiscovery> OfThisProcess = new(() => new CudaDeviceProbe(new OnnxRuntimeDevices()).Discover());

    /// <summary>The real probe, run once per process: devices do not come and go while it runs.</summary>
    public static GpuDiscovery ThisMachine() => OfThisProcess.Value;

    public GpuDiscovery Discover()
    {
        if (!runtime.HasNvidiaDriver())
            return new GpuDiscovery(0, $"this machine has no NVIDIA driver: {OnnxRuntimeDevices.DriverLibrary} does not load");
        IReadOnlyList<string> providers;
        try
        {
            providers = runtime.AvailableProviders();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new GpuDiscovery(0, $"ONNX Runtime could not be loaded: {e.Message}");
        }
        if (!providers.Contains(OnnxRuntimeDevices.CudaProvider))
            return new GpuDiscovery(0, $"this ONNX Runtime has no CUDA execution provider (it has {string.Join(", ", providers)})");

        for (var device = 0; device < maxDevices; device++)
        {
            try
            {
                runtime.OpenCudaSession(device);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Past the last device, a failure is just the end of the list; on device 0 it is the reason there is no GPU.
                return new GpuDiscovery(device, device == 0 ? $"CUDA device 0 cannot run an ONNX Runtime session: {FirstLine(e.Message)}" : null);
            }
        }
        return new GpuDiscovery(maxDevices, null);
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
