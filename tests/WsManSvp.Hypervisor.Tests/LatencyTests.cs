using System.Diagnostics;
using WsManSvp.Hypervisor.Simulator;

namespace WsManSvp.Hypervisor.Tests;

/// <summary>
/// <see cref="SimulatorOptions.OperationLatency"/>: every change validates, waits, then commits. The clock is
/// manual, so a test sees each call waiting and decides when the wait ends.
/// </summary>
public sealed class LatencyTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Latency = TimeSpan.FromMinutes(1);

    private static SimulatedHypervisor Slow(ManualTimeProvider time) => Systems.Simulator(time, new SimulatorOptions { OperationLatency = Latency });

    /// <summary>Each mutating call, on a system "vm" (off, with one full snapshot), with a result a test can see.</summary>
    public static TheoryData<string> Operations => new() { "define", "undefine", "change state", "update", "create snapshot", "apply snapshot", "delete snapshot" };

    private static async Task<(Guid Id, string Snapshot)> PrepareAsync(SimulatedHypervisor hv, ManualTimeProvider time)
    {
        var define = hv.DefineSystemAsync(Systems.Definition("vm"), None).AsTask();
        await time.WaitForTimersAsync(1);
        time.Advance(Latency);
        var vm = await define;
        var snapshot = hv.CreateSnapshotAsync(vm.Id, SnapshotKind.Full, null, None).AsTask();
        await time.WaitForTimersAsync(1);
        time.Advance(Latency);
        return (vm.Id, (await snapshot).Name);
    }

    private static Task Run(SimulatedHypervisor hv, string operation, Guid id, string snapshot, CancellationToken cancellationToken) => operation switch
    {
        "define" => hv.DefineSystemAsync(Systems.Definition("new"), cancellationToken).AsTask(),
        "undefine" => hv.UndefineSystemAsync(id, cancellationToken).AsTask(),
        "change state" => hv.ChangeStateAsync(id, StateTransition.Start, cancellationToken).AsTask(),
        "update" => hv.UpdateDefinitionAsync(id, Systems.Definition("vm", cpus: 3), cancellationToken).AsTask(),
        "create snapshot" => hv.CreateSnapshotAsync(id, SnapshotKind.DiskOnly, null, cancellationToken).AsTask(),
        "apply snapshot" => hv.ApplySnapshotAsync(id, snapshot, cancellationToken).AsTask(),
        _ => hv.DeleteSnapshotAsync(id, snapshot, cancellationToken).AsTask(),
    };

    private static async Task<string> StateOfAsync(SimulatedHypervisor hv, Guid id) =>
        Systems.Content(new { Systems = await Systems.ListAsync(hv), Snapshots = await hv.ListSnapshotsAsync(id, None) });

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_change_is_invisible_while_it_waits_and_visible_once_the_latency_has_passed(string operation)
    {
        var time = new ManualTimeProvider();
        await using var hv = Slow(time);
        var (id, snapshot) = await PrepareAsync(hv, time);
        var before = await StateOfAsync(hv, id);

        var call = Run(hv, operation, id, snapshot, None);
        await time.WaitForTimersAsync(1);

        Assert.False(call.IsCompleted);
        Assert.Equal(before, await StateOfAsync(hv, id));
        time.Advance(Latency);
        await call.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotEqual(before, operation == "undefine" ? Systems.Content(await Systems.ListAsync(hv)) : await StateOfAsync(hv, id));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Cancelling_during_the_wait_throws_OperationCanceled_and_changes_nothing(string operation)
    {
        var time = new ManualTimeProvider();
        await using var hv = Slow(time);
        var (id, snapshot) = await PrepareAsync(hv, time);
        var before = await StateOfAsync(hv, id);
        await using var watcher = new EventWatcher(hv);
        using var cts = new CancellationTokenSource();

        var call = Run(hv, operation, id, snapshot, cts.Token);
        await time.WaitForTimersAsync(1);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(0, time.PendingTimers);
        time.Advance(Latency);
        Assert.Equal(before, await StateOfAsync(hv, id));
        var marker = hv.ChangeStateAsync(id, StateTransition.Start, None).AsTask();
        await time.WaitForTimersAsync(1);
        time.Advance(Latency);
        await marker;
        var e = await watcher.NextAsync();
        Assert.Equal((HypervisorEventKind.StateChanged, SystemState.Running), (e.Kind, e.Current!.State));
    }

    [Fact]
    public async Task A_refusal_comes_before_the_wait()
    {
        var time = new ManualTimeProvider();
        await using var hv = Slow(time);
        var (id, snapshot) = await PrepareAsync(hv, time);

        var calls = new Task[]
        {
            hv.ChangeStateAsync(id, StateTransition.Resume, None).AsTask(),
            hv.ChangeStateAsync(Guid.NewGuid(), StateTransition.Start, None).AsTask(),
            hv.DefineSystemAsync(Systems.Definition("vm"), None).AsTask(),
            hv.UpdateDefinitionAsync(id, Systems.Definition("renamed"), None).AsTask(),
            hv.ApplySnapshotAsync(id, "nope", None).AsTask(),
            hv.DeleteSnapshotAsync(id, "nope", None).AsTask(),
        };

        Assert.All(calls, call => Assert.True(call.IsFaulted));
        Assert.Equal(
            [HypervisorError.InvalidState, HypervisorError.NotFound, HypervisorError.AlreadyExists, HypervisorError.InvalidArgument, HypervisorError.NotFound, HypervisorError.NotFound],
            calls.Select(c => ((HypervisorException)c.Exception!.InnerException!).Error));
        Assert.Equal(0, time.PendingTimers);
        Assert.NotNull(snapshot);
    }

    [Fact]
    public async Task Changes_to_different_systems_wait_at_the_same_time()
    {
        var time = new ManualTimeProvider();
        await using var hv = Slow(time);
        var a = hv.DefineSystemAsync(Systems.Definition("a"), None).AsTask();
        var b = hv.DefineSystemAsync(Systems.Definition("b"), None).AsTask();
        var c = hv.DefineSystemAsync(Systems.Definition("c"), None).AsTask();

        // All three wait at once: none holds the write lock while it waits.
        await time.WaitForTimersAsync(3);
        Assert.Equal(0, hv.Count);
        time.Advance(Latency);

        var defined = await Task.WhenAll(a, b, c).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["a", "b", "c"], defined.Select(s => s.Definition.Name));
        Assert.Equal(3, hv.Count);
    }

    [Fact]
    public async Task Changes_that_conflict_while_waiting_are_checked_again_at_commit()
    {
        var time = new ManualTimeProvider();
        await using var hv = Slow(time);
        var first = hv.DefineSystemAsync(Systems.Definition("same"), None).AsTask();
        var second = hv.DefineSystemAsync(Systems.Definition("same"), None).AsTask();
        await time.WaitForTimersAsync(2);

        time.Advance(Latency);

        var outcomes = await Task.WhenAll(new[] { first, second }.Select(async t =>
        {
            try { return (await t).Definition.Name; }
            catch (HypervisorException e) { return e.Error.ToString(); }
        }));
        Assert.Equal(["AlreadyExists", "same"], outcomes.Order(StringComparer.Ordinal));
        Assert.Equal(1, hv.Count);
    }

    [Fact]
    public async Task With_the_real_clock_a_change_takes_at_least_the_latency()
    {
        await using var hv = Systems.Simulator(options: new SimulatorOptions { OperationLatency = TimeSpan.FromMilliseconds(100) });
        var clock = Stopwatch.StartNew();

        await hv.DefineSystemAsync(Systems.Definition("slow"), None);

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(95), $"The define took {clock.Elapsed}.");
    }

    [Fact]
    public void A_negative_latency_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Systems.Simulator(options: new SimulatorOptions { OperationLatency = TimeSpan.FromSeconds(-1) }));
    }
}
