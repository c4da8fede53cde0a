using System.Diagnostics;
using WsManSvp.Hypervisor;

namespace LibvirtOverhead;

/// <summary>
/// One operation's figures: the raw calls, the adapter's IHypervisor call that makes them (in the server, without
/// HTTP, SOAP or CIM), and the service's round trips.
/// </summary>
internal sealed record Measured(string Operation, Latencies Raw, Latencies Adapter, IReadOnlyList<Latencies> Service, string? Note = null);

/// <summary>
/// The three operations, each iteration the raw calls first, then the adapter's call, then the WS-Man request, so
/// that whatever else the machine does hits all alike.
/// </summary>
internal sealed class Bench(RawLibvirt raw, IHypervisor adapter, WsManCalls service, IReadOnlyList<BenchDomain> domains, Options options)
{
    // CIM_EnabledLogicalElement.RequestStateChange: 9 Quiesce (libvirt: suspend), 2 Enabled (from paused: resume).
    private const int Quiesce = 9, Enabled = 2;
    private const int JobCompleted = 7, JobRunningUpTo = 6;

    private readonly BenchDomain _running = domains.First(d => d.Running);

    public async Task<Measured> GetAsync()
    {
        Console.Error.WriteLine($"   Get of {_running.Name}: {options.Warmup} s warm-up, {options.Iterations} iterations");
        var rawMs = new Latencies("raw libvirt calls");
        var adapterMs = new Latencies("adapter: GetSystemAsync");
        var serviceMs = new Latencies("WS-Transfer Get");
        await options.RunAsync(async measured =>
        {
            var started = Stopwatch.GetTimestamp();
            raw.Get(_running.Id);
            if (measured) rawMs.Since(started);
            started = Stopwatch.GetTimestamp();
            _ = await adapter.GetSystemAsync(_running.Id, CancellationToken.None) ?? throw new BenchException($"The adapter does not find {_running.Name}");
            if (measured) adapterMs.Since(started);
            started = Stopwatch.GetTimestamp();
            await service.GetSystemAsync(_running.Id);
            if (measured) serviceMs.Since(started);
        });
        return new Measured("Get (one running system)", rawMs, adapterMs, [serviceMs]);
    }

    public async Task<Measured> EnumerateAsync()
    {
        Console.Error.WriteLine($"   Enumerate of {domains.Count} domains: {options.Warmup} s warm-up, {options.Iterations} iterations");
        var rawMs = new Latencies("raw libvirt calls");
        var adapterMs = new Latencies("adapter: ListSystemsAsync");
        var serviceMs = new Latencies("optimized Enumerate");
        await options.RunAsync(async measured =>
        {
            var started = Stopwatch.GetTimestamp();
            var read = raw.Enumerate();
            if (measured) rawMs.Since(started);
            if (read != domains.Count) throw new BenchException($"The raw side read {read} domains, expected {domains.Count}");
            started = Stopwatch.GetTimestamp();
            var listed = await adapter.ListSystemsAsync(CancellationToken.None).CountAsync();
            if (measured) adapterMs.Since(started);
            if (listed != domains.Count) throw new BenchException($"The adapter listed {listed} systems, expected {domains.Count}");
            started = Stopwatch.GetTimestamp();
            // One round trip: MaxElements well above the host and its systems.
            var items = await service.EnumerateSystemsAsync(maxElements: 10 * (domains.Count + 1));
            if (measured) serviceMs.Since(started);
            if (items != domains.Count + 1) throw new BenchException($"Enumerate returned {items} instances, expected {domains.Count + 1}");
        });
        return new Measured($"Enumerate ({domains.Count} domains; {domains.Count + 1} instances with the host)", rawMs, adapterMs, [serviceMs]);
    }

    /// <summary>
    /// Suspend and resume, per call: each iteration gives two samples of each. The adapter's pair and the service's
    /// pair act on the same system of the server, one pair after the other, so each finds it running for 9.
    /// </summary>
    public async Task<Measured> StateChangeAsync()
    {
        Console.Error.WriteLine($"   RequestStateChange 9/2 of {_running.Name}: {options.Warmup} s warm-up, {options.Iterations} iterations (2 calls each)");
        var rawMs = new Latencies("virDomainSuspend / virDomainResume");
        var adapterMs = new Latencies("adapter: ChangeStateAsync Pause / Resume");
        var replyMs = new Latencies("RequestStateChange, to the 4096 reply");
        var completedMs = new Latencies("RequestStateChange, to job Completed");
        long polls = 0, jobs = 0;
        using var domain = raw.Lookup(_running.Id);
        await options.RunAsync(async measured =>
        {
            var started = Stopwatch.GetTimestamp();
            RawLibvirt.Suspend(domain);
            if (measured) rawMs.Since(started);
            started = Stopwatch.GetTimestamp();
            RawLibvirt.Resume(domain);
            if (measured) rawMs.Since(started);

            foreach (var transition in (StateTransition[])[StateTransition.Pause, StateTransition.Resume])
            {
                started = Stopwatch.GetTimestamp();
                await adapter.ChangeStateAsync(_running.Id, transition, CancellationToken.None);
                if (measured) adapterMs.Since(started);
            }

            foreach (var requested in (int[])[Quiesce, Enabled])
            {
                started = Stopwatch.GetTimestamp();
                var job = await service.RequestStateChangeAsync(_running.Id, requested);
                if (measured) replyMs.Since(started);
                // Polled back to back, no pause: the time to Completed is then at most one Get late.
                int state;
                var count = 0;
                do
                {
                    state = await service.JobStateAsync(job);
                    count++;
                    if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(30)) throw new BenchException($"Job {job.SelectorSet} not finished after 30 s");
                }
                while (state <= JobRunningUpTo);
                if (state != JobCompleted) throw new BenchException($"RequestStateChange({requested}) job ended in JobState {state}: {job.SelectorSet}");
                if (measured)
                {
                    completedMs.Since(started);
                    polls += count;
                    jobs++;
                }
            }
        });
        return new Measured("RequestStateChange (9 then 2; per call)", rawMs, adapterMs, [replyMs, completedMs],
            $"{(double)polls / jobs:F1} job Gets per call until Completed");
    }
}
