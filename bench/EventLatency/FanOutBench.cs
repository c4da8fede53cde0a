using System.Diagnostics;

namespace EventLatency;

/// <summary>The fan-out figures: per-subscriber latency, time to the last delivery, CPU and memory.</summary>
internal sealed record FanOut(
    int Subscribers, int Rounds, Latencies PerSubscriber, Latencies ToLast, double CpuUsPerDelivery, TimeSpan SubscribeTime,
    double ResidentBeforeMiB, double ResidentSubscribedMiB, double PeakResidentMiB, double HeapBeforeMiB, double HeapSubscribedMiB);

/// <summary>
/// Many Push subscriptions to the one sink, each marked by its own reference parameter; per round one backend event,
/// timed from the call to each subscriber's delivery and to the last of them. Between rounds the process is let
/// settle, so that a round's CPU includes the work that follows its deliveries (marking them delivered).
/// </summary>
internal sealed class FanOutBench(SystemToggle toggle, WsManCalls calls, EventSink sink, Options options)
{
    private const int WarmupRounds = 2;
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public async Task<FanOut> RunAsync()
    {
        var n = options.Subscribers;
        var residentBefore = ProcessStats.ResidentMiB;
        var heapBefore = ProcessStats.HeapMiB();
        Console.Error.WriteLine($"   fan-out: {n} Push subscriptions");
        var subscribing = Stopwatch.StartNew();
        // A few at a time: the subscriptions are set-up, not what is measured.
        await Parallel.ForEachAsync(Enumerable.Range(1, n), new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (subscriber, _) => await calls.SubscribeAsync(WsManCalls.PushMode, sink.Url, subscriber));
        var subscribeTime = subscribing.Elapsed;
        var residentSubscribed = ProcessStats.ResidentMiB;
        var heapSubscribed = ProcessStats.HeapMiB();

        Console.Error.WriteLine($"   fan-out: {WarmupRounds} rounds of warm-up, then {options.Rounds}");
        var perSubscriber = new Latencies();
        var toLast = new Latencies();
        var cpu = TimeSpan.Zero;
        for (var round = 0; round < WarmupRounds + options.Rounds; round++)
        {
            var cpuBefore = ProcessStats.Cpu;
            var started = Stopwatch.GetTimestamp();
            var expected = await toggle.ChangeAsync();
            var arrivals = await CollectAsync(expected, n);
            await Task.Delay(Settle);
            if (round < WarmupRounds) continue;
            cpu += ProcessStats.Cpu - cpuBefore;
            foreach (var at in arrivals) perSubscriber.Add(started, at);
            toLast.Add(started, arrivals.Max());
        }
        if (sink.Received.TryRead(out var extra))
            throw new BenchException($"An extra delivery to subscriber {extra.Subscriber}: {extra.Action} {string.Join(", ", extra.Changes)}");
        return new FanOut(n, options.Rounds, perSubscriber, toLast, cpu.TotalMicroseconds / ((double)n * options.Rounds), subscribeTime,
            residentBefore, residentSubscribed, ProcessStats.PeakResidentMiB(), heapBefore, heapSubscribed);
    }

    /// <summary>Each subscriber's arrival time of <paramref name="expected"/>; anything else, or a second one, fails.</summary>
    private async Task<long[]> CollectAsync(SystemChange expected, int n)
    {
        var arrivals = new long[n];
        var missing = n;
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            while (missing > 0)
            {
                var r = await sink.Received.ReadAsync(timeout.Token);
                if (r.Subscriber < 1 || r.Subscriber > n || r.Changes is not [var change] || change != expected)
                    throw new BenchException($"An unexpected delivery to subscriber {r.Subscriber}: {r.Action} {string.Join(", ", r.Changes)} (waiting for {expected})");
                if (arrivals[r.Subscriber - 1] != 0) throw new BenchException($"Subscriber {r.Subscriber} got {expected} twice");
                arrivals[r.Subscriber - 1] = r.At;
                missing--;
            }
        }
        catch (OperationCanceledException)
        {
            throw new BenchException($"{missing} of {n} subscribers had no delivery of {expected} within {Patience.TotalSeconds} s");
        }
        return arrivals;
    }
}
