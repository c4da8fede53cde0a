using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using WsManSvp.Storage;
using WsManSvp.WsMan.Faults;

namespace WsManSvp.WsMan.Eventing;

/// <summary>
/// The eventing machinery behind the operations: the subscriptions (restored at open), the event pump that
/// numbers each event into the logs of the subscriptions it matches, the log writer that commits them in
/// batches, expiry, and push delivery. Events flow watch → pump → log writer → Pull or the push loops, each
/// stage bounded, so a slow disk or sink holds back events, never requests. An event is handed on only once
/// committed, and from memory (the subscription's tail); the log is read back only by a subscriber behind.
/// </summary>
public sealed partial class EventingService : IAsyncDisposable
{
    private const int StageCapacity = 4096;

    /// <summary>The events a subscription keeps in memory: a subscriber further behind reads the log.</summary>
    private const int TailCapacity = 256;

    private readonly IEventService _events;
    private readonly SubscriptionStore _store;
    private readonly EventLog _log;
    private readonly DeliveredMarks _marks;
    private readonly EventingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PushDelivery _push;
    private readonly Channel<PumpItem> _pump = Channel.CreateBounded<PumpItem>(new BoundedChannelOptions(StageCapacity) { SingleReader = true });
    private readonly Channel<LogWrite> _writes = Channel.CreateBounded<LogWrite>(new BoundedChannelOptions(StageCapacity) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _shutdown = new();
    private readonly ITimer _sweeper;
    private readonly Task _watching;
    private readonly Task _pumping;
    private readonly Task _writing;
    private long _lastEventId;

    private EventingService(IEventService events, StateDatabase database, EventingOptions options, TimeProvider time, ILogger logger, HttpMessageHandler? sinkHandler)
    {
        _events = events;
        _options = options;
        _time = time;
        _logger = logger;
        _store = new SubscriptionStore(database, options);
        _log = new EventLog(database, options.MaxLoggedEvents);
        _marks = new DeliveredMarks(database);
        _lastEventId = _log.LastEventId();
        _push = new PushDelivery(this, options, time, logger, sinkHandler);
        _watching = Task.Run(WatchAsync);
        _pumping = Task.Run(PumpAsync);
        _writing = Task.Run(WriteLogAsync);
        _sweeper = time.CreateTimer(_ => _ = SweepAsync(), null, options.SweepPeriod, options.SweepPeriod);
    }

    public EventingOptions Options => _options;
    public TimeProvider Time => _time;
    public IEventService Events => _events;
    public SubscriptionStore Store => _store;

    /// <summary>
    /// Opens the machinery on the state database: subscriptions stored there resume (their filters restored,
    /// their logs numbered on), those expired meanwhile are dropped with their logs.
    /// </summary>
    /// <param name="sinkHandler">The HTTP handler deliveries go through; null: one of the service's own (tests give theirs).</param>
    public static async Task<EventingService> OpenAsync(IEventService events, StateDatabase database, EventingOptions options,
        TimeProvider time, ILogger logger, HttpMessageHandler? sinkHandler = null)
    {
        var service = new EventingService(events, database, options, time, logger, sinkHandler);
        var last = service._log.LastSequences();
        var marks = service._marks.LoadAll();
        var now = time.GetUtcNow();
        foreach (var stored in service._store.LoadAll())
        {
            var s = stored.Subscription;
            if (s.Expires <= now)
            {
                await service.DeleteAsync(s.Id).ConfigureAwait(false);
                continue;
            }
            IEventFilter filter;
            try
            {
                filter = events.RestoreEventFilter(s.ResourceUri, s.Dialect, s.FilterText);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Subscription {Id} could not be restored and was dropped", s.Id);
                await service.DeleteAsync(s.Id).ConfigureAwait(false);
                continue;
            }
            var delivered = Math.Max(stored.Delivered, marks.GetValueOrDefault(s.Id));
            var numbered = Math.Max(last.GetValueOrDefault(s.Id), delivered);
            var active = new ActiveSubscription(s, filter, numbered, delivered);
            service._store.Add(active);
            service.StartDelivery(active);
        }
        foreach (var id in last.Keys.Concat(marks.Keys).Distinct())
        {
            if (service._store.Find(id) is null) await service.DeleteAsync(id).ConfigureAwait(false); // a log or mark its subscription outlived
        }
        return service;
    }

    /// <summary>
    /// Makes a subscription live: stored, then registered with the event pump, so that every event after the
    /// reply is in its log. A bookmark of another of the caller's subscriptions seeds the log with what that one
    /// logged after it (the pump does it in order with the events, so nothing is missed or doubled).
    /// </summary>
    public async Task<ActiveSubscription> AddAsync(Subscription subscription, IEventFilter filter, Bookmark? resume)
    {
        ActiveSubscription? source = null;
        if (resume is not null)
        {
            source = _store.Find(resume.Subscription);
            if (source is null || source.Subscription.Owner != subscription.Owner)
                throw Fault.InvalidBookmark("Expired", "The wsman:Bookmark names a subscription whose events are no longer held.").ToException();
            if (resume.Sequence > source.Numbered)
                throw Fault.InvalidBookmark("Invalid", "The wsman:Bookmark is ahead of the events its subscription has seen.").ToException();
        }
        _store.CheckQuota(subscription.Owner);
        var active = new ActiveSubscription(subscription, filter, resume?.Sequence ?? 0, resume?.Sequence ?? 0);
        await _store.SaveAsync(active).ConfigureAwait(false);
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _pump.Writer.WriteAsync(new PumpItem(null, new Registration(active, source, resume?.Sequence ?? 0, registered))).ConfigureAwait(false);
        await registered.Task.ConfigureAwait(false);
        StartDelivery(active);
        return active;
    }

    /// <summary>The caller's live subscription with this identifier; null when there is none (expired, ended, unknown).</summary>
    public ActiveSubscription? Find(string? id, string? caller)
    {
        var s = _store.Find(id);
        if (s is null || s.Subscription.Expires <= _time.GetUtcNow()) return null;
        if (s.Subscription.Owner != caller) throw Fault.AccessDenied("The subscription belongs to another user.").ToException();
        return s;
    }

    public async Task RenewAsync(ActiveSubscription s, DateTimeOffset expires, bool asDateTime)
    {
        s.Subscription = s.Subscription with { Expires = expires, ExpiresAsDateTime = asDateTime };
        await _store.SaveAsync(s).ConfigureAwait(false);
    }

    /// <summary>
    /// Up to <paramref name="max"/> of the subscription's events after the last delivered: from its tail in
    /// memory when it kept up, else from the log.
    /// </summary>
    public async Task<List<LoggedEvent>> ReadLoggedAsync(ActiveSubscription s, int max)
    {
        if (s.Logged <= s.Delivered) return [];
        return s.TakeLogged(s.Delivered, max) ?? await _log.ReadAsync(s.Id, s.Delivered, max).ConfigureAwait(false);
    }

    /// <summary>
    /// Records how far events were delivered (where the subscription resumes after a restart); completes once
    /// durable, committed together with the marks of the other subscriptions made meanwhile.
    /// </summary>
    public async Task MarkDeliveredAsync(ActiveSubscription s, long sequence)
    {
        s.Delivered = sequence;
        if (_store.Find(s.Id) is not null) await _marks.MarkAsync(s.Id, sequence).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends a subscription: no more events, its record and log deleted. With a status (wse:DeliveryFailure,
    /// wse:SourceShuttingDown, wse:SourceCancelling) the subscriber's EndTo gets a SubscriptionEnd; an
    /// Unsubscribe or an expiry sends none (WS-Eventing).
    /// </summary>
    public async Task EndAsync(ActiveSubscription s, string? status = null, string? reason = null)
    {
        if (!_store.Remove(s)) return;
        await s.Ended.CancelAsync().ConfigureAwait(false);
        await DeleteAsync(s.Id).ConfigureAwait(false);
        if (status is not null && s.Subscription.EndTo is not null)
            await _push.SendSubscriptionEndAsync(s.Subscription, status, reason ?? status).ConfigureAwait(false);
    }

    private async Task DeleteAsync(string id)
    {
        await _store.DeleteAsync(id).ConfigureAwait(false);
        await _marks.DeleteAsync(id).ConfigureAwait(false);
        await _log.DeleteAsync(id).ConfigureAwait(false);
    }

    private void StartDelivery(ActiveSubscription s)
    {
        if (s.Subscription.Mode.IsPushed()) s.Delivery = Task.Run(() => _push.RunAsync(s));
    }

    private async Task WatchAsync()
    {
        try
        {
            await foreach (var e in _events.WatchAsync(_shutdown.Token).ConfigureAwait(false))
                await _pump.Writer.WriteAsync(new PumpItem(e, null), _shutdown.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_shutdown.IsCancellationRequested) { }
        catch (Exception e)
        {
            _logger.LogError(e, "The event source failed; no more events reach the subscriptions");
        }
    }

    /// <summary>The one place sequence numbers are given out, in event order.</summary>
    private async Task PumpAsync()
    {
        await foreach (var item in _pump.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (item.Registration is { } r)
            {
                if (r.Source is { } source)
                {
                    r.Subscription.Numbered = source.Numbered;
                    await _writes.Writer.WriteAsync(new LogWrite(r.Subscription, 0, null, new LogCopy(source.Id, r.After, source.Numbered))).ConfigureAwait(false);
                }
                _store.Add(r.Subscription);
                r.Done.TrySetResult();
                continue;
            }
            var e = item.Event!;
            var eventId = 0L; // numbered at its first match: only matched events are stored
            foreach (var s in _store.All)
            {
                bool matches;
                try
                {
                    matches = _events.Matches(s.Filter, e);
                }
                catch (Exception x)
                {
                    _logger.LogWarning(x, "Matching an event against subscription {Id} failed; the event is not delivered to it", s.Id);
                    continue;
                }
                if (!matches) continue;
                if (eventId == 0) eventId = ++_lastEventId;
                var logged = new LoggedEvent(++s.Numbered, e.Time, e.ResourceUri, e.Body);
                await _writes.Writer.WriteAsync(new LogWrite(s, eventId, logged, null)).ConfigureAwait(false);
            }
        }
        _writes.Writer.TryComplete();
    }

    /// <summary>Commits what the pump queued, in batches, then hands the events to the subscriptions' tails and wakes their readers.</summary>
    private async Task WriteLogAsync()
    {
        var batch = new List<LogWrite>();
        var touched = new Dictionary<ActiveSubscription, long>();
        while (await _writes.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < StageCapacity && _writes.Reader.TryRead(out var write))
            {
                if (write.Copy is { } copy)
                {
                    // The events before the copy must be in the source's log before it is copied.
                    await CommitAsync(batch, touched).ConfigureAwait(false);
                    await TryAsync(() => _log.CopyAsync(copy.From, write.Subscription.Id, copy.After)).ConfigureAwait(false);
                    touched[write.Subscription] = copy.Through;
                    continue;
                }
                if (write.Subscription.Ended.IsCancellationRequested) continue; // its log is gone with it
                batch.Add(write);
                touched[write.Subscription] = write.Event!.Sequence;
            }
            await CommitAsync(batch, touched).ConfigureAwait(false);
        }
    }

    private async Task CommitAsync(List<LogWrite> batch, Dictionary<ActiveSubscription, long> touched)
    {
        if (batch.Count > 0 && await TryAsync(() => _log.AppendAsync(batch.ConvertAll(w => new LogEntry(w.Subscription.Id, w.EventId, w.Event!)))).ConfigureAwait(false))
        {
            var capacity = Math.Min(_options.MaxLoggedEvents, TailCapacity);
            foreach (var w in batch) w.Subscription.Remember(w.Event!, capacity);
        }
        foreach (var (s, sequence) in touched) s.SetLogged(sequence);
        batch.Clear();
        touched.Clear();
    }

    /// <summary>False when the write failed (logged, unless the database closed under us at shutdown).</summary>
    private async Task<bool> TryAsync(Func<Task> write)
    {
        try
        {
            await write().ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (!_shutdown.IsCancellationRequested)
        {
            _logger.LogError(e, "Writing the event logs failed; the events of this batch are lost");
        }
        catch (Exception) { }
        return false;
    }

    private async Task SweepAsync()
    {
        var now = _time.GetUtcNow();
        foreach (var s in _store.All)
        {
            if (s.Subscription.Expires > now) continue;
            try
            {
                await EndAsync(s).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Ending the expired subscription {Id} failed", s.Id);
            }
        }
    }

    /// <summary>
    /// Stops: deliveries end without SubscriptionEnd (the subscriptions are durable and resume at the next
    /// start), the log writer commits what it holds.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _sweeper.DisposeAsync().ConfigureAwait(false);
        await _shutdown.CancelAsync().ConfigureAwait(false);
        await _watching.ConfigureAwait(false);
        _pump.Writer.TryComplete();
        await _pumping.ConfigureAwait(false);
        await _writing.ConfigureAwait(false);
        foreach (var s in _store.All)
        {
            await s.Ended.CancelAsync().ConfigureAwait(false);
            if (s.Delivery is { } delivery) await delivery.ConfigureAwait(false);
        }
        _push.Dispose();
        _shutdown.Dispose();
    }

    private sealed record PumpItem(IEvent? Event, Registration? Registration);

    private sealed record Registration(ActiveSubscription Subscription, ActiveSubscription? Source, long After, TaskCompletionSource Done);

    /// <summary>The events of another log after a sequence number, through the last it had numbered then.</summary>
    private sealed record LogCopy(string From, long After, long Through);

    private sealed record LogWrite(ActiveSubscription Subscription, long EventId, LoggedEvent? Event, LogCopy? Copy);
}
