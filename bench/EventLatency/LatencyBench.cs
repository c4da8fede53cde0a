using System.Diagnostics;
using WsManSvp.Hypervisor;

namespace EventLatency;

/// <summary>One delivery mode's latencies from the backend call to the subscriber having the event.</summary>
internal sealed record ModeLatency(string Mode, Latencies Ms, int OtherMessages);

/// <summary>
/// Latency per delivery mode: one subscription, then one backend event at a time (the seeded system paused or
/// resumed through the hypervisor), each timed from just before the call until the sink (or a waiting Pull) has it.
/// </summary>
internal sealed class LatencyBench(SystemToggle toggle, WsManCalls calls, EventSink sink, Options options)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    /// <summary>Push or Events mode, delivered to the sink as subscriber 0.</summary>
    public async Task<ModeLatency> PushedAsync(string label, string mode)
    {
        Console.Error.WriteLine($"   {label}: {options.Warmup} events of warm-up, then {options.Events}");
        var subscription = await calls.SubscribeAsync(mode, sink.Url, subscriber: 0);
        var ms = new Latencies();
        var other = 0;
        for (var i = 0; i < options.Warmup + options.Events; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var expected = await toggle.ChangeAsync();
            var (received, skipped) = await WaitForAsync(expected);
            other += skipped;
            if (i >= options.Warmup) ms.Add(started, received.At);
        }
        await calls.UnsubscribeAsync(subscription);
        return new ModeLatency(label, ms, other);
    }

    /// <summary>
    /// Pull mode: a Pull is sent and left waiting in the service (50 ms, far longer than a round trip), then the
    /// backend event is caused; timed from the call until the Pull's reply is in.
    /// </summary>
    public async Task<ModeLatency> PullAsync(string label)
    {
        Console.Error.WriteLine($"   {label}: {options.Warmup} events of warm-up, then {options.Events}");
        var subscription = await calls.SubscribeAsync(WsManCalls.PullMode, null, subscriber: 0);
        var context = subscription.Context ?? throw new BenchException("A Pull-mode SubscribeResponse without wsen:EnumerationContext");
        var ms = new Latencies();
        var other = 0;
        for (var i = 0; i < options.Warmup + options.Events; i++)
        {
            var pull = calls.PullAsync(context);
            await Task.Delay(50);
            if (pull.IsCompleted) throw new BenchException($"A Pull returned before any event was caused:\n{System.Text.Encoding.UTF8.GetString(await pull)}");
            var started = Stopwatch.GetTimestamp();
            var expected = await toggle.ChangeAsync();
            var reply = await pull;
            var ended = Stopwatch.GetTimestamp();
            var changes = SystemChange.All(reply);
            if (!changes.Contains(expected)) throw new BenchException($"A Pull returned {string.Join(", ", changes)}, not {expected}");
            other += changes.Count - 1;
            if (i >= options.Warmup) ms.Add(started, ended);
        }
        await calls.UnsubscribeAsync(subscription);
        return new ModeLatency(label, ms, other);
    }

    /// <summary>The sink's next message carrying <paramref name="expected"/>, and how many others came first.</summary>
    private async Task<(Received, int)> WaitForAsync(SystemChange expected)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var skipped = 0;
        try
        {
            while (true)
            {
                var received = await sink.Received.ReadAsync(timeout.Token);
                if (received.Subscriber == 0 && received.Changes.Contains(expected)) return (received, skipped);
                skipped++;
            }
        }
        catch (OperationCanceledException)
        {
            throw new BenchException($"No delivery of {expected} within {Patience.TotalSeconds} s");
        }
    }
}
