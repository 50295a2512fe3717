namespace Sora.Abstractions.Generation;

/// <summary>
/// The generations one person started (key: their user id), newest first, listed to that person alone. It is an
/// index: each job's own grain stays the truth, and a job is listed before it is saved, so a job that exists is
/// never missing here while an entry whose job was never saved is left out by whoever reads the list.
/// </summary>
[Alias("Sora.IUserGenerationsGrain")]
public interface IUserGenerationsGrain : IGrainWithStringKey
{
    /// <summary>
    /// How many of a person's jobs are listed; older ones drop off the list (they, and their videos, stay reachable by
    /// id). The whole list is one stored record, rewritten with every job.
    /// </summary>
    public const int Capacity = 1000;

    /// <summary>Lists a job; listing it again changes nothing.</summary>
    [Alias("Add")]
    Task AddAsync(UserGeneration generation);

    /// <summary>
    /// Up to <paramref name="max"/> (1–100) jobs after <paramref name="after"/> (from the newest when null), newest first;
    /// none after a job that is not in the list (another person's, or one that has dropped off its end).
    /// </summary>
    [Alias("List"), Orleans.Concurrency.ReadOnly]
    Task<UserGenerationPage> ListAsync(string callerId, Guid? after, int max);

    /// <summary>
    /// Notes whether the video a listed job made is a draft (its video grain tells, as it changes), so a reader of drafts
    /// skips the published and removed ones without loading them. <paramref name="version"/> counts the video's changes:
    /// a report older than the one noted (a late delivery) is ignored, as is a job not in the list.
    /// </summary>
    [Alias("VideoChanged")]
    Task VideoChangedAsync(Guid generation, bool isDraft, int version);

    /// <summary>
    /// Notes that a listed job ended without a video (failed or cancelled), so a reader of drafts does not look for one.
    /// A video that has reported already wins (the job's last attempt may have made one after all), and so does one that
    /// reports later: its first report counts as a change.
    /// </summary>
    [Alias("EndedWithoutVideo")]
    Task EndedWithoutVideoAsync(Guid generation);
}

/// <summary>
/// A job in its owner's list: its id, when it was created (the list's order; each silo's clock), and whether its video
/// is a draft (null while neither its video nor its end has said: none made yet, or listed before they told).
/// </summary>
[GenerateSerializer, Immutable, Alias("Sora.UserGeneration")]
public sealed record UserGeneration([property: Id(0)] Guid Id, [property: Id(1)] DateTimeOffset CreatedAt, [property: Id(2)] bool? VideoIsDraft = null,
    [property: Id(3)] int VideoVersion = 0);

/// <summary>Part of a person's list of jobs, and whether more follow.</summary>
[GenerateSerializer, Immutable, Alias("Sora.UserGenerationPage")]
public sealed record UserGenerationPage([property: Id(0)] IReadOnlyList<UserGeneration> Generations, [property: Id(1)] bool HasMore);
