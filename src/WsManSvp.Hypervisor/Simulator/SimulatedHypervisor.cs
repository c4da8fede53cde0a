using System.Runtime.CompilerServices;
using WsManSvp.Storage;

namespace WsManSvp.Hypervisor.Simulator;

/// <summary>
/// A simulated hypervisor with libvirt's QEMU-driver semantics, in memory and, when opened on a
/// <see cref="StateDatabase"/>, durable. Reads see an immutable inventory (lock-free, consistent while
/// streamed). A mutating call validates against what is visible, waits <see cref="SimulatorOptions.OperationLatency"/>
/// without holding any lock, then, under the write lock, validates again, writes the changed system through
/// to the database, swaps the inventory and publishes its events: so nothing is visible before it is
/// stored, and the events come in commit order.
/// </summary>
public sealed class SimulatedHypervisor : IHypervisor
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly HostInfo _host;
    private readonly TimeProvider _time;
    private readonly SimulatorOptions _options;
    private readonly SimulatorStore? _store;
    private readonly EventBroadcaster _events = new();
    private volatile Inventory _inventory;

    /// <summary>An empty simulator in memory only (tests, benchmarks): nothing is seeded or stored.</summary>
    public SimulatedHypervisor(HostInfo host, TimeProvider? time = null, SimulatorOptions? options = null)
        : this(host, time ?? TimeProvider.System, options ?? SimulatorOptions.Default, Inventory.Empty, store: null)
    {
    }

    private SimulatedHypervisor(HostInfo host, TimeProvider time, SimulatorOptions options, Inventory inventory, SimulatorStore? store)
    {
        _host = options.SnapshotKinds is { } kinds ? host with { SnapshotKinds = [.. kinds] } : host;
        _time = time;
        _options = options;
        _inventory = inventory;
        _store = store;
    }

    /// <summary>
    /// Opens the simulator the server runs. On a <paramref name="database"/> it loads the systems stored
    /// there and writes every change through; the first time a database is opened (it has no "seeded"
    /// marker) it lays down the seed (<see cref="SimulatorSeed"/>: the four everyday systems plus
    /// <paramref name="seedSystems"/> more) in one transaction, and never again, so systems undefined stay
    /// undefined across restarts and <paramref name="seedSystems"/> is ignored once seeded. With no database
    /// it is an in-memory simulator with the seed. The caller keeps owning the database and disposes it
    /// after the simulator.
    /// </summary>
    public static async Task<SimulatedHypervisor> OpenAsync(HostInfo host, StateDatabase? database, SimulatorOptions options,
        int seedSystems, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        time ??= TimeProvider.System;
        if (database is null)
            return new SimulatedHypervisor(host, time, options, await SeedAsync(host, time, seedSystems, cancellationToken).ConfigureAwait(false), store: null);

        var store = new SimulatorStore(database);
        var inventory = store.Load();
        if (!store.IsSeeded())
        {
            // Systems without the marker are a first start's seed whose marker the process died before writing.
            if (inventory.ById.IsEmpty)
            {
                inventory = await SeedAsync(host, time, seedSystems, cancellationToken).ConfigureAwait(false);
                await store.PutAllAsync(inventory).ConfigureAwait(false);
            }
            await store.MarkSeededAsync(time.GetUtcNow()).ConfigureAwait(false);
        }
        return new SimulatedHypervisor(host, time, options, inventory, store);
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
        var id = definition.Uuid ?? Guid.NewGuid();
        return MutateAsync(inventory =>
        {
            DefinitionRules.Validate(definition);
            if (inventory.ByName.ContainsKey(definition.Name))
                throw new HypervisorException(HypervisorError.AlreadyExists, $"A system named '{definition.Name}' is already defined.");
            if (inventory.ById.ContainsKey(id))
                throw new HypervisorException(HypervisorError.AlreadyExists, $"A system with UUID {id} is already defined.");
            // Simulated images are only names: a clone's copy is nothing to do, and the request is not kept.
            var disks = definition.Disks.Select(d => d with { CloneOf = null }).ToArray();
            var system = new VirtualSystem(id, SystemState.Off, _time.GetUtcNow(), definition with { Uuid = id, Disks = disks });
            return new Change<VirtualSystem>(inventory.With(system), id, system,
                [new HypervisorEvent(HypervisorEventKind.Defined, id, null, system, system.TimeOfLastStateChange)]);
        }, cancellationToken);
    }

    /// <summary>Undefines a stopped system and deletes its snapshots with it.</summary>
    public async ValueTask UndefineSystemAsync(Guid id, CancellationToken cancellationToken) =>
        await MutateAsync(inventory =>
        {
            var system = inventory.Require(id);
            if (system.State is not (SystemState.Off or SystemState.Saved or SystemState.Crashed))
                throw new HypervisorException(HypervisorError.InvalidState, $"System '{system.Definition.Name}' is {system.State}; stop it before undefining it.");
            return new Change<VirtualSystem>(inventory.Without(system), id, system,
                [new HypervisorEvent(HypervisorEventKind.Undefined, id, system, null, _time.GetUtcNow())]);
        }, cancellationToken).ConfigureAwait(false);

    public ValueTask<VirtualSystem> ChangeStateAsync(Guid id, StateTransition transition, CancellationToken cancellationToken) =>
        MutateAsync(inventory =>
        {
            var system = inventory.Require(id);
            var next = StateMachine.Next(system.State, transition)
                ?? throw new HypervisorException(HypervisorError.InvalidState,
                    $"Cannot {transition} system '{system.Definition.Name}': it is {system.State}.");
            var changed = StateMachine.Moved(system, next, _time.GetUtcNow());
            return new Change<VirtualSystem>(inventory.With(changed), id, changed,
                [new HypervisorEvent(HypervisorEventKind.StateChanged, id, system, changed, changed.TimeOfLastStateChange)]);
        }, cancellationToken);

    /// <summary>
    /// Replaces the definition in any state; an active or saved system keeps its
    /// <see cref="VirtualSystem.ActiveDefinition"/> until it next starts from off. Publishes ConfigurationChanged.
    /// </summary>
    public ValueTask<VirtualSystem> UpdateDefinitionAsync(Guid id, SystemDefinition definition, CancellationToken cancellationToken) =>
        MutateAsync(inventory =>
        {
            var system = inventory.Require(id);
            var updated = system with { Definition = DefinitionRules.ValidateUpdate(system, definition) };
            return new Change<VirtualSystem>(inventory.With(updated), id, updated,
                [new HypervisorEvent(HypervisorEventKind.ConfigurationChanged, id, system, updated, _time.GetUtcNow())]);
        }, cancellationToken);

    public ValueTask<SnapshotTree> ListSnapshotsAsync(Guid id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var inventory = _inventory;
        inventory.Require(id);
        return ValueTask.FromResult(inventory.SnapshotsOf(id));
    }

    /// <summary>
    /// Takes a snapshot of a running, paused or off system, named by its creation time. It captures what
    /// the system runs with when active (<see cref="VirtualSystem.ActiveDefinition"/>), else its definition.
    /// The system itself does not change, so no event is published.
    /// </summary>
    public ValueTask<SystemSnapshot> CreateSnapshotAsync(Guid id, SnapshotKind kind, string? description, CancellationToken cancellationToken) =>
        MutateAsync(inventory =>
        {
            var system = inventory.Require(id);
            if (!_host.SnapshotKinds.Contains(kind))
                throw new HypervisorException(HypervisorError.NotSupported, $"This host does not take {kind} snapshots.");
            var tree = inventory.SnapshotsOf(id);
            var snapshot = SnapshotRules.Take(system, tree, kind, description, _time.GetUtcNow());
            return new Change<SystemSnapshot>(inventory.With(id, SnapshotRules.Add(tree, snapshot)), id, snapshot, []);
        }, cancellationToken);

    /// <summary>
    /// Reverts to a snapshot (see <see cref="SnapshotRules.Revert"/>). Publishes ConfigurationChanged when
    /// the definition changed or an instance that runs before and after runs something else, then
    /// StateChanged when the state changed (which is how a start or stop is told, as by
    /// <see cref="ChangeStateAsync"/>); both carry the system before and after the whole revert.
    /// </summary>
    public ValueTask<VirtualSystem> ApplySnapshotAsync(Guid id, string snapshot, CancellationToken cancellationToken) =>
        MutateAsync(inventory =>
        {
            var system = inventory.Require(id);
            var tree = inventory.SnapshotsOf(id);
            var target = SnapshotRules.Require(tree, system, snapshot);
            var now = _time.GetUtcNow();
            var reverted = SnapshotRules.Revert(system, target, now);
            var events = new List<HypervisorEvent>(2);
            if (!DefinitionRules.Same(system.Definition, reverted.Definition)
                || (system.ActiveDefinition is not null && reverted.ActiveDefinition is not null && !DefinitionRules.Same(system.ActiveDefinition, reverted.ActiveDefinition)))
                events.Add(new HypervisorEvent(HypervisorEventKind.ConfigurationChanged, id, system, reverted, now));
            if (reverted.State != system.State)
                events.Add(new HypervisorEvent(HypervisorEventKind.StateChanged, id, system, reverted, now));
            return new Change<VirtualSystem>(inventory.With(reverted).With(id, SnapshotRules.Applied(tree, target)), id, reverted, events);
        }, cancellationToken);

    public async ValueTask DeleteSnapshotAsync(Guid id, string snapshot, CancellationToken cancellationToken) =>
        await MutateAsync(inventory =>
        {
            var system = inventory.Require(id);
            var tree = inventory.SnapshotsOf(id);
            var target = SnapshotRules.Require(tree, system, snapshot);
            return new Change<SystemSnapshot>(inventory.With(id, SnapshotRules.Remove(tree, target)), id, target, []);
        }, cancellationToken).ConfigureAwait(false);

    public IAsyncEnumerable<HypervisorEvent> WatchEventsAsync(CancellationToken cancellationToken) =>
        _events.Subscribe(cancellationToken);

    public ValueTask DisposeAsync()
    {
        _events.Complete();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Runs one mutation: <paramref name="plan"/> validates and computes the change from an inventory. With a
    /// latency it runs twice: first on what is visible now (so a refusal comes before the wait), then under
    /// the write lock after the wait, on the inventory it will replace.
    /// </summary>
    private async ValueTask<T> MutateAsync<T>(Func<Inventory, Change<T>> plan, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_options.OperationLatency > TimeSpan.Zero)
        {
            plan(_inventory);
            await Task.Delay(_options.OperationLatency, _time, cancellationToken).ConfigureAwait(false);
        }
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var change = plan(_inventory);
            await PersistAsync(change.Inventory, change.SystemId).ConfigureAwait(false);
            _inventory = change.Inventory;
            foreach (var e in change.Events) _events.Publish(e);
            return change.Result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task PersistAsync(Inventory next, Guid id)
    {
        if (_store is null) return;
        try
        {
            if (next.ById.TryGetValue(id, out var system)) await _store.PutAsync(system, next.SnapshotsOf(id)).ConfigureAwait(false);
            else await _store.DeleteAsync(id).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw new HypervisorException(HypervisorError.Failed, $"The change to system {id} could not be stored: {e.Message}", e);
        }
    }

    /// <summary>The seed, laid down in a scratch simulator without latency or storage.</summary>
    private static async Task<Inventory> SeedAsync(HostInfo host, TimeProvider time, int extraSystems, CancellationToken cancellationToken)
    {
        await using var scratch = new SimulatedHypervisor(host, time);
        await SimulatorSeed.SeedAsync(scratch, extraSystems, cancellationToken).ConfigureAwait(false);
        return scratch._inventory;
    }

    /// <summary>A computed change: the inventory after it, the one system it touched, its result and events.</summary>
    private sealed record Change<T>(Inventory Inventory, Guid SystemId, T Result, IReadOnlyList<HypervisorEvent> Events);
}
