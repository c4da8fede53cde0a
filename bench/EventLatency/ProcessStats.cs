namespace EventLatency;

/// <summary>This process's CPU time and memory (the server, the sink and the bench share it).</summary>
internal static class ProcessStats
{
    public static TimeSpan Cpu => Environment.CpuUsage.TotalTime;

    public static double ResidentMiB => Environment.WorkingSet / 1048576.0;

    /// <summary>The managed heap after a full collection, in MiB.</summary>
    public static double HeapMiB()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;
    }

    /// <summary>The most resident memory the process has had (VmHWM), in MiB.</summary>
    public static double PeakResidentMiB()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return double.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture) / 1024;
    }
}
