using System.Diagnostics;

namespace EventLatency;

/// <summary>Latency samples in milliseconds, with nearest-rank percentiles.</summary>
internal sealed class Latencies
{
    private readonly List<double> _ms = [];
    private List<double>? _sorted;

    public int Count => _ms.Count;

    public void Add(double ms)
    {
        _ms.Add(ms);
        _sorted = null;
    }

    /// <summary>Records the time from <paramref name="started"/> to <paramref name="ended"/> (both <see cref="Stopwatch.GetTimestamp"/>).</summary>
    public void Add(long started, long ended) => Add(Stopwatch.GetElapsedTime(started, ended).TotalMilliseconds);

    public double Percentile(double p)
    {
        _sorted ??= [.. _ms.Order()];
        if (_sorted.Count == 0) throw new InvalidOperationException("no samples");
        return _sorted[Math.Clamp((int)Math.Ceiling(p / 100 * _sorted.Count) - 1, 0, _sorted.Count - 1)];
    }

    public double Max => Percentile(100);
}
