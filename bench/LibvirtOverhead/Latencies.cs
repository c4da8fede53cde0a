using System.Diagnostics;

namespace LibvirtOverhead;

/// <summary>The latencies of one side of one operation, in milliseconds, with nearest-rank percentiles.</summary>
internal sealed class Latencies(string label)
{
    private readonly List<double> _ms = [];
    private List<double>? _sorted;

    public string Label => label;

    public int Count => _ms.Count;

    /// <summary>Records the time since <paramref name="started"/> (a <see cref="Stopwatch.GetTimestamp"/>).</summary>
    public void Since(long started)
    {
        _ms.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        _sorted = null;
    }

    public double Percentile(double p)
    {
        _sorted ??= [.. _ms.Order()];
        if (_sorted.Count == 0) throw new InvalidOperationException($"{label}: no samples");
        return _sorted[Math.Clamp((int)Math.Ceiling(p / 100 * _sorted.Count) - 1, 0, _sorted.Count - 1)];
    }

    public double Max => Percentile(100);
}
