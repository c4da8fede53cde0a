namespace WsManSvp.WsMan.Eventing;

/// <summary>
/// One live subscription as others may see it: what it selects, where and how its events go, and for how long.
/// The credentials it delivers with stay out (only their profile shows).
/// </summary>
public sealed record SubscriptionFacts(
    string Id,
    string? Owner,
    IEventFilter Filter,
    DeliveryMode Mode,
    string? NotifyTo,
    string? EndTo,
    DateTimeOffset? Created,
    DateTimeOffset Expires,
    TimeSpan? Heartbeats,
    bool SendBookmarks,
    TimeSpan? MaxTime,
    string? DeliveryAuth);

/// <summary>
/// A read-only view of the live subscriptions, owned by the eventing layer, for what reports them without
/// managing them (DSP1054's CIM_IndicationSubscription in root/interop). Subscriptions are made and ended by
/// WS-Eventing only.
/// </summary>
public interface ISubscriptionDirectory
{
    /// <summary>The live (unexpired) subscriptions of <paramref name="owner"/>.</summary>
    IReadOnlyList<SubscriptionFacts> SubscriptionsOf(string? owner);

    /// <summary>The live subscription of <paramref name="owner"/> with this identifier, or null.</summary>
    SubscriptionFacts? FindSubscription(string id, string? owner);
}
