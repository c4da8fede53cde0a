using System.Diagnostics;

namespace WsManSvp.Hypervisor.Libvirt;

/// <summary>Why a system is looked at again to find out what changed.</summary>
internal enum ObservationCause
{
    /// <summary>libvirt reported an event of the domain.</summary>
    LibvirtEvent,
    /// <summary>The connection came back: every system is compared with the last known ones.</summary>
    Reconnected,
    /// <summary>An operation of this backend changed the system.</summary>
    Operation,
    /// <summary>A reboot or reset: the state stays, yet it changed.</summary>
    Restarted,
}

/// <summary>
/// A request to look at a system again, queued in order with libvirt's events so that every change is
/// announced once and in order. Any read of the system started after <see cref="AnsweredAfter"/> answers it
/// (so observations queued together share one read). An operation awaits <see cref="Done"/> for the system
/// as seen after it, and may bring its own read of it (<see cref="Seen"/>).
/// </summary>
internal sealed record Observation(ObservationCause Cause, Guid SystemId, string? Detail = null)
{
    /// <summary>A <see cref="Stopwatch"/> timestamp: by default when the observation was made.</summary>
    public long AnsweredAfter { get; init; } = Stopwatch.GetTimestamp();

    public ObservedSystem? Seen { get; init; }

    public TaskCompletionSource<VirtualSystem?>? Done { get; init; }

    /// <summary>After an operation: answered by a read started after it, or by <paramref name="seen"/>, the operation's own.</summary>
    public static Observation After(ObservationCause cause, Guid id, ObservedSystem? seen = null) =>
        new(cause, id)
        {
            AnsweredAfter = seen is null ? Stopwatch.GetTimestamp() : seen.ReadAt - 1,
            Seen = seen,
            Done = new TaskCompletionSource<VirtualSystem?>(TaskCreationOptions.RunContinuationsAsynchronously),
        };
}
