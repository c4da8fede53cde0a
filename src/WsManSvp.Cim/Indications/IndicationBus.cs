using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using WsManSvp.Cim.Model;

namespace WsManSvp.Cim.Indications;

/// <summary>
/// The in-process path of indications from their producers to their watchers: one order for all (numbered as
/// published), one bounded channel per watcher. Publishing never waits: a watcher too far behind loses its
/// oldest indications instead.
/// </summary>
public sealed class IndicationBus(int watcherCapacity = IndicationBus.DefaultWatcherCapacity)
{
    public const int DefaultWatcherCapacity = 16384;

    private readonly Lock _lock = new();
    private ImmutableArray<Channel<PublishedIndication>> _watchers = [];
    private long _sequenceNumber;
    private bool _completed;

    /// <summary>Hands an indication to every watcher; returns it as published. Safe from any thread.</summary>
    public PublishedIndication Publish(CimInstance indication)
    {
        if (!indication.Class.IsIndication)
            throw new ArgumentException($"{indication.Class.Name} is not an indication class.", nameof(indication));
        // Numbering and writing under one lock gives every watcher the same order; TryWrite never waits.
        lock (_lock)
        {
            var published = new PublishedIndication(++_sequenceNumber, indication);
            foreach (var watcher in _watchers) watcher.Writer.TryWrite(published);
            return published;
        }
    }

    /// <summary>
    /// Every indication published from the first MoveNextAsync on, in order; ends when the token is cancelled
    /// (by throwing <see cref="OperationCanceledException"/>) or the bus completes.
    /// </summary>
    public async IAsyncEnumerable<PublishedIndication> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<PublishedIndication>(new BoundedChannelOptions(watcherCapacity)
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
            await foreach (var published in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                yield return published;
        }
        finally
        {
            lock (_lock) _watchers = _watchers.Remove(channel);
        }
    }

    /// <summary>Ends every watch (shutting down).</summary>
    public void Complete()
    {
        lock (_lock)
        {
            _completed = true;
            foreach (var watcher in _watchers) watcher.Writer.TryComplete();
        }
    }
}
