using GraphQL.Types;
using Sora.Abstractions.Generation;

namespace Sora.Api.Schema.Generation;

/// <summary>What <c>createVideo</c> asks for; validated by the generation grain, which names the bad field.</summary>
public sealed class CreateVideoInput
{
    public string Prompt { get; set; } = "";
    public double Seconds { get; set; } = 5;
    public string Size { get; set; } = "854x480";
    public int Fps { get; set; } = 24;
    public string? Style { get; set; }
    public long? Seed { get; set; }
    public EngineKind Engine { get; set; } = EngineKind.World;
    public List<string>? CameoIds { get; set; }
    public string? RemixOf { get; set; }
    public string? ClientMutationId { get; set; }
    public bool SharePrompt { get; set; }
}

public sealed class CreateVideoInputType : InputObjectGraphType<CreateVideoInput>
{
    public CreateVideoInputType()
    {
        Name = "CreateVideoInput";
        Field(i => i.Prompt).Description("What to generate: 1 to 2000 characters, no control characters.");
        Field(i => i.Seconds, nullable: true).Description("Length in seconds, 1 to 20 (default 5).");
        Field(i => i.Size, nullable: true).Description("WIDTHxHEIGHT from the supported list, e.g. 854x480 (default), 1280x720, 720x1280.");
        Field(i => i.Fps, nullable: true).Description("24 (default) or 30.");
        Field(i => i.Style, nullable: true).Description("cinematic, anime, cartoon, claymation, watercolor, pixel_art, noir or sketch.");
        Field(i => i.Seed, type: typeof(LongGraphType)).Description("Same prompt and seed give the same video; random when left out.");
        Field(i => i.Engine, type: typeof(EngineKindType)).Description("WORLD (default, runs anywhere) or ONNX (needs a GPU).");
        Field(i => i.CameoIds, type: typeof(ListGraphType<NonNullGraphType<IdGraphType>>)).Description("Cameos to appear in the video (consent required).");
        Field(i => i.RemixOf, type: typeof(IdGraphType)).Description("The video to remix: a published one, or your own draft.");
        Field(i => i.SharePrompt, nullable: true).Description("Share the prompt: recorded in the video's signed C2PA manifest and shown with the video to everyone who sees it (default false: only you see it).");
        Field(i => i.ClientMutationId, nullable: true).Description("Retrying with the same id returns the same generation instead of starting another.");
    }
}
