using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sora.Silo.Generation;

/// <summary>Says once, at start, which devices this silo offers, why it has the GPUs it has (or none), and which of them encode on NVENC.</summary>
public sealed partial class LocalDevicesReport(LocalDevices devices, EngineCatalog engines, GpuEncoders encoders,
    ILogger<LocalDevicesReport> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (devices.CannotEncode is { } reason)
        {
            LogCannotEncode(reason);
            return Task.CompletedTask;
        }
        LogDevices(devices.CpuSlots, devices.Gpus, devices.GpuSource, engines.OnnxDescription);
        encoders.StartTrying(devices.Gpus);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "This silo offers {CpuSlots} CPU slot(s) and {Gpus} GPU(s) ({GpuSource}); ONNX engine: {Onnx}")]
    private partial void LogDevices(int cpuSlots, int gpus, string gpuSource, string onnx);

    [LoggerMessage(Level = LogLevel.Error, Message = "This silo offers no devices and makes no videos: {Reason}")]
    private partial void LogCannotEncode(string reason);
}
