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
    /// <summary>The definition was replaced: announced even when it reads the same.</summary>
    Edited,
    /// <summary>A reboot or reset: the state stays, yet it changed.</summary>
    Restarted,
}

/// <summary>
/// A request to look at a system again, queued in order with libvirt's events so that every change is
/// announced once and in order. An operation awaits <see cref="Done"/> for the system as seen after it.
/// </summary>
internal sealed record Observation(ObservationCause Cause, Guid SystemId, string? Detail = null)
{
    public TaskCompletionSource<VirtualSystem?>? Done { get; init; }

    public static Observation After(ObservationCause cause, Guid id) =>
        new(cause, id) { Done = new TaskCompletionSource<VirtualSystem?>(TaskCreationOptions.RunContinuationsAsynchronously) };
}
