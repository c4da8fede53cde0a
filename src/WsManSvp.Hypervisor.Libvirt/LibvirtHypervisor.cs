using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using WsManSvp.Hypervisor.Libvirt.Native;
using WsManSvp.Hypervisor.Libvirt.Xml;
using WsManSvp.Storage;

namespace WsManSvp.Hypervisor.Libvirt;

/// <summary>
/// The hypervisor adapter over libvirt: domains are systems (UUID as identity), with the simulator's
/// semantics wherever libvirt allows. Every libvirt call runs on <see cref="LibvirtWorkers"/> through the one
/// <see cref="LibvirtConnection"/>; what libvirt does not keep (time of last state change, snapshot last
/// applied) is kept in the state database (<see cref="SystemRecords"/>); changes are announced by the
/// <see cref="SystemTracker"/>.
/// </summary>
public sealed class LibvirtHypervisor : IHypervisor
{
    private const int WorkerThreads = 4;
    private const int ReadBatch = 32;

    private readonly LibvirtConnection _connection;
    private readonly LibvirtWorkers _workers;
    private readonly SystemTracker _tracker;
    private readonly SystemReader _reader;
    private readonly SystemRecords _records;
    private readonly HostFacts _host;
    private readonly TimeProvider _time;

    private LibvirtHypervisor(LibvirtConnection connection, LibvirtWorkers workers, SystemTracker tracker, SystemReader reader,
        SystemRecords records, HostFacts host, TimeProvider time)
    {
        _connection = connection;
        _workers = workers;
        _tracker = tracker;
        _reader = reader;
        _records = records;
        _host = host;
        _time = time;
    }

    /// <summary>
    /// Connects to libvirt at <see cref="LibvirtOptions.Uri"/>; <see cref="HypervisorError.Unavailable"/> when it
    /// cannot be reached. The caller keeps owning <paramref name="state"/> and disposes it after the hypervisor.
    /// </summary>
    public static async Task<IHypervisor> OpenAsync(LibvirtOptions options, StateDatabase state, ILoggerFactory loggers,
        CancellationToken cancellationToken) =>
        await OpenAsync(options, state, loggers, NativeConnector.Instance, TimeProvider.System, cancellationToken).ConfigureAwait(false);

    internal static async Task<LibvirtHypervisor> OpenAsync(LibvirtOptions options, StateDatabase state, ILoggerFactory loggers,
        ILibvirtConnector connector, TimeProvider time, CancellationToken cancellationToken)
    {
        var log = loggers.CreateLogger<LibvirtHypervisor>();
        var records = new SystemRecords(state, time, log);
        var reader = new SystemReader(records, new StoragePoolCache());
        var tracker = new SystemTracker(reader, records, time, log);
        var workers = new LibvirtWorkers(WorkerThreads);
        try
        {
            var connection = await LibvirtConnection.OpenAsync(options, connector, workers, tracker.Observations, log, cancellationToken).ConfigureAwait(false);
            try
            {
                var readAt = Stopwatch.GetTimestamp();
                var (host, systems) = await connection.CallAsync(conn => (HostFacts.Read(conn, options), reader.ReadAll(conn)), cancellationToken)
                    .ConfigureAwait(false);
                tracker.Start(connection, systems.Select(s => new ObservedSystem(readAt, s)).ToArray());
                return new LibvirtHypervisor(connection, workers, tracker, reader, records, host, time);
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch
        {
            workers.Dispose();
            throw;
        }
    }

    public string BackendName => "libvirt";

    /// <summary>The connection (tests drop it to exercise the reconnect).</summary>
    internal LibvirtConnection Connection => _connection;

    internal SystemTracker Tracker => _tracker;

    public ValueTask<HostInfo> GetHostInfoAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_host.Info);
    }

