using System.Buffers;
using System.Runtime.CompilerServices;
using Sora.Inference.World.Camera;
using Sora.Inference.World.Planning;
using Sora.Inference.World.Scene;
using Sora.Inference.World.Simulation;

namespace Sora.Inference.World;

/// <summary>
/// The default engine: prompt → <see cref="ScenePlan"/> → physics simulation → frames from the renderer and
/// sound from the simulation's events, streamed chunk by chunk. Same request and seed ⇒ identical bytes.
/// </summary>
/// <remarks>
/// Chunks' frames are drawn into arrays rented from <paramref name="frameBuffers"/> (by default the shared pool), which
/// a consumer gives back with <see cref="MediaChunk.Release"/>.
/// </remarks>
public sealed class WorldEngine(IFrameRenderer renderer, ISoundSynthesizer synthesizer, ArrayPool<byte>? frameBuffers = null) : IVideoEngine
{
    private readonly ArrayPool<byte> frameBuffers = frameBuffers ?? ArrayPool<byte>.Shared;
    private readonly PromptPlanner planner = new();

    /// <summary>The plan the engine renders for a request: the edited plan if given (validated), else one planned from the prompt.</summary>
    public ScenePlan PlanFor(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Plan is { } edited)
        {
            ScenePlanValidator.Validate(edited);
            return request.Style is { } style ? edited with { Style = Styles.Normalize(style) } : edited;
        }
        return planner.Plan(request.Prompt, request.Seconds, request.Style is { } s ? Styles.Normalize(s) : null);
    }

    public IAsyncEnumerable<MediaChunk> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default) =>
        GenerateAsync(request, trace: null, cancellationToken);

    /// <summary>Like <see cref="GenerateAsync(GenerationRequest, CancellationToken)"/>, also filling <paramref name="trace"/> frame by frame.</summary>
    public async IAsyncEnumerable<MediaChunk> GenerateAsync(GenerationRequest request, SimulationTrace? trace,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Validate(request);
        var plan = PlanFor(request);
        var run = new Run(plan, request, trace);
        for (int first = 0, count; first < request.FrameCount; first += count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            count = request.ChunkFramesFrom(first);
            var (start, frames) = (first, count);
            // Off the caller's thread; one chunk at a time, so renderer and synthesizer are never used concurrently.
            yield return await Task.Run(() => Chunk(run, start, frames, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
    }

    private MediaChunk Chunk(Run run, int first, int count, CancellationToken cancellationToken)
    {
        var request = run.Request;
        var rgbLength = request.Width * request.Height * 3 * count;
        // Every byte is drawn, so a buffer another chunk has released serves as well as a new one.
        var rgb = frameBuffers.Rent(rgbLength);
        // The simulation steps frame by frame; the renderer may then draw the chunk's frames side by side.
        var frames = new SceneFrame[count];
        for (var i = 0; i < count; i++) frames[i] = run.NextFrame(first + i);
        renderer.RenderFrames(run.Look, frames, rgb.AsSpan(0, rgbLength), cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        // Every sound that starts before the chunk's last sample must be known before its audio is made.
        run.AdvanceTo((first + count) / (double)request.Fps);
        var startSample = MediaChunk.SampleOfFrame(first, request.Fps);
        var samples = (int)(MediaChunk.SampleOfFrame(first + count, request.Fps) - startSample);
        var audio = new float[samples * MediaChunk.Channels];
        synthesizer.Render(run.Look, run.Sounds, run.Listener, startSample, samples, request.Seed, audio);
        return MediaChunk.WithPooledFrames(first, count, request.Width, request.Height, frameBuffers, rgb, rgbLength, audio);
    }

    private static void Validate(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Width is < 16 or > 3840 || request.Height is < 16 or > 2160 || request.Width % 2 != 0 || request.Height % 2 != 0)
            throw new ArgumentOutOfRangeException(nameof(request), $"size {request.Width}x{request.Height} must be even and between 16x16 and 3840x2160");
        if (request.Fps is < 1 or > 120) throw new ArgumentOutOfRangeException(nameof(request), $"fps {request.Fps} must be between 1 and 120");
        if (!(request.Seconds > 0 && request.Seconds <= 120)) throw new ArgumentOutOfRangeException(nameof(request), $"seconds {request.Seconds} must be between 0 and 120");
        if (request.Plan is null && string.IsNullOrWhiteSpace(request.Prompt)) throw new ArgumentException("a prompt or a plan is required", nameof(request));
    }

    /// <summary>The state of one generation: simulation, camera, clock and the sounds heard so far.</summary>
    private sealed class Run
    {
        private readonly SceneSimulation simulation;
        private readonly CameraDirector director;
        private readonly SimulationClock clock;
        private readonly SimulationTrace? trace;
        private readonly List<CameraPose> cameras = [];
        private readonly List<SoundEvent> sounds = [];
        private int soundsTaken;
        private int eventsTaken;

        public Run(ScenePlan plan, GenerationRequest request, SimulationTrace? trace)
        {
            Request = request;
            this.trace = trace;
            if (trace is not null) trace.Fps = request.Fps;
            simulation = SceneSimulation.Create(plan, request.Seed);
            director = new CameraDirector(plan, request.Seed);
            clock = new SimulationClock(plan.Camera);
            Look = new SceneLook(plan.Environment.Kind, plan.Environment.TimeOfDay, plan.Environment.Weather, plan.Style,
                request.Width, request.Height, request.Fps);
            Listener = ListenerAt;
        }

        public GenerationRequest Request { get; }
        public SceneLook Look { get; }
        public IReadOnlyList<SoundEvent> Sounds => sounds;
        public Func<double, CameraPose> Listener { get; }

        public void AdvanceTo(double videoTime)
        {
            simulation.AdvanceTo(clock.SimTime(videoTime));
            CollectSounds();
        }

        public SceneFrame NextFrame(int index)
        {
            var time = index / (double)Request.Fps;
            simulation.AdvanceTo(clock.SimTime(time));
            var camera = director.Pose(time, simulation);
            cameras.Add(camera);
            CollectSounds();
            trace?.Capture(simulation, index, time, camera, Request.Width / (float)Request.Height);
            return new SceneFrame(index, time, camera, simulation.Poses(), simulation.WaterSnapshot());
        }

        /// <summary>Moves the simulation's new sounds onto the video clock (they differ inside slow motion).</summary>
        private void CollectSounds()
        {
            var world = simulation.World;
            for (; soundsTaken < world.Sounds.Count; soundsTaken++)
            {
                var sound = world.Sounds[soundsTaken];
                var at = clock.VideoTime(sound.Time);
                sounds.Add(sound switch
                {
                    ImpactSound s => s with { Time = at },
                    ShatterSound s => s with { Time = at },
                    SplashSound s => s with { Time = at },
                    FootstepSound s => s with { Time = at },
                    EngineSound s => s with { Time = at, Duration = clock.VideoTime(s.Time + s.Duration) - at },
                    SpeechSound s => s with { Time = at },
                    _ => sound,
                });
            }
            if (trace is null) return;
            for (; eventsTaken < world.Events.Count; eventsTaken++)
            {
                var e = world.Events[eventsTaken];
                trace.Events.Add(new TraceEvent(clock.VideoTime(e.Time), e.Time, e.Kind, e.Entity, e.Other, [e.Position.X, e.Position.Y, e.Position.Z], e.Value));
            }
        }

        private CameraPose ListenerAt(double time)
        {
            if (cameras.Count == 0) return default;
            var exact = time * Request.Fps;
            var index = (int)Math.Clamp(Math.Floor(exact), 0, cameras.Count - 1);
            var next = Math.Min(index + 1, cameras.Count - 1);
            var t = (float)Math.Clamp(exact - index, 0, 1);
            var a = cameras[index];
            var b = cameras[next];
            return new CameraPose(System.Numerics.Vector3.Lerp(a.Position, b.Position, t), System.Numerics.Vector3.Lerp(a.Target, b.Target, t), a.FovDegrees, a.RollDegrees);
        }
    }
}
