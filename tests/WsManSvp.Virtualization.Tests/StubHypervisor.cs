using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Tests;

/// <summary>
/// A hypervisor whose systems can be put in any state (the simulator only reaches four) and whose calls
/// can be made to fail. It records the state operations asked of it instead of performing them.
/// </summary>
public sealed class StubHypervisor(HostInfo host) : IHypervisor
{
    private readonly ConcurrentDictionary<Guid, VirtualSystem> _systems = new();

    /// <summary>When set, every call fails with it.</summary>
    public HypervisorException? Failure { get; set; }

    /// <summary>When set, <see cref="ChangeStateAsync"/> fails with it.</summary>
    public HypervisorException? ChangeStateFailure { get; set; }

    public ConcurrentQueue<(Guid Id, StateTransition Transition)> Transitions { get; } = new();

    public string BackendName => "stub";

    public VirtualSystem Add(string name, SystemState state, DateTimeOffset changed)
    {
        var id = Guid.NewGuid();
        var system = new VirtualSystem(id, state, changed,
            new SystemDefinition(name, 1, 256, [], []) { Uuid = id, Description = $"{name} description" });
        _systems[id] = system;
        return system;
    }

    public ValueTask<HostInfo> GetHostInfoAsync(CancellationToken cancellationToken) =>
        Failure is { } f ? ValueTask.FromException<HostInfo>(f) : ValueTask.FromResult(host);

    public ValueTask<IReadOnlyList<ResourcePoolInfo>> ListPoolsAsync(CancellationToken cancellationToken) =>
        Failure is { } f
            ? ValueTask.FromException<IReadOnlyList<ResourcePoolInfo>>(f)
            : ValueTask.FromResult<IReadOnlyList<ResourcePoolInfo>>([new(ResourceKind.Processor, ResourcePools.HostPool, host.LogicalProcessors, 0)]);

    public async IAsyncEnumerable<VirtualSystem> ListSystemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var system in _systems.Values.OrderBy(s => s.Id))
        {
            if (Failure is { } f) throw f;
            yield return system;
        }
    }

    public ValueTask<VirtualSystem?> GetSystemAsync(Guid id, CancellationToken cancellationToken) =>
        Failure is { } f ? ValueTask.FromException<VirtualSystem?>(f) : ValueTask.FromResult(_systems.GetValueOrDefault(id));

    public ValueTask<VirtualSystem> DefineSystemAsync(SystemDefinition definition, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The stub does not define systems.");

    public ValueTask UndefineSystemAsync(Guid id, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The stub does not undefine systems.");

    public ValueTask<VirtualSystem> ChangeStateAsync(Guid id, StateTransition transition, CancellationToken cancellationToken)
    {
        if ((Failure ?? ChangeStateFailure) is { } f) return ValueTask.FromException<VirtualSystem>(f);
        Transitions.Enqueue((id, transition));
        return ValueTask.FromResult(_systems[id]);
    }

    public ValueTask<VirtualSystem> UpdateDefinitionAsync(Guid id, SystemDefinition definition, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The stub does not edit definitions.");

    public ValueTask<SnapshotTree> ListSnapshotsAsync(Guid id, CancellationToken cancellationToken) =>
        Failure is { } f ? ValueTask.FromException<SnapshotTree>(f) : ValueTask.FromResult(SnapshotTree.Empty);

    public ValueTask<SystemSnapshot> CreateSnapshotAsync(Guid id, SnapshotKind kind, string? description, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The stub does not take snapshots.");

    public ValueTask<VirtualSystem> ApplySnapshotAsync(Guid id, string snapshot, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The stub does not take snapshots.");

    public ValueTask DeleteSnapshotAsync(Guid id, string snapshot, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The stub does not take snapshots.");

    public IAsyncEnumerable<HypervisorEvent> WatchEventsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("The stub has no events.");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
