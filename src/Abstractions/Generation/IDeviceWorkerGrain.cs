namespace Sora.Abstractions.Generation;

/// <summary>
/// The worker pinned to one device (key: <see cref="DeviceSlot.Key"/>), activated on the silo that owns the device.
/// Runs one job at a time in the background and reports to the job's grain.
/// </summary>
[Alias("Sora.IDeviceWorkerGrain")]
public interface IDeviceWorkerGrain : IGrainWithStringKey
{
    /// <summary>Takes the job and returns at once; false if the device is busy with another job.</summary>
    [Alias("Start")]
    Task<bool> StartAsync(QueuedGeneration job);

    /// <summary>Stops the job if it runs here; its partial files are removed.</summary>
    [Alias("Cancel")]
    Task CancelAsync(Guid id);

    /// <summary>The silo this activation lives on, to check placement.</summary>
    [Alias("Silo")]
    Task<string> SiloAsync();
}
