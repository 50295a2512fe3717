using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Generation;
using Sora.Inference;
using Sora.Inference.Onnx;
using Sora.Inference.World;
using Sora.Inference.World.Sound;

namespace Sora.Silo.Generation;

/// <summary>The engines this silo can run, by kind and device, with the name and version the C2PA manifest records.</summary>
public sealed partial class EngineCatalog(OnnxEngineOptions onnx, ILogger<EngineCatalog>? logger = null, SoundSynthesisOptions? sound = null) : IDisposable
{
    public const string WorldName = "sora-world";

    // A model is loaded once per execution target (CPU, each CUDA device) and shared by the jobs that run there.
    private readonly ConcurrentDictionary<OnnxExecution, Lazy<OnnxVideoModel>> _models = new();

    public static string WorldVersion { get; } = typeof(WorldEngine).Assembly.GetName().Version?.ToString(3) ?? "0.1.0";

    /// <summary>What this silo says about its ONNX engine in its start-up log.</summary>
    public string OnnxDescription => onnx.ModelFolder is { } folder
        ? $"model {folder} on GPUs{(onnx.OnCpu ? " and CPU slots" : "")}"
        : "no model configured (--onnx-model FOLDER)";

    /// <summary>What a job's owner reads when the model cannot be loaded on its device; the reason goes to the log.</summary>
    public const string ModelUnusable = "the ONNX model cannot run on this node (its log has the details)";

    private readonly ILogger _logger = logger ?? NullLogger<EngineCatalog>.Instance;
    private readonly SoundSynthesisOptions _sound = sound ?? new();
    private readonly WorldRendererPool _renderers = new();

    /// <summary>World renderers kept for the next jobs, each with its buffers.</summary>
    public int IdleWorldRenderers => _renderers.Idle;

    /// <summary>
    /// World: an engine drawing with an idle renderer if there is one (a renderer draws every pixel of every frame, so
    /// what it drew before never shows), with a new sound synthesizer (it holds one run's voices). Onnx: an engine over
    /// the model loaded for the job's device, CUDA device N for GPU N, ONNX Runtime's CPU provider for a CPU slot.
    /// </summary>
    public EngineLease Create(EngineKind kind, DeviceSlot device) => kind switch
    {
        EngineKind.World => LeaseWorld(),
        EngineKind.Onnx => CreateOnnx(device),
        _ => throw new DomainException(ErrorCodes.EngineUnavailable, $"the {kind} engine is not installed on this silo"),
    };

    public void Dispose()
    {
        foreach (var model in _models.Values.Where(m => m.IsValueCreated)) model.Value.Dispose();
        _models.Clear();
        _renderers.Clear();
    }

    private EngineLease LeaseWorld()
    {
        var renderer = _renderers.Take();
        return new EngineLease(new WorldEngine(renderer, new EventSoundSynthesizer(_sound)), WorldName, WorldVersion, () => _renderers.Return(renderer));
    }

    private EngineLease CreateOnnx(DeviceSlot device)
    {
        if (onnx.ModelFolder is not { } folder)
            throw new DomainException(ErrorCodes.EngineUnavailable,
                "the ONNX engine has no model on this silo: start it with --onnx-model FOLDER (see docs/onnx-engine.md)");
        if (device.Kind == DeviceKind.Cpu && !onnx.OnCpu)
            throw new DomainException(ErrorCodes.EngineUnavailable,
                "the ONNX engine runs on GPUs; start the silo with --onnx-cpu to let its CPU slots run it");

        var execution = device.Kind == DeviceKind.Gpu ? OnnxExecution.Cuda(device.Index) : OnnxExecution.Cpu;
        var model = Load(folder, execution);
        return new EngineLease(new OnnxVideoEngine(model), model.Settings.Name, model.Settings.Version);
    }

    private OnnxVideoModel Load(string folder, OnnxExecution execution)
    {
        var lazy = _models.GetOrAdd(execution, target => new Lazy<OnnxVideoModel>(() => OnnxVideoModel.Load(folder, target)));
        try
        {
            return lazy.Value;
        }
        catch (OnnxModelException e)
        {
            // A failed load is not cached: the operator may fix the folder (or the driver) without restarting.
            _models.TryRemove(KeyValuePair.Create(execution, lazy));
            // The reason names the model's files and the driver's words: the operator's to read, not the job's owner.
            LogModelUnusable(e, folder, execution.ToString());
            throw new DomainException(ErrorCodes.EngineUnavailable, ModelUnusable);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The ONNX model in {Folder} cannot run on {Execution}")]
    private partial void LogModelUnusable(Exception error, string folder, string execution);
}
