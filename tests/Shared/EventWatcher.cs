namespace WsManSvp.Hypervisor.Testing;

/// <summary>
/// Reads a hypervisor's event stream one event at a time. The first read is issued at once, because the
/// stream subscribes when it is first read.
/// </summary>
public sealed class EventWatcher : IAsyncDisposable
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

    /// <summary>True when the stream has ended (rather than waiting for more).</summary>
    public async Task<bool> EndedAsync() => !await _pending.WaitAsync(Patience);

    /// <summary>Cancels the watch and returns how the pending read finished.</summary>
    public async Task<Exception?> CancelAsync()
    {
        await _cancel.CancelAsync();
        try
        {
            await _pending.WaitAsync(Patience);
            return null;
        }
        catch (Exception e) when (e is not TimeoutException)
        {
            return e;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CancelAsync();
        await _events.DisposeAsync();
        _cancel.Dispose();
    }
}
