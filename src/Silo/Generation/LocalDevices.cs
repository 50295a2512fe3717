using Sora.Inference.Onnx.Devices;

namespace Sora.Silo.Generation;

/// <summary>The devices this silo offers, and where the GPU count came from (the operator's --gpus, or ONNX Runtime's answer).</summary>
public sealed record LocalDevices(int CpuSlots, int Gpus, bool OnnxOnCpu, string GpuSource)
{
    /// <summary>An explicit GPU count wins; without one the probe is asked (and only then).</summary>
    public static LocalDevices Resolve(int cpuSlots, int? gpus, bool onnxOnCpu, Func<GpuDiscovery> probe)
    {
        if (gpus is { } given) return new LocalDevices(cpuSlots, given, onnxOnCpu, "set by --gpus");
        var found = probe();
        return new LocalDevices(cpuSlots, found.Count, onnxOnCpu,
            found.Reason is { } reason ? $"found by ONNX Runtime; {reason}" : "found by ONNX Runtime's CUDA provider");
    }

    public string Advertisement => DeviceAdvertisement.Format(CpuSlots, Gpus, OnnxOnCpu);
}
