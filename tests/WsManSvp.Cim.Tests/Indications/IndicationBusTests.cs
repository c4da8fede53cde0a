using WsManSvp.Cim.Indications;
using WsManSvp.Cim.Model;
using Xunit;
using static WsManSvp.Cim.Tests.Indications.IndicationFixtures;

namespace WsManSvp.Cim.Tests.Indications;

public class IndicationBusTests
{
    private static readonly InstanceIndications Indications = new(Repository, "host1");

    private static CimInstance Creation(string name) => Indications.Creation(VirtualSystem(name, 3), DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task Every_watcher_gets_every_indication_once_in_the_order_published()
    {
        var bus = new IndicationBus();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var first = bus.WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        await using var second = bus.WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var pendingFirst = first.MoveNextAsync(); // the watch starts here
        var pendingSecond = second.MoveNextAsync();

        var published = new[] { bus.Publish(Creation("a")), bus.Publish(Creation("b")), bus.Publish(Creation("c")) };

        Assert.Equal([1L, 2L, 3L], published.Select(p => p.SequenceNumber));
        Assert.Equal(published, await TakeAsync(first, pendingFirst, 3));
        Assert.Equal(published, await TakeAsync(second, pendingSecond, 3));
    }

    private static async Task<List<PublishedIndication>> TakeAsync(IAsyncEnumerator<PublishedIndication> watcher, ValueTask<bool> pending, int count)
    {
        var seen = new List<PublishedIndication>();
        if (!await pending) return seen;
        seen.Add(watcher.Current);
        while (seen.Count < count && await watcher.MoveNextAsync()) seen.Add(watcher.Current);
        return seen;
    }

    [Fact]
    public async Task A_watcher_too_far_behind_loses_the_oldest_and_sees_the_gap()
    {
        var bus = new IndicationBus(watcherCapacity: 2);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var watcher = bus.WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var pending = watcher.MoveNextAsync();

        for (var i = 0; i < 5; i++) bus.Publish(Creation($"vm{i}"));

        // The channel kept the newest two.
        var seen = new List<long>();
        Assert.True(await pending);
        seen.Add(watcher.Current.SequenceNumber);
        while (seen.Count < 2 && await watcher.MoveNextAsync()) seen.Add(watcher.Current.SequenceNumber);
        Assert.Equal([4L, 5L], seen);
    }

    [Fact]
    public void Publishing_without_watchers_does_not_wait_and_a_non_indication_is_refused()
    {
        var bus = new IndicationBus();

        Assert.Equal(1L, bus.Publish(Creation("a")).SequenceNumber);
        Assert.Throws<ArgumentException>(() => bus.Publish(VirtualSystem("vm", 2)));
    }

    [Fact]
    public async Task Completing_the_bus_ends_every_watch()
    {
        var bus = new IndicationBus();
        await using var watcher = bus.WatchAsync(CancellationToken.None).GetAsyncEnumerator();
        var pending = watcher.MoveNextAsync();

        bus.Complete();

        Assert.False(await pending);
        await using var late = bus.WatchAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.False(await late.MoveNextAsync());
    }
}
