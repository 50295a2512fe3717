using System.Buffers.Binary;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Generation;
using Sora.Abstractions.Media;
using Sora.Abstractions.Users;
using Sora.Abstractions.Videos;
using Sora.Grains.Generation;
using Sora.Inference;
using Sora.Inference.Onnx;
using Sora.Inference.World;
using Sora.Inference.World.Sound.Speech;
using Sora.Inference.World.Planning;
using Sora.Media.Encoding;
using Sora.Media.Provenance;
using Sora.Silo.Media;

namespace Sora.Silo.Generation;

/// <summary>
/// The server's path from a job to a draft video: engine → visible and invisible marks → one ffmpeg per job writing
/// fMP4 fragments, each stored and announced as it is written (live preview), and from the same encode the faststart
/// MP4 (the poster is made meanwhile from its marked frame) → C2PA signature → stored → the draft
/// <see cref="IVideoGrain"/>, whose id is derived from the job so that finishing twice still makes one video.
/// </summary>
public sealed partial class MediaGenerationRunner(
    EngineCatalog engines,
    IMediaStore media,
    Lazy<SigningCredentials> credentials,
    IGrainFactory grains,
    MediaGenerationOptions options,
    EncoderStandby encoders,
    GpuEncoders gpuEncoders,
    ILogger<MediaGenerationRunner> logger) : IGenerationRunner
{
    private const double RenderShare = 0.9;

    /// <summary>The encoder settings of the last job that encoded: the next job most likely has them too.</summary>
    private Mp4EncodeSettings? _lastEncoded;

    public async Task<string> RunAsync(GenerationJob job, IGenerationReporter reporter, CancellationToken cancellationToken)
    {
        var spec = job.Spec;
        var videoId = GenerationIds.VideoIdFor(job.Id);
        // An earlier attempt may have made the video and then lost its silo before telling the job.
        if (await DraftExistsAsync(videoId, spec.OwnerId)) return videoId;

        using var activity = GenerationTracing.Source.StartActivity("generation");
        activity?.SetTag("sora.generation.id", job.Id);
        activity?.SetTag("sora.generation.attempt", job.Attempt);
        var scratch = Path.Combine(options.ScratchDirectory, $"{job.Id:N}-{job.Attempt}");
        Directory.CreateDirectory(scratch);
        try
        {
            using var preparing = GenerationTracing.Phase("prepare");
            // Given back once the writer is done with the frames (it waits for their consumers, so the engine has stopped),
            // or when the job ends before that.
            using var lease = engines.Create(spec.Engine, job.Device);
            var request = new GenerationRequest(spec.Prompt, spec.Seconds, spec.Width, spec.Height, spec.Fps, spec.Seed, spec.Style)
            {
                ChunkFrames = options.FramesPerChunk,
                FirstChunkFrames = options.FirstChunkFrames,
            };
            var planJson = SaltedPlan(lease.Engine is WorldEngine world ? ScenePlanJson.Write(world.PlanFor(request)) : "{}");
            var parentFile = spec.RemixOf is { } parent ? await CopyParentAsync(parent, scratch, cancellationToken) : null;
            var provenance = new ProvenanceRequest(videoId, IssuerOf(credentials.Value), spec.OwnerHandle, spec.Width, spec.Height, spec.Fps, new ManifestDefinition
            {
                Title = $"Sora video {videoId}",
                Generation = new GenerationInfo(lease.Name, lease.Version, spec.Seed, Hash(planJson), spec.SharePrompt ? spec.Prompt : null),
                ParentFile = parentFile,
            });

            var signed = Path.Combine(scratch, "video.mp4");
            var progress = new JobProgress(request.FrameCount, reporter);
            var writer = new ProvenanceWriter(credentials.Value);
            Activity? signPhase = null;
            var poster = new PosterCapture(Math.Min(spec.Fps, request.FrameCount / 2), cancellationToken);
            preparing?.Stop();
            ProvenanceResult result;
            try
            {
                result = await writer.WriteAsync(Frames(lease.Engine, request, progress, activity, cancellationToken), provenance, signed,
                    async (marked, settings, unsigned, ct) =>
                    {
                        await EncodeAsync(job, marked, settings, unsigned, progress, activity, ct);
                        signPhase = GenerationTracing.Phase("sign");
                    },
                    poster.ObserveAsync, cancellationToken);
            }
            finally
            {
                signPhase?.Dispose();
                lease.Dispose();
            }

            byte[] posterJpeg;
            using (GenerationTracing.Phase("poster"))
                posterJpeg = await poster.JpegAsync();
            using (GenerationTracing.Phase("store"))
            {
                await media.WriteFileAsync(MediaKeys.Video(videoId), signed, cancellationToken);
                await media.WriteAsync(MediaKeys.Poster(videoId), posterJpeg, cancellationToken);
                await media.WriteAsync(MediaKeys.Plan(videoId), Encoding.UTF8.GetBytes(planJson), cancellationToken);
            }

            var file = new VideoMedia(MediaKeys.UrlOf(MediaKeys.Video(videoId)), result.Frames / (double)spec.Fps, spec.Width, spec.Height)
            {
                PosterUrl = MediaKeys.UrlOf(MediaKeys.Poster(videoId)),
            };
            using var draftPhase = GenerationTracing.Phase("draft");
            await CreateDraftAsync(videoId, new DraftSpec(new UserId(spec.OwnerId), spec.Prompt, MediaKeys.Plan(videoId),
                spec.RemixOf is null ? null : new VideoId(spec.RemixOf), spec.CameoIds, file, result.ManifestLabel, spec.SharePrompt));
            LogFinished(job.Id, job.Attempt, videoId, result.Frames);
            return videoId;
        }
        catch (Exception error)
        {
            // Cancelled or failed: nothing of this attempt's previews stays behind for anyone to fetch.
            await DeletePreviewsAsync(job);
            if (ForOwner(error) is { } failure) throw failure;
            throw;
        }
        finally
        {
            try { Directory.Delete(scratch, recursive: true); }
            catch (IOException) { /* a stray file in scratch is not worth failing a job over */ }
        }
    }

    private static async IAsyncEnumerable<FrameChunk> Frames(IVideoEngine engine, GenerationRequest request, JobProgress progress,
        Activity? activity, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        activity?.AddEvent(new ActivityEvent("encoder started, engine asked for frames"));
        // One chunk ahead: the engine renders the next while this one is marked, converted and handed to the encoder.
        await foreach (var chunk in EngineTraced(engine.GenerateAsync(request, ct), activity, ct).ReadAhead(1, ct).AsFrameChunks(ct))
            yield return chunk;
        activity?.AddEvent(new ActivityEvent("rendering done"));
        // Told while the encoder finishes, not before its input ends: the call would only hold the last frames back.
        progress.RenderingDone();
    }

    /// <summary>The engine's chunks as they come, with the moments it made the first and the last one in the trace.</summary>
    private static async IAsyncEnumerable<MediaChunk> EngineTraced(IAsyncEnumerable<MediaChunk> chunks, Activity? activity,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var chunk in chunks.WithCancellation(ct))
        {
            if (chunk.FirstFrame == 0) activity?.AddEvent(new ActivityEvent("first chunk rendered"));
            yield return chunk;
        }
        activity?.AddEvent(new ActivityEvent("engine done"));
    }

    /// <summary>
    /// One ffmpeg (started ahead for this job if its settings are those of the last one) writes the live segments (each
    /// stored and announced as it is written) and the unsigned final MP4.
    /// </summary>
    private async Task EncodeAsync(GenerationJob job, IAsyncEnumerable<FrameChunk> marked, Mp4EncodeSettings settings, string unsignedMp4,
        JobProgress progress, Activity? activity, CancellationToken ct)
    {
        settings = await gpuEncoders.ForAsync(options.Encoder(settings), job.Device, ct);
        using (GenerationTracing.Phase("render+encode"))
        await using (var encoder = encoders.Take(settings))
        {
            try
            {
                await StreamSegmentsAsync(job, encoder, marked, progress, activity, ct);
                File.Move(encoder.FinalMp4!, unsignedMp4, overwrite: true);
            }
            catch (FFMpegCore.Exceptions.FFMpegException error) when (settings.NvencGpu is { } gpu)
            {
                gpuEncoders.EncodeFailed(gpu, error.Message);
                throw;
            }
            finally
            {
                File.Delete(encoder.FinalMp4!);
            }
        }
        Volatile.Write(ref _lastEncoded, settings);
        await progress.SigningAsync();
    }

    private Task StreamSegmentsAsync(GenerationJob job, FragmentedMp4EncoderProcess encoder, IAsyncEnumerable<FrameChunk> marked,
        JobProgress progress, Activity? activity, CancellationToken ct) =>
            encoder.EncodeAsync(marked, async (segment, token) =>
            {
                if (segment.Index <= 0) activity?.AddEvent(new ActivityEvent(segment.IsInit ? "init segment encoded" : "first fragment encoded"));
                var key = segment.IsInit ? MediaKeys.InitSegment(job.Id, job.Attempt) : MediaKeys.Fragment(job.Id, job.Attempt, segment.Index);
                await media.WriteAsync(key, segment.Bytes, token);
                // The encoder's audio tail at the very end carries no frames: stored, not announced.
                if (!segment.IsInit && segment.VideoFrames > 0) await progress.FragmentStoredAsync(segment, MediaKeys.UrlOf(key));
                if (segment.Index == 0) activity?.AddEvent(new ActivityEvent("first fragment announced"));
            }, ct);

    /// <summary>Removes an attempt's previews; a storage that fails here must not hide why the job failed.</summary>
    private async Task DeletePreviewsAsync(GenerationJob job)
    {
        try
        {
            await media.DeleteAsync(MediaKeys.GenerationAttempt(job.Id, job.Attempt), CancellationToken.None);
        }
        catch (Exception e)
        {
            LogPreviewsKept(e, job.Id, job.Attempt);
        }
    }

    /// <summary>
    /// What failed, said to the job's owner: a request the engine cannot make as the owner's to change; what failed on
    /// this node without the cause's paths, hosts, model files and tool output (logged instead).
    /// </summary>
    private static Exception? ForOwner(Exception error) => error switch
    {
        UnsupportedRequestException unsupported => DomainException.BadInput(unsupported.Field, unsupported.Message),
        SpeechEngineMissingException => new GenerationFailedException("speaking the video's lines failed: this node has no speech engine (its log has the details)", error),
        OnnxModelException => new GenerationFailedException("the ONNX model failed on this node (its log has the details)", error),
        FFMpegCore.Exceptions.FFMpegException => new GenerationFailedException("encoding the video failed on this node (its log has the details)", error),
        IOException or UnauthorizedAccessException => new GenerationFailedException("reading or writing the video's files failed on this node (its log has the details)", error),
        Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or HttpRequestException =>
            new GenerationFailedException("storing the video failed on this node (its log has the details)", error),
        _ => null,
    };

    private async Task<string?> CopyParentAsync(string parentId, string scratch, CancellationToken ct)
    {
        await using var source = await media.OpenReadAsync(MediaKeys.Video(parentId), ct);
        if (source is null) return null; // a parent made before media was kept: the remux still records its parent in the video
        var file = Path.Combine(scratch, "parent.mp4");
        await using var target = File.Create(file);
        await source.CopyToAsync(target, ct);
        return file;
    }

    private async Task CreateDraftAsync(string videoId, DraftSpec draft)
    {
        try
        {
            await grains.GetGrain<IVideoGrain>(videoId).CreateDraftAsync(draft);
        }
        catch (DomainException e) when (e.Code == ErrorCodes.Conflict)
        {
            // Two attempts finished (the first one's silo was presumed dead but was not): one video all the same.
            if (!await DraftExistsAsync(videoId, draft.Owner.Value)) throw;
        }
    }

    private async Task<bool> DraftExistsAsync(string videoId, string ownerId) =>
        (await grains.GetGrain<IVideoGrain>(videoId).GetAsync(new UserId(ownerId)).OrNullWhenNotFound())?.Owner.Value == ownerId;

    /// <summary>Which Sora instance issued a video (the low 16 bits of its video mark): derived from the signing certificate.</summary>
    private static ushort IssuerOf(SigningCredentials signer) => BinaryPrimitives.ReadUInt16BigEndian(SHA256.HashData(signer.Leaf.RawData));

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// The plan as it is stored and as the manifest's plan hash commits to it: with a random salt. The planner is public
    /// and the manifest names the seed, so an unsalted hash would let anyone holding the video confirm a guess of a
    /// prompt its creator kept private.
    /// </summary>
    private static string SaltedPlan(string planJson) =>
        $"{{\"salt\":\"{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}\",\"plan\":{planJson}}}";

    /// <summary>
    /// Starts the encoder for the next job once this one's outcome is recorded: ffmpeg's start (a tenth of a second of
    /// CPU) then no longer competes with this job's signing, storing and completion.
    /// </summary>
    public void JobEnded(GenerationJob job)
    {
        if (Volatile.Read(ref _lastEncoded) is not { } settings) return;
        try
        {
            encoders.Prepare(settings);
        }
        catch (Exception e)
        {
            // The next job then starts its own encoder, and reports whatever stops it.
            LogStandbyFailed(e, job.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Generation {Id} attempt {Attempt} made video {VideoId} ({Frames} frames)")]
    private partial void LogFinished(Guid id, int attempt, string videoId, long frames);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove the previews of generation {Id} attempt {Attempt}")]
    private partial void LogPreviewsKept(Exception error, Guid id, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not start the encoder for the job after {Id}")]
    private partial void LogStandbyFailed(Exception error, Guid id);

    /// <summary>What a running job reports: rendering is most of the work, then encoding the tail, then signing.</summary>
    private sealed class JobProgress(int totalFrames, IGenerationReporter reporter)
    {
        private int _encoded;
        private Task? _renderingDone;

        /// <summary>Reports the move to encoding; its answer is checked before signing.</summary>
        public void RenderingDone() => _renderingDone = ReportAsync(GenerationStatus.Encoding, RenderShare * _encoded / totalFrames);

        public async Task FragmentStoredAsync(Mp4Segment fragment, string url)
        {
            _encoded += fragment.VideoFrames;
            Check(await reporter.ChunkReadyAsync(fragment.Index, fragment.VideoFrames, url, RenderShare * _encoded / totalFrames));
        }

        public async Task SigningAsync()
        {
            if (_renderingDone is { } renderingDone) await renderingDone;
            await ReportAsync(GenerationStatus.Signing, 0.95);
        }

        private async Task ReportAsync(GenerationStatus status, double fraction) => Check(await reporter.AdvancedAsync(status, fraction));

        private static void Check(bool stillOurs)
        {
            if (!stillOurs) throw new OperationCanceledException("the job was taken from this worker");
        }
    }
}
