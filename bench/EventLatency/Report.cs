using System.Globalization;
using System.Text;

namespace EventLatency;

/// <summary>The Markdown tables: latency per delivery mode against the goal, then the fan-out.</summary>
internal static class Report
{
    private const double GoalMs = 50;

    public static string Tables(IReadOnlyList<ModeLatency> modes, FanOut fanOut, bool quick)
    {
        var s = new StringBuilder();
        s.AppendLine("| Mode | Events | p50 ms | p90 ms | p99 ms | max ms | Other messages | Goal (p99 < 50 ms) |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var m in modes)
            s.AppendLine(Invariant($"| {m.Mode} | {m.Ms.Count} | {m.Ms.Percentile(50):F2} | {m.Ms.Percentile(90):F2} | {m.Ms.Percentile(99):F2} | {m.Ms.Max:F2} | {m.OtherMessages} | {Verdict(m.Ms, quick)} |"));
        s.AppendLine();
        s.AppendLine("| Subscribers | Rounds | Per-subscriber p50 ms | p99 ms | max ms | To the last p50 ms | p99 ms | max ms | CPU µs/delivery | Goal (per-subscriber p99 < 50 ms) |");
        s.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        var f = fanOut;
        s.AppendLine(Invariant($"| {f.Subscribers} | {f.Rounds} | {f.PerSubscriber.Percentile(50):F1} | {f.PerSubscriber.Percentile(99):F1} | {f.PerSubscriber.Max:F1} | {f.ToLast.Percentile(50):F1} | {f.ToLast.Percentile(99):F1} | {f.ToLast.Max:F1} | {f.CpuUsPerDelivery:F0} | {Verdict(f.PerSubscriber, quick)} |"));
        s.AppendLine();
        s.Append(Invariant($"Fan-out set-up: {f.Subscribers} Subscribes in {f.SubscribeTime.TotalSeconds:F1} s (4 at a time). "));
        s.Append(Invariant($"Memory of the process: resident {f.ResidentBeforeMiB:F0} MiB before subscribing, {f.ResidentSubscribedMiB:F0} MiB with the subscriptions, peak {f.PeakResidentMiB:F0} MiB; "));
        s.AppendLine(Invariant($"managed heap after a full GC {f.HeapBeforeMiB:F1} MiB before, {f.HeapSubscribedMiB:F1} MiB with the subscriptions ({(f.HeapSubscribedMiB - f.HeapBeforeMiB) * 1024 / f.Subscribers:F1} KiB each)."));
        return s.ToString();
    }

    private static string Verdict(Latencies ms, bool quick) => quick ? "not judged (--quick)" : ms.Percentile(99) < GoalMs ? "met" : "missed";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
