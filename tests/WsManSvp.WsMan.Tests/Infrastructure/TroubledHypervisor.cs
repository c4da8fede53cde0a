using System.Runtime.CompilerServices;
using WsManSvp.Hypervisor;

namespace WsManSvp.WsMan.Tests.Infrastructure;

/// <summary>
/// Wraps a hypervisor to make its reads slow (honouring cancellation) or failing, so the protocol layer's
/// timeouts and error handling can be observed.
/// </summary>
public sealed class TroubledHypervisor(IHypervisor inner) : IHypervisor
{
    /// <summary>How long each read waits before it answers (each listed system, in a listing).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>When set, reads throw it.</summary>
    public Exception? Failure { get; set; }

    public string BackendName => inner.BackendName;

    public async ValueTask<HostInfo> GetHostInfoAsync(CancellationToken cancellationToken)
    {
        await TroubleAsync(cancellationToken);
        return await inner.GetHostInfoAsync(cancellationToken);
    }

    public async ValueTask<IReadOnlyList<ResourcePoolInfo>> ListPoolsAsync(CancellationToken cancellationToken)
    {
        await TroubleAsync(cancellationToken);
        return await inner.ListPoolsAsync(cancellationToken);
    }

    public async IAsyncEnumerable<VirtualSystem> ListSystemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var system in inner.ListSystemsAsync(cancellationToken))
        {
            await TroubleAsync(cancellationToken);
            yield return system;
        }
    }

    public async ValueTask<VirtualSystem?> GetSystemAsync(Guid id, CancellationToken cancellationToken)
    {
        await TroubleAsync(cancellationToken);
        return await inner.GetSystemAsync(id, cancellationToken);
    }

    public ValueTask<VirtualSystem> DefineSystemAsync(SystemDefinition definition, CancellationToken cancellationToken) =>
        inner.DefineSystemAsync(definition, cancellationToken);

    public ValueTask UndefineSystemAsync(Guid id, CancellationToken cancellationToken) => inner.UndefineSystemAsync(id, cancellationToken);

    public ValueTask<VirtualSystem> ChangeStateAsync(Guid id, StateTransition transition, CancellationToken cancellationToken) =>
        inner.ChangeStateAsync(id, transition, cancellationToken);

    public ValueTask<VirtualSystem> UpdateDefinitionAsync(Guid id, SystemDefinition definition, CancellationToken cancellationToken) =>
        inner.UpdateDefinitionAsync(id, definition, cancellationToken);

    public async ValueTask<SnapshotTree> ListSnapshotsAsync(Guid id, CancellationToken cancellationToken)
    {
        await TroubleAsync(cancellationToken);
        return await inner.ListSnapshotsAsync(id, cancellationToken);
    }

    public ValueTask<SystemSnapshot> CreateSnapshotAsync(Guid id, SnapshotKind kind, string? description, CancellationToken cancellationToken) =>
        inner.CreateSnapshotAsync(id, kind, description, cancellationToken);

    public ValueTask<VirtualSystem> ApplySnapshotAsync(Guid id, string snapshot, CancellationToken cancellationToken) =>
        inner.ApplySnapshotAsync(id, snapshot, cancellationToken);

    public ValueTask DeleteSnapshotAsync(Guid id, string snapshot, CancellationToken cancellationToken) =>
        inner.DeleteSnapshotAsync(id, snapshot, cancellationToken);

    public IAsyncEnumerable<HypervisorEvent> WatchEventsAsync(CancellationToken cancellationToken) => inner.WatchEventsAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private async Task TroubleAsync(CancellationToken cancellationToken)
    {
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay, cancellationToken);
        if (Failure is { } failure) throw failure;
    }
}
