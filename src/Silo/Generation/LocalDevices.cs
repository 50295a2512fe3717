using Sora.Inference.Onnx.Devices;

namespace Sora.Silo.Generation;

/// <summary>
/// The devices this silo offers, and where the GPU count came from (the operator's --gpus, or ONNX Runtime's answer). A
/// silo that cannot encode (no ffmpeg) offers none, so the cluster's jobs go to nodes that can finish them.
/// </summary>
public sealed record LocalDevices(int CpuSlots, int Gpus, bool OnnxOnCpu, string GpuSource)
{
    /// <summary>Why this silo offers no devices whatever it has, if it cannot make videos at all.</summary>
    public string? CannotEncode { get; init; }

    /// <summary>The devices of a silo that can encode (<paramref name="ffmpeg"/> found), or none with the reason.</summary>
    public static LocalDevices Resolve(int cpuSlots, int? gpus, bool onnxOnCpu, Func<GpuDiscovery> probe, string? ffmpeg) =>
        ffmpeg is null
            ? new LocalDevices(0, 0, false, "not probed") { CannotEncode = "ffmpeg was not found on PATH (install it: ./sora serve does)" }
            : Resolve(cpuSlots, gpus, onnxOnCpu, probe);

    /// <summary>An explicit GPU count wins; without one the probe is asked (and only then).</summary>
    public static LocalDevices Resolve(int cpuSlots, int? gpus, bool onnxOnCpu, Func<GpuDiscovery> probe)
    {
        if (gpus is { } given) return new LocalDevices(cpuSlots, given, onnxOnCpu, "set by --gpus");
        var found = probe();
        return new LocalDevices(cpuSlots, found.Count, onnxOnCpu,
            found.Reason ?? "found by ONNX Runtime's CUDA provider");
    }

    public string Advertisement => DeviceAdvertisement.Format(CpuSlots, Gpus, OnnxOnCpu);
}
