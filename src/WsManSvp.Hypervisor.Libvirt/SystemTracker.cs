using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace WsManSvp.Hypervisor.Libvirt;

/// <summary>
/// Turns observations (libvirt's events, this backend's own operations, reconnects) into
/// <see cref="HypervisorEvent"/>s, in queue order: a system is looked at afresh, compared with the last known
/// one and the difference announced (Defined, Undefined, ConfigurationChanged, then StateChanged, as the
/// simulator does). libvirt's own event for an operation finds nothing left to announce, so every change is
/// announced once, in order per system. Reads are shared: the observations of a system queued together take
/// one read, and none is made when a read started after the observation is at hand already (an operation's
/// own, or the last one).
/// </summary>
internal sealed class SystemTracker
{
    private readonly Channel<Observation> _queue = Channel.CreateUnbounded<Observation>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<Guid, ObservedSystem> _known = [];
    private readonly ConcurrentDictionary<Guid, int> _held = new();
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
    public void Start(LibvirtConnection connection, ObservedSystem[] systems)
    {
        foreach (var known in systems) _known[known.System!.Id] = known;
        _connection = connection;
        _loop = Task.Run(RunAsync);
    }

    public IAsyncEnumerable<HypervisorEvent> Subscribe(CancellationToken cancellationToken) => _events.Subscribe(cancellationToken);

    /// <summary>
    /// Queues a look at a system after an operation (<paramref name="seen"/>: the operation's own read of it)
    /// and returns it as seen then (null when gone).
    /// </summary>
    public Task<VirtualSystem?> AfterAsync(ObservationCause cause, Guid id, ObservedSystem? seen)
    {
        var observation = Observation.After(cause, id, seen);
        if (!_queue.Writer.TryWrite(observation))
            observation.Done!.TrySetException(new ObjectDisposedException(nameof(LibvirtHypervisor), "The libvirt backend is closed."));
        return observation.Done!.Task;
    }

    /// <summary>
    /// While an operation that passes through passing states runs (a snapshot pauses the domain while it is
    /// taken; a revert stops and starts it; a managed save pauses first), libvirt's events of the system are not looked into: the operation
    /// looks at the system once it is done, and the net change is announced, as the simulator announces it.
    /// </summary>
    public IDisposable Hold(Guid id)
    {
        _held.AddOrUpdate(id, 1, (_, n) => n + 1);
        return new Held(this, id);
    }

    private sealed class Held(SystemTracker tracker, Guid id) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 1) return;
            if (tracker._held.AddOrUpdate(id, 0, (_, n) => n - 1) == 0) tracker._held.TryRemove(new KeyValuePair<Guid, int>(id, 0));
        }
    }

    public async Task StopAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        _events.Complete();
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var queued = new List<Observation>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var observation)) queued.Add(observation);
            await HandleAsync(queued).ConfigureAwait(false);
            queued.Clear();
        }
        // Operations queued after the end see the backend closed.
        while (reader.TryRead(out var late))
            late.Done?.TrySetException(new ObjectDisposedException(nameof(LibvirtHypervisor), "The libvirt backend is closed."));
    }

    /// <summary>What was queued, in order: a reconnect is a barrier, between them each system's observations go together.</summary>
    private async Task HandleAsync(List<Observation> queued)
    {
        var from = 0;
        while (from < queued.Count)
        {
            var reconnect = queued.FindIndex(from, o => o.Cause == ObservationCause.Reconnected);
            var to = reconnect < 0 ? queued.Count : reconnect;
            foreach (var system in queued.Skip(from).Take(to - from).GroupBy(o => o.SystemId))
                await ObserveAsync(system.Key, system.ToArray()).ConfigureAwait(false);
            if (reconnect >= 0)
            {
                try { await ResyncAsync().ConfigureAwait(false); }
                catch (Exception e) { _log.LogWarning(e, "Could not look at the systems after a reconnect"); }
            }
            from = to + 1;
        }
    }

    private async Task ObserveAsync(Guid id, Observation[] observations)
    {
        if (_held.ContainsKey(id) && observations.All(o => o.Cause == ObservationCause.LibvirtEvent)) return;
        try
        {
            var current = await LookAsync(id, observations).ConfigureAwait(false);
            foreach (var observation in observations) observation.Done?.TrySetResult(current);
        }
        catch (Exception e)
        {
            foreach (var observation in observations)
            {
                if (observation.Done is { } done) done.TrySetException(e);
                else _log.LogWarning(e, "Could not look at system {Id} after {Cause} ({Detail})", id, observation.Cause, observation.Detail);
            }
        }
    }

    /// <summary>
    /// The system as seen after every one of <paramref name="observations"/>, announced: the latest read at
    /// hand when it started after them all, else a new one. Each reboot or reset is announced on its own.
    /// </summary>
    private async Task<VirtualSystem?> LookAsync(Guid id, Observation[] observations)
    {
        var previous = _known.GetValueOrDefault(id);
        var latest = observations.Select(o => o.Seen).Append(previous).MaxBy(s => s?.ReadAt ?? long.MinValue);
        var look = latest is not null && latest.ReadAt > observations.Max(o => o.AnsweredAfter)
            ? latest
            : await _connection!.CallAsync(conn => _reader.Observe(conn, id), CancellationToken.None).ConfigureAwait(false);
        var restarts = observations.Count(o => o.Cause == ObservationCause.Restarted);
        if (look.System is null || restarts == 0)
        {
            Announce(previous?.System, look, id, restarted: false);
            return look.System;
        }
        for (var i = 0; i < restarts; i++)
        {
            var restarted = look with { System = look.System with { TimeOfLastStateChange = _records.Restarted(id, look.System.State) } };
            Announce(_known.GetValueOrDefault(id)?.System, restarted, id, restarted: true);
            look = restarted;
        }
        return look.System;
    }

    /// <summary>After a reconnect: everything that changed while the connection was down.</summary>
    private async Task ResyncAsync()
    {
        var readAt = Stopwatch.GetTimestamp();
        var systems = (await _connection!.CallAsync(conn => _reader.ReadAll(conn), CancellationToken.None).ConfigureAwait(false))
            .ToDictionary(s => s.Id);
        foreach (var id in _known.Keys.Union(systems.Keys).Order().ToArray())
            Announce(_known.GetValueOrDefault(id)?.System, new ObservedSystem(readAt, systems.GetValueOrDefault(id)), id, restarted: false);
    }

    private void Announce(VirtualSystem? previous, ObservedSystem look, Guid id, bool restarted)
    {
        var current = look.System;
        if (current is null) _known.Remove(id);
        else _known[id] = look;
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
        // Only a difference is announced: libvirt's event of an edit may be read after a later edit, and would
        // otherwise announce it twice. So, unlike the simulator, an edit that changes nothing is not announced.
        if (!DefinitionRules.Same(previous.Definition, current.Definition)
            || (previous.ActiveDefinition is not null && current.ActiveDefinition is not null
                && !DefinitionRules.Same(previous.ActiveDefinition, current.ActiveDefinition)))
            _events.Publish(new HypervisorEvent(HypervisorEventKind.ConfigurationChanged, id, previous, current, now));
        if (restarted || previous.State != current.State)
            _events.Publish(new HypervisorEvent(HypervisorEventKind.StateChanged, id, previous, current, current.TimeOfLastStateChange));
    }
}
