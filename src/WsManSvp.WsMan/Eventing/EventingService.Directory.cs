namespace WsManSvp.WsMan.Eventing;

/// <summary>The subscriptions seen from outside the eventing machinery (<see cref="ISubscriptionDirectory"/>).</summary>
public sealed partial class EventingService : ISubscriptionDirectory
{
    public IReadOnlyList<SubscriptionFacts> SubscriptionsOf(string? owner)
    {
        var now = _time.GetUtcNow();
        return _store.All.Where(s => IsLiveFor(s, owner, now)).Select(Facts).OrderBy(f => f.Id, StringComparer.Ordinal).ToList();
    }

    public SubscriptionFacts? FindSubscription(string id, string? owner) =>
        _store.Find(id) is { } s && IsLiveFor(s, owner, _time.GetUtcNow()) ? Facts(s) : null;

    // An expired subscription the sweeper has not ended yet is already gone for the protocol (Find), so here too.
    private static bool IsLiveFor(ActiveSubscription s, string? owner, DateTimeOffset now) =>
        s.Subscription.Owner == owner && s.Subscription.Expires > now;

    private static SubscriptionFacts Facts(ActiveSubscription active)
    {
        var s = active.Subscription;
        return new SubscriptionFacts(s.Id, s.Owner, active.Filter, s.Mode, s.NotifyTo?.Address, s.EndTo?.Address, s.Created, s.Expires,
            s.Heartbeats, s.SendBookmarks, s.MaxTime, s.Credentials?.Profile);
    }
}
