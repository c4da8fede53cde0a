namespace WsManSvp.Hypervisor;

/// <summary>
/// The hypervisor adapter contract, shaped like libvirt's driver table: host facts, systems (domains)
/// listed, looked up, defined, edited and undefined, state changes, snapshots, and a stream of events. Every call is
/// asynchronous and cancellable; failures surface as <see cref="HypervisorException"/> with a
/// <see cref="HypervisorError"/> the upper layers map onto CIM errors and WS-Man faults.
/// Implementations are thread-safe.
/// </summary>
public interface IHypervisor : IAsyncDisposable
{
    /// <summary>A short name of the backend ("simulator", "libvirt").</summary>
    string BackendName { get; }

    ValueTask<HostInfo> GetHostInfoAsync(CancellationToken cancellationToken);

    /// <summary>The host's resource pools with their capacity and what is reserved from them now.</summary>
    ValueTask<IReadOnlyList<ResourcePoolInfo>> ListPoolsAsync(CancellationToken cancellationToken);

    /// <summary>Every defined system, in a stable order (by identity), streamed.</summary>
    IAsyncEnumerable<VirtualSystem> ListSystemsAsync(CancellationToken cancellationToken);

    /// <summary>The system with this identity, or null when there is none.</summary>
    ValueTask<VirtualSystem?> GetSystemAsync(Guid id, CancellationToken cancellationToken);

    ValueTask<VirtualSystem> DefineSystemAsync(SystemDefinition definition, CancellationToken cancellationToken);

    ValueTask UndefineSystemAsync(Guid id, CancellationToken cancellationToken);

    ValueTask<VirtualSystem> ChangeStateAsync(Guid id, StateTransition transition, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a system's persistent definition (libvirt: virDomainDefineXML with the same UUID). The name
    /// and identity cannot change here; an active system keeps running with its
    /// <see cref="VirtualSystem.ActiveDefinition"/> until it next starts.
    /// </summary>
    ValueTask<VirtualSystem> UpdateDefinitionAsync(Guid id, SystemDefinition definition, CancellationToken cancellationToken);

    /// <summary>The system's snapshots; <see cref="HypervisorError.NotFound"/> when the system does not exist.</summary>
    ValueTask<SnapshotTree> ListSnapshotsAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Takes a snapshot of a system (libvirt: virDomainSnapshotCreateXML). The hypervisor names it; its
    /// parent is the current snapshot, and it becomes current. A kind the host does not list in
    /// <see cref="HostInfo.SnapshotKinds"/> fails with <see cref="HypervisorError.NotSupported"/>; a system
    /// in a state that cannot be captured, with <see cref="HypervisorError.InvalidState"/>.
    /// </summary>
    ValueTask<SystemSnapshot> CreateSnapshotAsync(Guid id, SnapshotKind kind, string? description, CancellationToken cancellationToken);

    /// <summary>
    /// Reverts a system to a snapshot (libvirt: virDomainRevertToSnapshot): the definition and disks come back;
    /// a full snapshot also brings back the state it captured (running, paused or off); a disk-only snapshot
    /// leaves an active system restarted from its disks. The snapshot becomes current and last applied.
    /// </summary>
    ValueTask<VirtualSystem> ApplySnapshotAsync(Guid id, string snapshot, CancellationToken cancellationToken);

    /// <summary>Deletes a snapshot (libvirt: virDomainSnapshotDelete); its children take its parent as theirs.</summary>
    ValueTask DeleteSnapshotAsync(Guid id, string snapshot, CancellationToken cancellationToken);

    /// <summary>
    /// Events from the moment of the call on, in order. The stream ends when the token is cancelled
    /// or the hypervisor is disposed.
    /// </summary>
    IAsyncEnumerable<HypervisorEvent> WatchEventsAsync(CancellationToken cancellationToken);
}
