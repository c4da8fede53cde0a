using System.Diagnostics;
using WsManSvp.Hypervisor.Libvirt.Native;

namespace WsManSvp.Hypervisor.Libvirt.Tests;

public sealed class ConnectionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Opens connections normally, but the reconnects fail as often as told first.</summary>
    private sealed class FlakyConnector(int failures) : ILibvirtConnector
    {
        private int _opened;
        private int _failures = failures;

        public List<TimeSpan> Attempts { get; } = [];

        public Stopwatch Clock { get; } = Stopwatch.StartNew();

        public ConnectHandle Open(string uri)
        {
            lock (Attempts) Attempts.Add(Clock.Elapsed);
            if (Interlocked.Increment(ref _opened) > 1 && Interlocked.Decrement(ref _failures) >= 0)
                throw new HypervisorException(HypervisorError.Unavailable, "libvirtd is restarting");
            return NativeConnector.Instance.Open(uri);
        }
    }

    private static LibvirtOptions Backoff => new("")
    {
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(50),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
    };

    [Fact]
    public async Task A_lost_connection_fails_calls_fast_then_reconnects_with_doubling_delays_and_announces_what_changed()
    {
        var connector = new FlakyConnector(failures: 4);
        await using var host = await TestHost.OpenAsync(connector, Backoff);
        var hv = host.Hypervisor;
        var mine = await host.InStateAsync(SystemState.Off);
        await using var watcher = new EventWatcher(hv);

        hv.Connection.Drop("libvirtd was killed");
        var stopwatch = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<HypervisorException>(() => hv.GetSystemAsync(mine.Id, None).AsTask());
        Assert.True(stopwatch.ElapsedMilliseconds < 100, "a call on a lost connection must fail fast");
        Assert.Equal(HypervisorError.Unavailable, e.Error);
        Assert.Equal($"libvirt at {TestHost.UriOf(host.Directory)} is unavailable: libvirtd was killed", e.Message);

        await hv.Connection.Reconnecting.WaitAsync(TimeSpan.FromSeconds(10));

        // Initial open, then 4 failures and the success: delays 50, 100, 200, 200, 200 ms.
        TimeSpan[] attempts;
        lock (connector.Attempts) attempts = [.. connector.Attempts.Skip(1)];
        Assert.Equal(5, attempts.Length);
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => (b - a).TotalMilliseconds).ToArray();
        Assert.True(gaps[0] >= 95 && gaps[1] >= 195 && gaps[2] >= 195 && gaps[3] >= 195, string.Join(", ", gaps));
        // Capped at 200 ms; the bound is loose because a loaded CI machine can delay any timer by a second or more.
        Assert.True(gaps.All(g => g < 5000), string.Join(", ", gaps));
        // The test driver's host is fresh after the reconnect: the system defined before is gone.
        var undefined = await watcher.NextAsync();
        Assert.Equal(HypervisorEventKind.Undefined, undefined.Kind);
        Assert.Equal(mine.Id, undefined.SystemId);
        Assert.Null(await hv.GetSystemAsync(mine.Id, None));
        Assert.Single(await host.ListAsync());
    }

    [Fact]
    public async Task Opening_an_unreachable_libvirt_is_Unavailable()
    {
        var e = await Assert.ThrowsAsync<HypervisorException>(() =>
            TestHost.OpenAsync(options: new LibvirtOptions("") , connector: new UnreachableConnector()));

        Assert.Equal(HypervisorError.Unavailable, e.Error);
    }

    private sealed class UnreachableConnector : ILibvirtConnector
    {
        public ConnectHandle Open(string uri) => NativeConnector.Instance.Open("qemu+unix:///system?socket=/nonexistent/libvirt-sock");
    }

    [Fact]
    public async Task Libvirt_calls_run_on_the_worker_threads()
    {
        using var workers = new LibvirtWorkers(2);
        var caller = Environment.CurrentManagedThreadId;

        var thread = await workers.RunAsync(() => (Environment.CurrentManagedThreadId, Thread.CurrentThread.Name), None);

        Assert.NotEqual(caller, thread.CurrentManagedThreadId);
        Assert.StartsWith(LibvirtWorkers.ThreadNamePrefix, thread.Name);
    }

    [Fact]
    public async Task A_slow_call_does_not_hold_up_quick_ones()
    {
        using var workers = new LibvirtWorkers(4);
        using var release = new ManualResetEventSlim();

        var slow = workers.RunAsync(() => release.Wait(TimeSpan.FromSeconds(10)), None);
        var quick = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => workers.RunAsync(() => i, None))).WaitAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(20, quick.Length);
        Assert.False(slow.IsCompleted);
        release.Set();
        Assert.True(await slow);
    }

    [Fact]
    public async Task Opening_and_disposing_many_times_leaves_no_threads_or_descriptors_behind()
    {
        async Task CycleAsync()
        {
            await using var host = await TestHost.OpenAsync();
            await host.ListAsync();
            await host.Hypervisor.ListPoolsAsync(None);
        }

        await CycleAsync();
        var threads = Process.GetCurrentProcess().Threads.Count;
        var descriptors = Directory.GetFiles("/proc/self/fd").Length;
        for (var i = 0; i < 30; i++) await CycleAsync();

        Assert.InRange(Process.GetCurrentProcess().Threads.Count, 0, threads + 8);
        Assert.InRange(Directory.GetFiles("/proc/self/fd").Length, 0, descriptors + 8);
    }
}
