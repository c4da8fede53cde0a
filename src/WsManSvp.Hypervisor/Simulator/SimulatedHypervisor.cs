using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace WsManSvp.Hypervisor.Simulator;

/// <summary>
/// An in-memory hypervisor. Reads see an immutable snapshot (lock-free, consistent while streamed);
/// writes are serialized under one lock, which also orders the events they publish.
/// </summary>
public sealed class SimulatedHypervisor : IHypervisor
{
    private readonly Lock _writeLock = new();
    private readonly HostInfo _host;
    private readonly TimeProvider _time;
    private readonly EventBroadcaster _events = new();
    private volatile Inventory _inventory = Inventory.Empty;

    public SimulatedHypervisor(HostInfo host, TimeProvider? time = null)
    {
        _host = host;
        _time = time ?? TimeProvider.System;
    }

    public string BackendName => "simulator";

    /// <summary>Number of defined systems (for diagnostics and tests).</summary>
    public int Count => _inventory.ById.Count;

    public ValueTask<HostInfo> GetHostInfoAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_host);
    }

    public ValueTask<IReadOnlyList<ResourcePoolInfo>> ListPoolsAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(SimulatedPools.Of(_host, _inventory.ById.Values));
    }

    public async IAsyncEnumerable<VirtualSystem> ListSystemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var system in _inventory.ById.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return system;
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    public ValueTask<VirtualSystem?> GetSystemAsync(Guid id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_inventory.ById.GetValueOrDefault(id));
    }

    public ValueTask<VirtualSystem> DefineSystemAsync(SystemDefinition definition, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        DefinitionRules.Validate(definition);
        lock (_writeLock)
        {
            var inventory = _inventory;
            if (inventory.ByName.ContainsKey(definition.Name))
                throw new HypervisorException(HypervisorError.AlreadyExists, $"A system named '{definition.Name}' is already defined.");
            var id = definition.Uuid ?? Guid.NewGuid();
            if (inventory.ById.ContainsKey(id))
                throw new HypervisorException(HypervisorError.AlreadyExists, $"A system with UUID {id} is already defined.");
            var system = new VirtualSystem(id, SystemState.Off, _time.GetUtcNow(), definition with { Uuid = id });
            _inventory = inventory.With(system);
            _events.Publish(new HypervisorEvent(HypervisorEventKind.Defined, id, null, system, system.TimeOfLastStateChange));
            return ValueTask.FromResult(system);
        }
    }

    public ValueTask UndefineSystemAsync(Guid id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            var inventory = _inventory;
            var system = inventory.ById.GetValueOrDefault(id) ?? throw NotFound(id);
            if (system.State is not (SystemState.Off or SystemState.Saved or SystemState.Crashed))
                throw new HypervisorException(HypervisorError.InvalidState, $"System '{system.Definition.Name}' is {system.State}; stop it before undefining it.");
            _inventory = inventory.Without(system);
            _events.Publish(new HypervisorEvent(HypervisorEventKind.Undefined, id, system, null, _time.GetUtcNow()));
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask<VirtualSystem> ChangeStateAsync(Guid id, StateTransition transition, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            var inventory = _inventory;
            var system = inventory.ById.GetValueOrDefault(id) ?? throw NotFound(id);
            var next = StateMachine.Next(system.State, transition)
                ?? throw new HypervisorException(HypervisorError.InvalidState,
                    $"Cannot {transition} system '{system.Definition.Name}': it is {system.State}.");
            var changed = system with { State = next, TimeOfLastStateChange = _time.GetUtcNow() };
            _inventory = inventory.With(changed);
            _events.Publish(new HypervisorEvent(HypervisorEventKind.StateChanged, id, system, changed, changed.TimeOfLastStateChange));
            return ValueTask.FromResult(changed);
        }
    }

    public ValueTask<VirtualSystem> UpdateDefinitionAsync(Guid id, SystemDefinition definition, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public ValueTask<SnapshotTree> ListSnapshotsAsync(Guid id, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public ValueTask<SystemSnapshot> CreateSnapshotAsync(Guid id, SnapshotKind kind, string? description, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public ValueTask<VirtualSystem> ApplySnapshotAsync(Guid id, string snapshot, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public ValueTask DeleteSnapshotAsync(Guid id, string snapshot, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public IAsyncEnumerable<HypervisorEvent> WatchEventsAsync(CancellationToken cancellationToken) =>
        _events.Subscribe(cancellationToken);

    public ValueTask DisposeAsync()
    {
        _events.Complete();
        return ValueTask.CompletedTask;
    }

    private static HypervisorException NotFound(Guid id) =>
        new(HypervisorError.NotFound, $"No system with UUID {id} is defined.");

    /// <summary>The systems at one moment, by identity and by name.</summary>
    private sealed record Inventory(
        ImmutableSortedDictionary<Guid, VirtualSystem> ById,
        ImmutableDictionary<string, Guid> ByName)
    {
        public static readonly Inventory Empty = new(
            ImmutableSortedDictionary<Guid, VirtualSystem>.Empty,
            ImmutableDictionary.Create<string, Guid>(StringComparer.Ordinal));

        public Inventory With(VirtualSystem system) =>
            new(ById.SetItem(system.Id, system), ByName.SetItem(system.Definition.Name, system.Id));

        public Inventory Without(VirtualSystem system) =>
            new(ById.Remove(system.Id), ByName.Remove(system.Definition.Name));
    }
}
