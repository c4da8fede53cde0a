namespace WsManSvp.Hypervisor;

/// <summary>
/// The hypervisor adapter contract, shaped like libvirt's driver table: host facts, systems (domains)
/// listed, looked up, defined and undefined, state changes, and a stream of events. Every call is
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
    /// Events from the moment of the call on, in order. The stream ends when the token is cancelled
    /// or the hypervisor is disposed.
    /// </summary>
    IAsyncEnumerable<HypervisorEvent> WatchEventsAsync(CancellationToken cancellationToken);
}
