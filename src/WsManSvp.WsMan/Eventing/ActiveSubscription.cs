namespace WsManSvp.WsMan.Eventing;

/// <summary>
/// A live subscription: what was granted (replaced whole on Renew), its filter, and where its log stands —
/// the last sequence numbered (by the event pump), logged (durable) and delivered (sent or pulled) — and the
/// tail of its log in memory, so a subscriber that keeps up is served without reading the log back.
/// </summary>
public sealed class ActiveSubscription(Subscription subscription, IEventFilter filter, long logged, long delivered)
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _logChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Queue<LoggedEvent> _tail = new();
    private long _tailLast;
    private long _logged = logged;
    private long _delivered = delivered;

    public Subscription Subscription { get; set; } = subscription;
    public IEventFilter Filter { get; } = filter;
    public string Id => Subscription.Id;

    /// <summary>The last sequence number given to a matched event; only the event pump moves it.</summary>
    public long Numbered { get; set; } = logged;

    public long Logged => Interlocked.Read(ref _logged);

    public long Delivered
    {
        get => Interlocked.Read(ref _delivered);
        set => Interlocked.Exchange(ref _delivered, value);
    }

    /// <summary>One Pull (or one delivery) at a time.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Cancelled when the subscription ends, to stop its delivery and wake its waiters.</summary>
    public CancellationTokenSource Ended { get; } = new();

    /// <summary>The push delivery loop, for push modes.</summary>
    public Task? Delivery { get; set; }

    /// <summary>Completes the next time events are logged for this subscription.</summary>
    public Task LogChanged
    {
        get { lock (_lock) return _logChanged.Task; }
    }

    /// <summary>
    /// Keeps a committed event in the tail (the bodies are shared with the other subscriptions). At most
    /// <paramref name="capacity"/> are kept, no more than the log keeps, so the tail never holds what the log dropped.
    /// </summary>
    public void Remember(LoggedEvent e, int capacity)
    {
        lock (_lock)
        {
            if (_tail.Count > 0 && _tailLast + 1 != e.Sequence) _tail.Clear(); // a gap: the log has what was between
            _tail.Enqueue(e);
            _tailLast = e.Sequence;
            while (_tail.Count > capacity) _tail.Dequeue();
        }
    }

    /// <summary>
    /// Up to <paramref name="max"/> events after <paramref name="after"/> from the tail, forgetting those up to
    /// it; null when the tail does not start right after it (then the log has them).
    /// </summary>
    public List<LoggedEvent>? TakeLogged(long after, int max)
    {
        lock (_lock)
        {
            while (_tail.TryPeek(out var first) && first.Sequence <= after) _tail.Dequeue();
            if (!_tail.TryPeek(out var next) || next.Sequence != after + 1) return null;
            return _tail.Take(max).ToList();
        }
    }

    public void SetLogged(long sequence)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _logged = Math.Max(_logged, sequence);
            changed = _logChanged;
            _logChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }
}
