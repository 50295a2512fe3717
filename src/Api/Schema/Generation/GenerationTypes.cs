using GraphQL.Types;
using Sora.Abstractions.Errors;
using Sora.Abstractions.Generation;
using Sora.Abstractions.Videos;
using Sora.Api.Schema.Videos;

namespace Sora.Api.Schema.Generation;

public sealed class EngineKindType : EnumerationGraphType<EngineKind>
{
    public EngineKindType() => Name = "Engine";
}

public sealed class GenerationStatusType : EnumerationGraphType<GenerationStatus>
{
    public GenerationStatusType() => Name = "GenerationStatus";
}

public sealed class GenerationEventKindType : EnumerationGraphType<GenerationEventKind>
{
    public GenerationEventKindType() => Name = "GenerationEventKind";
}

public sealed class DeviceType : ObjectGraphType<DeviceSlot>
{
    public DeviceType()
    {
        Name = "Device";
        Description = "One CPU slot or GPU of one silo.";
        Field(d => d.Silo).Description("The silo's address.");
        Field<NonNullGraphType<StringGraphType>>("kind").Resolve(c => c.Source.Kind.ToString().ToUpperInvariant());
        Field(d => d.Index);
    }
}

public sealed class GenerationType : ObjectGraphType<GenerationView>
{
    public GenerationType()
    {
        Name = "Generation";
        Description = "A video being made: queued, running on a device, encoding, signing, then ready with its draft video.";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id.ToString("N"));
        Field(g => g.Status, type: typeof(NonNullGraphType<GenerationStatusType>));
        Field(g => g.Progress).Description("0 to 1.");
        Field(g => g.QueuePosition, nullable: true).Description("1 for the next job to start; null when not queued.");
        Field<NonNullGraphType<StringGraphType>>("prompt").Resolve(c => c.Source.Spec.Prompt);
        Field<NonNullGraphType<FloatGraphType>>("seconds").Resolve(c => c.Source.Spec.Seconds);
        Field<NonNullGraphType<StringGraphType>>("size").Resolve(c => $"{c.Source.Spec.Width}x{c.Source.Spec.Height}");
        Field<NonNullGraphType<IntGraphType>>("fps").Resolve(c => c.Source.Spec.Fps);
        Field<StringGraphType>("style").Resolve(c => c.Source.Spec.Style);
        Field<NonNullGraphType<LongGraphType>>("seed").Resolve(c => c.Source.Spec.Seed);
        Field<NonNullGraphType<EngineKindType>>("engine").Resolve(c => c.Source.Spec.Engine);
        Field(g => g.Device, type: typeof(DeviceType)).Description("Where it runs or ran.");
        Field(g => g.Attempts).Description("More than 1 when a silo was lost mid-job and another device took over.");
        Field(g => g.CreatedAt, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
        Field(g => g.StartedAt, type: typeof(DateTimeOffsetGraphType));
        Field(g => g.FinishedAt, type: typeof(DateTimeOffsetGraphType));
        Field(g => g.FailureCode, nullable: true);
        Field(g => g.FailureMessage, nullable: true);
        Field<VideoType>("video")
            .Description("The draft video, once ready.")
            .ResolveAsync(async c => c.Source.VideoId is { } id ? await VideoResolvers.TryLoadAsync(c, new VideoId(id)) : null);
    }
}

/// <summary>One event of a generation: <c>kind</c> says which; the fields that belong to it are set.</summary>
public sealed class GenerationEventType : ObjectGraphType<GenerationEvent>
{
    public GenerationEventType()
    {
        Name = "GenerationEvent";
        Field(e => e.Kind, type: typeof(NonNullGraphType<GenerationEventKindType>));
        Field(e => e.At, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
        Field(e => e.Sequence).Description("1, 2, 3… per generation.");
        Field(e => e.ChunkIndex, nullable: true).Description("CHUNK: the fragment's index, from 0.");
        Field(e => e.Frames, nullable: true).Description("CHUNK: frames in the fragment.");
        Field(e => e.PreviewUrl, nullable: true).Description("CHUNK: the fMP4 fragment, playable after initSegmentUrl (Media Source Extensions).");
        Field<StringGraphType>("initSegmentUrl")
            .Description("CHUNK: the init segment that goes before the fragments of this attempt.")
            .Resolve(c => c.Source.PreviewUrl is { } url ? url[..(url.LastIndexOf('/') + 1)] + "init.mp4" : null);
        Field(e => e.Fraction, nullable: true).Description("PROGRESS: 0 to 1.");
        Field(e => e.Device, type: typeof(DeviceType)).Description("STARTED: the device that took the job.");
        Field(e => e.Message, nullable: true).Description("FAILED: what went wrong; QUEUED: why a job was restarted.");
        Field(e => e.Code, nullable: true).Description("FAILED: a stable error code.");
        Field<VideoType>("video")
            .Description("COMPLETED: the draft video.")
            .ResolveAsync(async c => c.Source.VideoId is { } id ? await VideoResolvers.TryLoadAsync(c, new VideoId(id)) : null);
    }
}