    public async ValueTask<IReadOnlyList<ResourcePoolInfo>> ListPoolsAsync(CancellationToken cancellationToken) =>
        await _connection.CallAsync(conn =>
        {
            var storage = StoragePools.List(conn);
            try
            {
                _reader.Pools.Remember(conn, storage);
                var systems = _reader.ReadAll(conn);
                return LibvirtPools.Of(_host.Info, systems, storage, LibvirtPools.NetworkNames(conn));
            }
            finally
            {
                foreach (var pool in storage) pool.Handle.Dispose();
            }
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>Lists the domains once and reads them in batches, one worker call each (the first also lists).</summary>
    public async IAsyncEnumerable<VirtualSystem> ListSystemsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        DomainListing? listing = null;
        try
        {
            for (var start = 0; listing is null || start < listing.Count; start += ReadBatch)
            {
                var from = start;
                var systems = await _connection.CallAsync(conn =>
                {
                    listing ??= DomainListing.Take(conn);
                    return listing.Read(conn, _reader, from, ReadBatch);
                }, cancellationToken).ConfigureAwait(false);
                foreach (var system in systems) yield return system;
            }
        }
        finally
        {
            listing?.Dispose();
        }
    }

    public async ValueTask<VirtualSystem?> GetSystemAsync(Guid id, CancellationToken cancellationToken) =>
        await _connection.CallAsync(conn => _reader.Find(conn, id), cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Defines a system: a new image (qcow2 volume) for every disk whose image does not exist yet in the
    /// storage pool whose target is its directory, removed again when the define fails.
    /// </summary>
    public async ValueTask<VirtualSystem> DefineSystemAsync(SystemDefinition definition, CancellationToken cancellationToken)
    {
        DefinitionRules.Validate(definition);
        var id = definition.Uuid ?? Guid.NewGuid();
        var complete = definition with { Uuid = id };
        await _connection.CallAsync(conn =>
        {
            if (Domains.NameExists(conn, complete.Name))
                throw new HypervisorException(HypervisorError.AlreadyExists, $"A system named '{complete.Name}' is already defined.");
            using (var existing = Domains.Find(conn, id))
                if (existing is not null) throw new HypervisorException(HypervisorError.AlreadyExists, $"A system with UUID {id} is already defined.");
            return Define(conn, complete, existing: null);
        }, cancellationToken).ConfigureAwait(false);
        return await AfterAsync(ObservationCause.Operation, id).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces the definition with one virDomainDefineXML of the whole configuration (atomic, and it works on
    /// every driver, unlike device attach and detach); what the definition does not describe is kept.
    /// </summary>
    public async ValueTask<VirtualSystem> UpdateDefinitionAsync(Guid id, SystemDefinition definition, CancellationToken cancellationToken)
    {
        await _connection.CallAsync(conn =>
        {
            using var domain = Domains.Require(conn, id);
            // Read with the pools as they are now, as the rewrite will be (DomainXml.Write wants the same).
            _reader.Pools.Refresh(conn);
            var system = _reader.Read(conn, domain);
            return Define(conn, DefinitionRules.ValidateUpdate(system, definition), Domains.Xml(domain, Virt.DomainXmlInactive));
        }, cancellationToken).ConfigureAwait(false);
        return await AfterAsync(ObservationCause.Operation, id).ConfigureAwait(false);
    }

    /// <summary>Undefines a stopped system with its managed save image, snapshot metadata and (where the driver has it) NVRAM.</summary>
    public async ValueTask UndefineSystemAsync(Guid id, CancellationToken cancellationToken)
    {
        await _connection.CallAsync(conn =>
        {
            using var domain = Domains.Require(conn, id);
            var state = Domains.State(domain);
            var name = Domains.Name(domain);
            if (state is not (SystemState.Off or SystemState.Saved or SystemState.Crashed))
                throw new HypervisorException(HypervisorError.InvalidState, $"System '{name}' is {state}; stop it before undefining it.");
            const uint flags = Virt.UndefineManagedSave | Virt.UndefineSnapshotsMetadata | Virt.UndefineNvram;
            if (Virt.DomainUndefineFlags(domain, flags) >= 0) return 0;
            // Drivers without NVRAM (the test driver) refuse the flag.
            if (!LibvirtErrors.LastIsUnsupportedArgument()) throw LibvirtErrors.Last($"Undefining system '{name}'");
            Virt.ResetLastError();
            return LibvirtErrors.Check(Virt.DomainUndefineFlags(domain, flags & ~Virt.UndefineNvram), $"Undefining system '{name}'");
        }, cancellationToken).ConfigureAwait(false);
        _records.Forget(id);
        await _tracker.AfterAsync(ObservationCause.Operation, id, seen: null).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks the transition as the simulator's state machine does, so libvirt is only asked what it can do;
    /// the system is read again in the same worker call, and the tracker announces from that read.
    /// </summary>
    public async ValueTask<VirtualSystem> ChangeStateAsync(Guid id, StateTransition transition, CancellationToken cancellationToken)
    {
        ObservedSystem seen;
        // QEMU passes through states of its own (a managed save pauses first; a restore starts paused).
        using (_tracker.Hold(id))
            seen = await ChangeAsync(id, transition, cancellationToken).ConfigureAwait(false);
        return await AfterAsync(transition is StateTransition.Reboot or StateTransition.Reset ? ObservationCause.Restarted : ObservationCause.Operation, id, seen)
            .ConfigureAwait(false);
    }

    private async Task<ObservedSystem> ChangeAsync(Guid id, StateTransition transition, CancellationToken cancellationToken) =>
        await _connection.CallAsync(conn =>
        {
            using var domain = Domains.Require(conn, id);
            var state = Domains.State(domain);
            var name = Domains.Name(domain);
            if (StateMachine.Next(state, transition) is null)
                throw new HypervisorException(HypervisorError.InvalidState, $"Cannot {transition} system '{name}': it is {state}.");
            var result = transition switch
            {
                StateTransition.Start => Virt.DomainCreate(domain),
                StateTransition.PowerOff => Virt.DomainDestroy(domain),
                StateTransition.Shutdown => Virt.DomainShutdown(domain),
                StateTransition.Pause => Virt.DomainSuspend(domain),
                StateTransition.Resume => Virt.DomainResume(domain),
                StateTransition.Save => Virt.DomainManagedSave(domain, 0),
                StateTransition.Reboot => Virt.DomainReboot(domain, 0),
                StateTransition.Reset => Virt.DomainReset(domain, 0),
                _ => throw new ArgumentOutOfRangeException(nameof(transition), transition, null),
            };
            LibvirtErrors.Check(result, $"Cannot {transition} system '{name}'");
            return _reader.Observe(conn, domain);
        }, cancellationToken).ConfigureAwait(false);

    public async ValueTask<SnapshotTree> ListSnapshotsAsync(Guid id, CancellationToken cancellationToken) =>
        await _connection.CallAsync(conn =>
        {
            using var domain = Domains.Require(conn, id);
            var pools = _reader.Pools.Facts(conn);
            var handles = DomainSnapshots.ListAll(domain);
            try
            {
                string? current = null;
                var snapshots = new List<SystemSnapshot>(handles.Length);
                foreach (var handle in handles)
                {
                    var snapshot = DomainSnapshots.Read(conn, id, handle, pools);
                    if (DomainSnapshots.IsCurrent(handle)) current = snapshot.Name;
                    snapshots.Add(snapshot);
                }
                var lastApplied = _records.LastApplied(id);
                return new SnapshotTree(
                    // Oldest first; within a second, in the order the "-N" suffixes were given.
                    snapshots.OrderBy(s => s.CreationTime).ThenBy(s => s.Name.Length).ThenBy(s => s.Name, StringComparer.Ordinal).ToArray(),
                    current,
                    snapshots.Any(s => s.Name == lastApplied) ? lastApplied : null);
            }
            finally
            {
                foreach (var handle in handles) handle.Dispose();
            }
        }, cancellationToken).ConfigureAwait(false);

    public async ValueTask<SystemSnapshot> CreateSnapshotAsync(Guid id, SnapshotKind kind, string? description, CancellationToken cancellationToken)
    {
        var held = _tracker.Hold(id);
        try
        {
            return await TakeSnapshotAsync(id, kind, description, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            held.Dispose();
            await _tracker.AfterAsync(ObservationCause.Operation, id, seen: null).ConfigureAwait(false);
        }
    }

    private async Task<SystemSnapshot> TakeSnapshotAsync(Guid id, SnapshotKind kind, string? description, CancellationToken cancellationToken) =>
        await _connection.CallAsync(conn =>
        {
            using var domain = Domains.Require(conn, id);
            var name = Domains.Name(domain);
            if (!_host.Info.SnapshotKinds.Contains(kind))
                throw new HypervisorException(HypervisorError.NotSupported, $"This host does not take {kind} snapshots.");
            var state = Domains.State(domain);
            if (state is not (SystemState.Running or SystemState.Paused or SystemState.Off))
                throw new HypervisorException(HypervisorError.InvalidState, $"Cannot take a snapshot of system '{name}': it is {state}.");
            var existing = DomainSnapshots.ListAll(domain);
            HashSet<string> taken;
            try { taken = existing.Select(DomainSnapshots.Name).ToHashSet(StringComparer.Ordinal); }
            finally { foreach (var handle in existing) handle.Dispose(); }
            var xml = DomainSnapshots.NewXml(description, kind, _time.GetUtcNow(), taken);
            using var snapshot = LibvirtErrors.Check(
                Virt.DomainSnapshotCreateXml(domain, xml, kind == SnapshotKind.DiskOnly ? Virt.SnapshotCreateDiskOnly : 0),
                $"Taking a snapshot of system '{name}'");
            return DomainSnapshots.Read(conn, id, snapshot, _reader.Pools.Facts(conn));
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Reverts to a snapshot; a saved system's memory image is dropped first, as the simulator does, so it
    /// cannot later resume from a state the revert replaced.
    /// </summary>
    public async ValueTask<VirtualSystem> ApplySnapshotAsync(Guid id, string snapshot, CancellationToken cancellationToken)
    {
        using (_tracker.Hold(id))
            await RevertAsync(id, snapshot, cancellationToken).ConfigureAwait(false);
        return await AfterAsync(ObservationCause.Operation, id).ConfigureAwait(false);
    }

    private async Task RevertAsync(Guid id, string snapshot, CancellationToken cancellationToken) =>
        await _connection.CallAsync(conn =>
        {
            using var domain = Domains.Require(conn, id);
            var name = Domains.Name(domain);
            using var target = DomainSnapshots.Require(domain, name, snapshot);
            var state = Domains.State(domain);
            if (state is SystemState.Starting or SystemState.ShuttingDown)
                throw new HypervisorException(HypervisorError.InvalidState, $"Cannot apply snapshot '{snapshot}' to system '{name}': it is {state}.");
            if (state == SystemState.Saved)
                LibvirtErrors.Check(Virt.DomainManagedSaveRemove(domain, 0), $"Dropping the saved image of system '{name}'");
            LibvirtErrors.Check(Virt.DomainRevertToSnapshot(target, 0), $"Applying snapshot '{snapshot}' to system '{name}'");
            _records.SetLastApplied(id, state, snapshot);
            return 0;
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>Deletes a snapshot; libvirt gives its children its parent.</summary>
    public async ValueTask DeleteSnapshotAsync(Guid id, string snapshot, CancellationToken cancellationToken) =>
        await _connection.CallAsync(conn =>
        {
            using var domain = Domains.Require(conn, id);
            var name = Domains.Name(domain);
            using var target = DomainSnapshots.Require(domain, name, snapshot);
            LibvirtErrors.Check(Virt.DomainSnapshotDelete(target, 0), $"Deleting snapshot '{snapshot}' of system '{name}'");
            if (_records.LastApplied(id) == snapshot) _records.SetLastApplied(id, Domains.State(domain), null);
            return 0;
        }, cancellationToken).ConfigureAwait(false);

    public IAsyncEnumerable<HypervisorEvent> WatchEventsAsync(CancellationToken cancellationToken) => _tracker.Subscribe(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _tracker.StopAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
        _workers.Dispose();
    }

    /// <summary>Defines a domain (on a worker), creating the images it needs and removing them again if libvirt refuses it.</summary>
    private int Define(ConnectHandle conn, SystemDefinition definition, string? existing)
    {
        var pools = StoragePools.List(conn);
        try
        {
            var facts = _reader.Pools.Remember(conn, pools);
            var created = StoragePools.CreateMissing(conn, pools, definition.Disks);
            try
            {
                using var domain = LibvirtErrors.Check(Virt.DomainDefineXml(conn, DomainXml.Write(definition, _host.Target, existing, facts)),
                    $"Defining system '{definition.Name}'");
            }
            catch
            {
                StoragePools.Delete(created);
                throw;
            }
            foreach (var volume in created) volume.Dispose();
            return 0;
        }
        finally
        {
            foreach (var pool in pools) pool.Handle.Dispose();
        }
    }

    private async Task<VirtualSystem> AfterAsync(ObservationCause cause, Guid id, ObservedSystem? seen = null) =>
        await _tracker.AfterAsync(cause, id, seen).ConfigureAwait(false)
        ?? throw new HypervisorException(HypervisorError.NotFound, $"System {id} was undefined meanwhile.");
}
