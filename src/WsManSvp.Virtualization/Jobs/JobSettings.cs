namespace WsManSvp.Virtualization.Jobs;

public sealed record JobSettings
{
    /// <summary>How long a finished job stays before it is removed (CIM_Job.TimeBeforeRemoval's default: 5 minutes).</summary>
    public TimeSpan TimeBeforeRemoval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often finished jobs are checked for removal.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromSeconds(1);
}
