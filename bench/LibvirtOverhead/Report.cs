using System.Globalization;
using System.Text;

namespace LibvirtOverhead;

/// <summary>The Markdown tables: latencies per side, then the overhead (service − raw) against the goal.</summary>
internal static class Report
{
    private const double GoalMs = 5;

    public static string Tables(Measured get, Measured enumerate, Measured stateChange, bool quick)
    {
        Measured[] operations = [get, enumerate, stateChange];
        var s = new StringBuilder();
        s.AppendLine("| Operation | Side | Samples | p50 ms | p90 ms | p99 ms | max ms |");
        s.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var op in operations)
            foreach (var side in op.Service.Prepend(op.Adapter).Prepend(op.Raw))
                s.AppendLine(Invariant($"| {op.Operation} | {side.Label} | {side.Count} | {side.Percentile(50):F3} | {side.Percentile(90):F3} | {side.Percentile(99):F3} | {side.Max:F3} |"));
        s.AppendLine();
        s.AppendLine("| Operation | Service side | Raw p50 ms | Service p50 ms | Overhead p50 ms (adapter's share) | Raw p99 ms | Service p99 ms | Overhead p99 ms (adapter's share) | Goal (overhead p99 < 5 ms) |");
        s.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var op in operations)
        {
            foreach (var side in op.Service)
            {
                double p50 = side.Percentile(50) - op.Raw.Percentile(50), p99 = side.Percentile(99) - op.Raw.Percentile(99);
                double adapter50 = op.Adapter.Percentile(50) - op.Raw.Percentile(50), adapter99 = op.Adapter.Percentile(99) - op.Raw.Percentile(99);
                // Only the last figure of an operation is the whole of it: a RequestStateChange reply comes before the change is made.
                var verdict = side != op.Service[^1] ? "not judged (the change is not made yet)"
                    : quick ? "not judged (--quick)"
                    : p99 < GoalMs ? "met" : "missed";
                s.AppendLine(Invariant($"| {op.Operation} | {side.Label} | {op.Raw.Percentile(50):F3} | {side.Percentile(50):F3} | {p50:F3} ({adapter50:F3}) | {op.Raw.Percentile(99):F3} | {side.Percentile(99):F3} | {p99:F3} ({adapter99:F3}) | {verdict} |"));
            }
        }
        foreach (var op in operations.Where(o => o.Note is not null)) s.AppendLine().AppendLine($"{op.Operation}: {op.Note}.");
        return s.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
