namespace WsManSvp.Hypervisor.Tests;

public sealed class EventTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_lifecycle_is_reported_in_order_with_the_system_before_and_after_each_change()
    {
        var time = new ManualTimeProvider();
        await using var hv = Systems.Simulator(time);
        await using var watcher = new EventWatcher(hv);

        var defined = await hv.DefineSystemAsync(Systems.Definition("ev"), None);
        time.Advance(TimeSpan.FromSeconds(1));
        var running = await hv.ChangeStateAsync(defined.Id, StateTransition.Start, None);
        time.Advance(TimeSpan.FromSeconds(1));
        var off = await hv.ChangeStateAsync(defined.Id, StateTransition.PowerOff, None);
        time.Advance(TimeSpan.FromSeconds(1));
        await hv.UndefineSystemAsync(defined.Id, None);

        var events = await watcher.NextAsync(4);
        Assert.Equal(
            [HypervisorEventKind.Defined, HypervisorEventKind.StateChanged, HypervisorEventKind.StateChanged, HypervisorEventKind.Undefined],
            events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal(defined.Id, e.SystemId));
        Assert.Equal((null, defined), (events[0].Previous, events[0].Current));
        Assert.Equal((defined, running), (events[1].Previous, events[1].Current));
        Assert.Equal((running, off), (events[2].Previous, events[2].Current));
        Assert.Equal((off, null), (events[3].Previous, events[3].Current));
        Assert.Equal(time.GetUtcNow(), events[3].Time);
        Assert.True(events.Zip(events.Skip(1)).All(p => p.First.Time < p.Second.Time));
    }

    [Fact]
    public async Task A_watcher_started_later_sees_only_the_events_after_it_started()
    {
        await using var hv = Systems.Simulator();
        await using var early = new EventWatcher(hv);
        var first = await hv.DefineSystemAsync(Systems.Definition("first"), None);
        Assert.Equal(first.Id, (await early.NextAsync()).SystemId);

        await using var late = new EventWatcher(hv);
        var second = await hv.DefineSystemAsync(Systems.Definition("second"), None);

        var seenLate = await late.NextAsync();
        Assert.Equal(second.Id, seenLate.SystemId);
        Assert.Equal(HypervisorEventKind.Defined, seenLate.Kind);
        Assert.Equal(second.Id, (await early.NextAsync()).SystemId);
    }

    [Fact]
    public async Task Every_watcher_gets_every_event()
    {
        await using var hv = Systems.Simulator();
        await using var a = new EventWatcher(hv);
        await using var b = new EventWatcher(hv);

        var vm = await Systems.InStateAsync(hv, SystemState.Paused);

        var expected = new[] { HypervisorEventKind.Defined, HypervisorEventKind.StateChanged, HypervisorEventKind.StateChanged };
        Assert.Equal(expected, (await a.NextAsync(3)).Select(e => e.Kind));
        var fromB = await b.NextAsync(3);
        Assert.Equal(expected, fromB.Select(e => e.Kind));
        Assert.Equal(vm, fromB[2].Current);
    }

    [Fact]
    public async Task Disposing_the_hypervisor_ends_every_watch_after_the_events_already_published()
    {
        var hv = Systems.Simulator();
        await using var watcher = new EventWatcher(hv);
        var vm = await hv.DefineSystemAsync(Systems.Definition("last"), None);

        await hv.DisposeAsync();

        Assert.Equal(vm.Id, (await watcher.NextAsync()).SystemId);
        Assert.True(await watcher.EndedAsync());
    }

    [Fact]
    public async Task A_watch_begun_after_disposal_ends_at_once()
    {
        var hv = Systems.Simulator();
        await hv.DisposeAsync();

        await using var watcher = new EventWatcher(hv);

        Assert.True(await watcher.EndedAsync());
    }

    [Fact]
    public async Task Cancelling_a_watch_ends_it_with_OperationCanceled_and_the_hypervisor_carries_on()
    {
        await using var hv = Systems.Simulator();
        var watcher = new EventWatcher(hv);
        await using var other = new EventWatcher(hv);

        var outcome = await watcher.CancelAsync();
        await watcher.DisposeAsync();
        var vm = await hv.DefineSystemAsync(Systems.Definition("after"), None);

        Assert.IsAssignableFrom<OperationCanceledException>(outcome);
        Assert.Equal(vm.Id, (await other.NextAsync()).SystemId);
    }
}
