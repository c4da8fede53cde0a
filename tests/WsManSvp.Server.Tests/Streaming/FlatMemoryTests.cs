using WsManSvp.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WsManSvp.Server.Tests.Streaming;

/// <summary>
/// Enumerating 10,000 systems in batches of 100 keeps the managed heap flat, alone or with several enumerations
/// pulled at once: measured after a forced full collection every 1,000 items, the heap does not grow with the
/// items enumerated, holds little more near the end than at batch 10, and stays near its level before Enumerate.
/// Client and server share the process and the collection runs alone, so the heap measured is theirs; the
/// client keeps nothing of the items beyond a fixed tally.
/// </summary>
[Collection(StreamingCollection.Name)]
public sealed class FlatMemoryTests(TenThousandSystemsServerFixture server, ITestOutputHelper output)
{
    private const int BatchSize = 100;

    /// <summary>Heap samples are taken every this many batches (1,000 items).</summary>
    private const int SampleEvery = 10;

    /// <summary>
    /// The most the heap may grow per item enumerated (the median over the samples, so that a one-off step
    /// such as a buffer pool growing does not count). One CIM_ComputerSystem instance held costs about 1 KiB:
    /// keeping even one item in 16, or a path or set entry per item, exceeds this.
    /// </summary>
    private const int MaxGrowthPerItem = 64;

    /// <summary>
    /// The most the heap may hold above its level before the enumeration was opened: the context, the connection
    /// and reply buffers kept by pools, which grow in steps of up to about 1 MiB when another thread takes part.
    /// The 10,000 instances built and held would take about 10 MiB.
    /// </summary>
    private const long MaxAboveBaseline = 8L << 20;

    /// <summary>
    /// The most the heap may grow from the first sample (batch 10) to the last (batch 90 or 100), pool steps
    /// included; the 8,000–9,000 instances enumerated in between would take about 9 MiB if held.
    /// </summary>
    private const long MaxFirstToLast = 4L << 20;

    [Theory]
    [MemberData(nameof(StreamedEnumeration.Names), MemberType = typeof(StreamedEnumeration))]
    public async Task Enumerating_every_system_in_batches_of_100_keeps_the_heap_flat(string name)
    {
        var enumeration = StreamedEnumeration.All[name];
        using var client = server.Client();
        // One whole enumeration first: compiled code, the connection, and buffer pools at their working size.
        var warmUp = await enumeration.OpenAsync(client);
        while (!warmUp.Ended) await warmUp.PullAsync(BatchSize);
        warmUp.AssertComplete();

        var baseline = Heap();
        var cursor = await enumeration.OpenAsync(client);
        var samples = new List<long>();
        while (!cursor.Ended)
        {
            await cursor.PullAsync(BatchSize);
            if (cursor.Batches % SampleEvery == 0 && !cursor.Ended) samples.Add(Heap());
        }
        cursor.AssertComplete();

        AssertFlat(name, baseline, samples, items: BatchSize * SampleEvery, MaxAboveBaseline, MaxFirstToLast);
    }

    /// <summary>
    /// Two of each enumeration open at once on their own connections, pulled batch for batch concurrently: each
    /// returns every expected item exactly once, and the heap stays flat while they run.
    /// </summary>
    [Fact]
    public async Task Six_enumerations_pulled_in_parallel_each_return_every_item_once_and_keep_the_heap_flat()
    {
        var kinds = StreamedEnumeration.Kinds.SelectMany(n => new[] { n, n }).ToArray();
        var clients = kinds.Select(_ => server.Client()).ToArray();
        try
        {
            await Task.WhenAll(kinds.Select(async (kind, i) => await WarmUpAsync(await StreamedEnumeration.All[kind].OpenAsync(clients[i]))));

            var baseline = Heap();
            var cursors = await Task.WhenAll(kinds.Select((kind, i) => StreamedEnumeration.All[kind].OpenAsync(clients[i])));
            var samples = new List<long>();
            for (var round = 1; cursors.Any(c => !c.Ended); round++)
            {
                await Task.WhenAll(cursors.Where(c => !c.Ended).Select(c => c.PullAsync(BatchSize)));
                if (round % SampleEvery == 0 && cursors.All(c => !c.Ended)) samples.Add(Heap());
            }
            foreach (var cursor in cursors) cursor.AssertComplete();

            AssertFlat("six in parallel", baseline, samples, items: kinds.Length * BatchSize * SampleEvery,
                2 * MaxAboveBaseline, 2 * MaxFirstToLast);
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    /// <summary>A few batches and a Release: the code compiled and the connection open before measuring.</summary>
    private static async Task WarmUpAsync(StreamCursor cursor)
    {
        for (var i = 0; i < SampleEvery; i++) await cursor.PullAsync(BatchSize);
        await cursor.ReleaseAsync();
    }

    /// <summary>The managed heap after a full, compacting collection.</summary>
    private static long Heap() => GC.GetTotalMemory(forceFullCollection: true);

    /// <summary>
    /// The heap never rose more than <paramref name="maxAbove"/> over the baseline nor <paramref name="maxFirstToLast"/>
    /// from the first sample to the last, and between consecutive samples (<paramref name="items"/> items apart) it
    /// grew by a median of less than <see cref="MaxGrowthPerItem"/> per item.
    /// </summary>
    private void AssertFlat(string name, long baseline, List<long> samples, int items, long maxAbove, long maxFirstToLast)
    {
        Assert.True(samples.Count >= 8, $"{name}: only {samples.Count} heap samples.");
        var above = samples.Select(s => s - baseline).ToList();
        var steps = samples.Zip(samples.Skip(1), (a, b) => b - a).Order().ToList();
        var medianStep = steps[steps.Count / 2];
        var report = $"{name}: heap above the baseline every {items} items (KiB): {string.Join(", ", above.Select(a => a / 1024))}";
        output.WriteLine($"{report}; median growth {medianStep / items} bytes per item");
        Assert.True(medianStep < (long)MaxGrowthPerItem * items,
            $"{report}; it grows by a median {medianStep / items} bytes per item enumerated (at most {MaxGrowthPerItem}).");
        Assert.True(samples[^1] - samples[0] < maxFirstToLast, $"{report}; it grew by more than {maxFirstToLast / 1024} KiB from the first sample to the last.");
        Assert.True(above.Max() < maxAbove, $"{report}; more than {maxAbove / 1024} KiB above the baseline.");
    }
}
