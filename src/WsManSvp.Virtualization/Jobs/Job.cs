using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Jobs;

/// <summary>
/// One asynchronous task at one moment (CIM_ConcreteJob): what started it, its state and progress, what it
/// affects, and why it failed. Immutable: every change makes a new one, persisted before it is seen.
/// </summary>
public sealed record Job
{
    public required string Id { get; init; }

    /// <summary>The method that started it (CIM_ConcreteJob.Name), e.g. "RequestStateChange".</summary>
    public required string MethodName { get; init; }

    /// <summary>What it does, for people (ElementName), e.g. "Start web01".</summary>
    public required string Description { get; init; }

    public string? Owner { get; init; }

    /// <summary>The element whose method started it (CIM_OwningJobElement).</summary>
    public required ModelElement OwningElement { get; init; }

    public required JobState State { get; init; }

    public ushort PercentComplete { get; init; }

    public required DateTimeOffset TimeSubmitted { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public required DateTimeOffset TimeOfLastStateChange { get; init; }

    public DateTimeOffset? FinishTime { get; init; }

    public required TimeSpan TimeBeforeRemoval { get; init; }

    public bool DeleteOnCompletion { get; init; } = true;

    /// <summary>What the job created or changed (CIM_AffectedJobElement), with ElementEffects[0].</summary>
    public IReadOnlyList<JobEffect> Affected { get; init; } = [];

    /// <summary>Why it did not complete; null while running and when it completed.</summary>
    public JobError? Error { get; init; }

    /// <summary>When a finished job is removed, if it is to be removed at all.</summary>
    public DateTimeOffset? RemovalTime => DeleteOnCompletion && FinishTime is { } finished ? finished + TimeBeforeRemoval : null;
}

/// <summary>An element a job affects and how (CIM_AffectedJobElement.ElementEffects: 0 Unknown, 5 Create).</summary>
public sealed record JobEffect(ModelElement Element, ushort Effect)
{
    public const ushort Unknown = 0;
    public const ushort Create = 5;
}

/// <summary>
/// Why a job failed (ErrorCode and ErrorDescription, and the CIM_Error GetError returns): the code the
/// method would have returned had it run synchronously, a message, and the CIM status behind it.
/// </summary>
public sealed record JobError(ushort ErrorCode, string Description, uint CimStatusCode, JobErrorKind Kind);

/// <summary>How a job came to fail; chooses CIM_Error's ErrorType, PerceivedSeverity and MessageID.</summary>
public enum JobErrorKind
{
    /// <summary>The operation failed (the hypervisor refused or could not do it).</summary>
    Failed,
    /// <summary>A client asked the job to stop.</summary>
    Stopped,
    /// <summary>The service stopped before the job finished.</summary>
    Interrupted,
}
