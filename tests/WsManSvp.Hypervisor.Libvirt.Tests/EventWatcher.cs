namespace WsManSvp.Hypervisor.Libvirt.Tests;

/// <summary>Reads a hypervisor's event stream one event at a time; subscribed at once.</summary>
internal sealed class EventWatcher : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource _cancel = new();
    private readonly IAsyncEnumerator<HypervisorEvent> _events;
    private Task<bool> _pending;

    public EventWatcher(IHypervisor hypervisor)
    {
        _events = hypervisor.WatchEventsAsync(_cancel.Token).GetAsyncEnumerator(_cancel.Token);
        _pending = _events.MoveNextAsync().AsTask();
    }

    public async Task<HypervisorEvent> NextAsync()
    {
        Assert.True(await _pending.WaitAsync(Patience), "The event stream ended where an event was expected.");
        var e = _events.Current;
        _pending = _events.MoveNextAsync().AsTask();
        return e;
    }

    public async Task<List<HypervisorEvent>> NextAsync(int count)
    {
        var list = new List<HypervisorEvent>();
        for (var i = 0; i < count; i++) list.Add(await NextAsync());
        return list;
    }

    /// <summary>True when no event comes within a while (libvirt's own events for an operation announced nothing more).</summary>
    public async Task<bool> QuietAsync(int milliseconds = 300) => await Task.WhenAny(_pending, Task.Delay(milliseconds)) != _pending;

    /// <summary>True when the stream has ended.</summary>
    public async Task<bool> EndedAsync() => !await _pending.WaitAsync(Patience);

    public async ValueTask DisposeAsync()
    {
        await _cancel.CancelAsync();
        try { await _pending.WaitAsync(Patience); }
        catch (OperationCanceledException) { }
        await _events.DisposeAsync();
        _cancel.Dispose();
    }
}
