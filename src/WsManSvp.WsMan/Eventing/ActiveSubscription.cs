namespace WsManSvp.WsMan.Eventing;

/// <summary>
/// A live subscription: what was granted (replaced whole on Renew), its filter, and where its log stands —
/// the last sequence numbered (by the event pump), logged (durable) and delivered (sent or pulled).
/// </summary>
public sealed class ActiveSubscription(Subscription subscription, IEventFilter filter, long logged, long delivered)
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _logChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);
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
