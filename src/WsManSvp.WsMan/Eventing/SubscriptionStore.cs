using System.Collections.Concurrent;
using System.Text.Json;
using WsManSvp.Storage;
using WsManSvp.WsMan.Faults;

namespace WsManSvp.WsMan.Eventing;

/// <summary>
/// The live subscriptions, by identifier and by Pull context, bounded in number (overall and per caller), each
/// written through to the state database with how far its events were delivered.
/// </summary>
public sealed class SubscriptionStore
{
    private const string TableName = "eventing_subscriptions";
    private readonly ConcurrentDictionary<string, ActiveSubscription> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ActiveSubscription> _byContext = new(StringComparer.Ordinal);
    private readonly DocumentTable _table;
    private readonly EventingOptions _options;

    public SubscriptionStore(StateDatabase database, EventingOptions options)
    {
        _table = new DocumentTable(database, TableName);
        _options = options;
    }

    public int Count => _byId.Count;

    public ICollection<ActiveSubscription> All => _byId.Values;

    /// <summary>What was stored, as stored (restored by the caller, which knows the filters).</summary>
    internal IEnumerable<StoredSubscription> LoadAll() =>
        _table.LoadAll().Select(d => JsonSerializer.Deserialize(d.Value, SubscriptionJson.Default.StoredSubscription)
                                     ?? throw new JsonException($"The stored subscription {d.Key} is null."));

    /// <summary>Faults with QuotaLimit when one more subscription for <paramref name="owner"/> would exceed a limit.</summary>
    public void CheckQuota(string? owner)
    {
        if (_byId.Count >= _options.MaxSubscriptions)
            throw Fault.QuotaLimit($"The service already holds {_options.MaxSubscriptions} subscriptions; unsubscribe some or let them expire.").ToException();
        if (_byId.Values.Count(s => s.Subscription.Owner == owner) >= _options.MaxSubscriptionsPerUser)
            throw Fault.QuotaLimit($"This caller already holds {_options.MaxSubscriptionsPerUser} subscriptions; unsubscribe some or let them expire.").ToException();
    }

    public void Add(ActiveSubscription subscription)
    {
        _byId[subscription.Id] = subscription;
        if (subscription.Subscription.ContextId is { } context) _byContext[context] = subscription;
    }

    public bool Remove(ActiveSubscription subscription)
    {
        if (subscription.Subscription.ContextId is { } context) _byContext.TryRemove(context, out _);
        return _byId.TryRemove(subscription.Id, out _);
    }

    public ActiveSubscription? Find(string? id) => id is not null && _byId.TryGetValue(id, out var s) ? s : null;

    public ActiveSubscription? FindByContext(string? context) => context is not null && _byContext.TryGetValue(context, out var s) ? s : null;

    public bool IsEventContext(string? context) => context is not null && _byContext.ContainsKey(context);

    public Task SaveAsync(ActiveSubscription s) =>
        _table.PutAsync(s.Id, JsonSerializer.Serialize(new StoredSubscription(s.Subscription, s.Delivered), SubscriptionJson.Default.StoredSubscription));

    public Task DeleteAsync(string id) => _table.DeleteAsync(id);
}
