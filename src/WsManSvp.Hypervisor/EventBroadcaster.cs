using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace WsManSvp.Hypervisor;

/// <summary>
/// Fans events out to watchers, one bounded channel each: a slow watcher loses its oldest events
/// rather than slowing the hypervisor down.
/// </summary>
internal sealed class EventBroadcaster
{
    private const int WatcherCapacity = 65536;
    private readonly Lock _lock = new();
    private ImmutableArray<Channel<HypervisorEvent>> _watchers = [];
    private bool _completed;

    public void Publish(HypervisorEvent e)
    {
        foreach (var watcher in _watchers)
            watcher.Writer.TryWrite(e);
    }

    public async IAsyncEnumerable<HypervisorEvent> Subscribe([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<HypervisorEvent>(new BoundedChannelOptions(WatcherCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_lock)
        {
            if (_completed) channel.Writer.Complete();
            else _watchers = _watchers.Add(channel);
        }
        try
        {
            await foreach (var e in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                yield return e;
        }
        finally
        {
            lock (_lock) _watchers = _watchers.Remove(channel);
        }
    }

    public void Complete()
    {
        lock (_lock)
        {
            _completed = true;
            foreach (var watcher in _watchers) watcher.Writer.TryComplete();
        }
    }
}
