using System.Diagnostics;
using WsManSvp.Hypervisor;

namespace WsManSvp.Server.Tests.Vm;

/// <summary>
/// Every event the server's backend announces (IHypervisor.WatchEventsAsync, in-process), recorded from the
/// moment of <see cref="Watch"/>. A test marks <see cref="Count"/> before a step and waits for the event the
/// step must cause among those after the mark.
/// </summary>
public sealed class HypervisorEvents : IAsyncDisposable
{
    private readonly List<HypervisorEvent> _seen = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _reading = Task.CompletedTask;

    /// <summary>Subscribes before returning: the first MoveNextAsync runs the stream up to its first wait.</summary>
    public static HypervisorEvents Watch(IHypervisor hypervisor)
    {
        var events = new HypervisorEvents();
        var stream = hypervisor.WatchEventsAsync(events._stop.Token).GetAsyncEnumerator(events._stop.Token);
        events._reading = events.ReadAsync(stream, stream.MoveNextAsync());
        return events;
    }

    public int Count { get { lock (_seen) return _seen.Count; } }

    /// <summary>The first event after the first <paramref name="mark"/> that matches, waiting up to <paramref name="timeout"/>.</summary>
    public async Task<HypervisorEvent> WaitForAsync(int mark, Func<HypervisorEvent, bool> match, string what, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            lock (_seen)
            {
                if (_seen.Skip(mark).FirstOrDefault(match) is { } found) return found;
                if (clock.Elapsed > timeout)
                    Assert.Fail($"No event {what} within {timeout.TotalSeconds} s; after the mark came:\n" +
                        string.Join('\n', _seen.Skip(mark).Select(Describe)));
            }
            Assert.False(_reading.IsCompleted, $"The event stream ended: {_reading.Exception?.GetBaseException().Message}");
            await Task.Delay(20);
        }
    }

    public IReadOnlyList<HypervisorEvent> Of(Guid system) { lock (_seen) return _seen.Where(e => e.SystemId == system).ToList(); }

    public static string Describe(HypervisorEvent e) =>
        $"{e.Time:HH:mm:ss.fff} {e.Kind} {e.SystemId} {e.Previous?.State.ToString() ?? "-"} -> {e.Current?.State.ToString() ?? "-"}";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _reading; }
        catch (OperationCanceledException) { }
        _stop.Dispose();
    }

    private async Task ReadAsync(IAsyncEnumerator<HypervisorEvent> stream, ValueTask<bool> first)
    {
        await using var _ = stream;
        for (var more = await first; more; more = await stream.MoveNextAsync())
            lock (_seen) _seen.Add(stream.Current);
    }
}
