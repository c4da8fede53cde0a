using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Tests;

/// <summary>
/// Wraps a hypervisor so its changes can be made to fail (a lost connection, a failed write) while its
/// reads keep answering: what a method does when the hypervisor refuses mid-way can then be observed.
/// </summary>
public sealed class RefusingHypervisor(IHypervisor inner) : IHypervisor
{
    /// <summary>When set, every call that would change something throws it and changes nothing.</summary>
    public HypervisorException? ChangeFailure { get; set; }

    public string BackendName => inner.BackendName;

    public ValueTask<HostInfo> GetHostInfoAsync(CancellationToken cancellationToken) => inner.GetHostInfoAsync(cancellationToken);

    public ValueTask<IReadOnlyList<ResourcePoolInfo>> ListPoolsAsync(CancellationToken cancellationToken) => inner.ListPoolsAsync(cancellationToken);

    public IAsyncEnumerable<VirtualSystem> ListSystemsAsync(CancellationToken cancellationToken) => inner.ListSystemsAsync(cancellationToken);

    public ValueTask<VirtualSystem?> GetSystemAsync(Guid id, CancellationToken cancellationToken) => inner.GetSystemAsync(id, cancellationToken);

    public ValueTask<SnapshotTree> ListSnapshotsAsync(Guid id, CancellationToken cancellationToken) => inner.ListSnapshotsAsync(id, cancellationToken);

    public ValueTask<VirtualSystem> DefineSystemAsync(SystemDefinition definition, CancellationToken cancellationToken) =>
        Refuse() ?? inner.DefineSystemAsync(definition, cancellationToken);

    public async ValueTask UndefineSystemAsync(Guid id, CancellationToken cancellationToken)
    {
        if (ChangeFailure is { } failure) throw failure;
        await inner.UndefineSystemAsync(id, cancellationToken);
    }

    public ValueTask<VirtualSystem> ChangeStateAsync(Guid id, StateTransition transition, CancellationToken cancellationToken) =>
        Refuse() ?? inner.ChangeStateAsync(id, transition, cancellationToken);

    public ValueTask<VirtualSystem> UpdateDefinitionAsync(Guid id, SystemDefinition definition, CancellationToken cancellationToken) =>
        Refuse() ?? inner.UpdateDefinitionAsync(id, definition, cancellationToken);

    public ValueTask<SystemSnapshot> CreateSnapshotAsync(Guid id, SnapshotKind kind, string? description, CancellationToken cancellationToken) =>
        ChangeFailure is { } failure ? ValueTask.FromException<SystemSnapshot>(failure) : inner.CreateSnapshotAsync(id, kind, description, cancellationToken);

    public ValueTask<VirtualSystem> ApplySnapshotAsync(Guid id, string snapshot, CancellationToken cancellationToken) =>
        Refuse() ?? inner.ApplySnapshotAsync(id, snapshot, cancellationToken);

    public async ValueTask DeleteSnapshotAsync(Guid id, string snapshot, CancellationToken cancellationToken)
    {
        if (ChangeFailure is { } failure) throw failure;
        await inner.DeleteSnapshotAsync(id, snapshot, cancellationToken);
    }

    public IAsyncEnumerable<HypervisorEvent> WatchEventsAsync(CancellationToken cancellationToken) => inner.WatchEventsAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private ValueTask<VirtualSystem>? Refuse() => ChangeFailure is { } failure ? ValueTask.FromException<VirtualSystem>(failure) : null;
}
