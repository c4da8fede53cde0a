using System.Collections.Concurrent;
using WsManSvp.WsMan.Faults;
using WsManSvp.WsMan.Resources;

namespace WsManSvp.WsMan.Enumeration;

/// <summary>
/// The open enumeration contexts: bounded in number (overall and per caller), expired after their
/// lifetime unused, released on EndOfSequence or Release. Expired contexts are swept periodically.
/// </summary>
public sealed class EnumerationContextStore : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, EnumerationContext> _contexts = new(StringComparer.Ordinal);
    private readonly WsManOptions _options;
    private readonly TimeProvider _time;
    private readonly ITimer _sweeper;

    public EnumerationContextStore(WsManOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, options.EnumerationContextLifetime.Ticks / 4));
        _sweeper = time.CreateTimer(_ => _ = SweepAsync(), null, period, period);
    }

    public int Count => _contexts.Count;

    public EnumerationContext Open(IEnumerationSource source, string? owner, EnumerationMode mode, TimeSpan lifetime)
    {
        // Expired contexts not yet swept do not count: the client was told to let them expire.
        var now = _time.GetUtcNow();
        if (_contexts.Values.Count(c => c.ExpiresAt > now) >= _options.MaxEnumerationContexts)
            throw Fault.QuotaLimit($"The service already holds {_options.MaxEnumerationContexts} open enumerations; release some or let them expire.").ToException();
        if (_contexts.Values.Count(c => c.Owner == owner && c.ExpiresAt > now) >= _options.MaxEnumerationContextsPerUser)
            throw Fault.QuotaLimit($"This caller already holds {_options.MaxEnumerationContextsPerUser} open enumerations; release some or let them expire.").ToException();
        var context = new EnumerationContext(source, owner, mode, lifetime, now);
        _contexts[context.Id] = context;
        return context;
    }

    /// <summary>The live context with this id, checked against its owner; faults otherwise.</summary>
    public EnumerationContext Find(string? id, string? caller)
    {
        if (id is null || !_contexts.TryGetValue(id, out var context) || context.ExpiresAt <= _time.GetUtcNow())
            throw Fault.InvalidEnumerationContext($"The enumeration context '{id}' is not valid: it is unknown, expired or released.").ToException();
        if (context.Owner != caller)
            throw Fault.AccessDenied("The enumeration context belongs to another user.").ToException();
        return context;
    }

    public async ValueTask CloseAsync(EnumerationContext context)
    {
        if (_contexts.TryRemove(context.Id, out _)) await context.DisposeAsync().ConfigureAwait(false);
    }

    private async Task SweepAsync()
    {
        var now = _time.GetUtcNow();
        foreach (var context in _contexts.Values)
        {
            if (context.ExpiresAt > now || !context.Gate.Wait(0)) continue; // in use: not idle
            context.Gate.Release();
            await CloseAsync(context).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _sweeper.DisposeAsync().ConfigureAwait(false);
        foreach (var context in _contexts.Values) await CloseAsync(context).ConfigureAwait(false);
    }
}
