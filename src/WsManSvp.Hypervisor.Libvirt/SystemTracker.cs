using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace WsManSvp.Hypervisor.Libvirt;

/// <summary>
/// Turns observations (libvirt's events, this backend's own operations, reconnects) into
/// <see cref="HypervisorEvent"/>s, one at a time in queue order: each looks at the system afresh, compares it
/// with the last known one and announces the difference (Defined, Undefined, ConfigurationChanged, then
/// StateChanged, as the simulator does). libvirt's own event for an operation finds nothing left to announce,
/// so every change is announced once, in order per system.
/// </summary>
internal sealed class SystemTracker
{
    private readonly Channel<Observation> _queue = Channel.CreateUnbounded<Observation>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<Guid, VirtualSystem> _known = [];
    private readonly EventBroadcaster _events = new();
    private readonly SystemReader _reader;
    private readonly SystemRecords _records;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private LibvirtConnection? _connection;
    private Task _loop = Task.CompletedTask;

    public SystemTracker(SystemReader reader, SystemRecords records, TimeProvider time, ILogger log)
    {
        _reader = reader;
        _records = records;
        _time = time;
        _log = log;
    }

    public ChannelWriter<Observation> Observations => _queue.Writer;

    /// <summary>Starts tracking from the systems there are now (which are known, not announced).</summary>
    public void Start(LibvirtConnection connection, IEnumerable<VirtualSystem> systems)
    {
        foreach (var system in systems) _known[system.Id] = system;
        _connection = connection;
        _loop = Task.Run(RunAsync);
    }

    public IAsyncEnumerable<HypervisorEvent> Subscribe(CancellationToken cancellationToken) => _events.Subscribe(cancellationToken);

    /// <summary>Queues a look at a system after an operation and returns it as seen then (null when gone).</summary>
    public Task<VirtualSystem?> AfterAsync(ObservationCause cause, Guid id)
    {
        var observation = Observation.After(cause, id);
        if (!_queue.Writer.TryWrite(observation))
            observation.Done!.TrySetException(new ObjectDisposedException(nameof(LibvirtHypervisor), "The libvirt backend is closed."));
        return observation.Done!.Task;
    }

    public async Task StopAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        _events.Complete();
    }

    private async Task RunAsync()
    {
        await foreach (var observation in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                if (observation.Cause == ObservationCause.Reconnected) await ResyncAsync().ConfigureAwait(false);
                else observation.Done?.TrySetResult(await ObserveAsync(observation).ConfigureAwait(false));
            }
            catch (Exception e)
            {
                if (observation.Done is { } done) done.TrySetException(e);
                else _log.LogWarning(e, "Could not look at system {Id} after {Cause} ({Detail})", observation.SystemId, observation.Cause, observation.Detail);
            }
        }
        // Operations queued after the end see the backend closed.
        while (_queue.Reader.TryRead(out var late))
            late.Done?.TrySetException(new ObjectDisposedException(nameof(LibvirtHypervisor), "The libvirt backend is closed."));
    }

    private async Task<VirtualSystem?> ObserveAsync(Observation observation)
    {
        var id = observation.SystemId;
        var current = await _connection!.CallAsync(conn => _reader.Find(conn, id), CancellationToken.None).ConfigureAwait(false);
        if (observation.Cause == ObservationCause.Restarted && current is not null)
            current = current with { TimeOfLastStateChange = _records.Restarted(id, current.State) };
        Announce(_known.GetValueOrDefault(id), current, id, observation.Cause);
        return current;
    }

    /// <summary>After a reconnect: everything that changed while the connection was down.</summary>
    private async Task ResyncAsync()
    {
        var systems = (await _connection!.CallAsync(conn => _reader.ReadAll(conn), CancellationToken.None).ConfigureAwait(false))
            .ToDictionary(s => s.Id);
        foreach (var id in _known.Keys.Union(systems.Keys).Order().ToArray())
            Announce(_known.GetValueOrDefault(id), systems.GetValueOrDefault(id), id, ObservationCause.Reconnected);
    }

    private void Announce(VirtualSystem? previous, VirtualSystem? current, Guid id, ObservationCause cause)
    {
        if (current is null) _known.Remove(id);
        else _known[id] = current;
        var now = _time.GetUtcNow();
        if (previous is null && current is null) return;
        if (previous is null)
        {
            _events.Publish(new HypervisorEvent(HypervisorEventKind.Defined, id, null, current, current!.TimeOfLastStateChange));
            return;
        }
        if (current is null)
        {
            _events.Publish(new HypervisorEvent(HypervisorEventKind.Undefined, id, previous, null, now));
            return;
        }
        if (cause == ObservationCause.Edited || !DefinitionRules.Same(previous.Definition, current.Definition)
            || (previous.ActiveDefinition is not null && current.ActiveDefinition is not null
                && !DefinitionRules.Same(previous.ActiveDefinition, current.ActiveDefinition)))
            _events.Publish(new HypervisorEvent(HypervisorEventKind.ConfigurationChanged, id, previous, current, now));
        if (cause == ObservationCause.Restarted || previous.State != current.State)
            _events.Publish(new HypervisorEvent(HypervisorEventKind.StateChanged, id, previous, current, current.TimeOfLastStateChange));
    }
}
