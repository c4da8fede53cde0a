using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Jobs;

/// <summary>What a job's work sees: its cancellation, a way to report progress, and to name what it created or changed.</summary>
public sealed class JobContext
{
    private readonly Func<ushort, Task> _progress;
    private readonly List<JobEffect> _affected = [];

    internal JobContext(CancellationToken cancellationToken, Func<ushort, Task> progress)
    {
        CancellationToken = cancellationToken;
        _progress = progress;
    }

    /// <summary>Cancelled when a client terminates or kills the job, or the service stops.</summary>
    public CancellationToken CancellationToken { get; }

    internal IReadOnlyList<JobEffect> Affected => _affected;

    /// <summary>Records progress (0..99; completion sets 100).</summary>
    public Task ProgressAsync(ushort percent) => _progress(Math.Min(percent, (ushort)99));

    /// <summary>Names an element the job created or changed, visible once the job completes.</summary>
    public void Affects(ModelElement element, ushort effect) => _affected.Add(new JobEffect(element, effect));
}

/// <summary>A job's work failed in a way it can describe: the job ends in Exception with this error.</summary>
public sealed class JobFailedException(JobError error) : Exception(error.Description)
{
    public JobError Error { get; } = error;
}

/// <summary>What a new job is: the method starting it, for whom, on whose behalf, and what it affects from the start.</summary>
public sealed record JobStart(string MethodName, string Description, ModelElement OwningElement, string? Owner, IReadOnlyList<JobEffect> Affected);

/// <summary>How a request to terminate or kill a job ended.</summary>
public enum JobStopOutcome
{
    /// <summary>The job stopped: it is now Terminated or Killed.</summary>
    Stopped,
    /// <summary>It had finished already, or finished before it could be stopped.</summary>
    AlreadyFinished,
    /// <summary>It is stopping but has not stopped yet.</summary>
    Stopping,
    NotFound,
}
