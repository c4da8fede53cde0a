namespace WsManSvp.Hypervisor.Libvirt.Tests;

public sealed class EventTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Define_update_and_undefine_are_announced_once_each_in_order_and_an_update_changing_nothing_is_not()
    {
        await using var host = await TestHost.OpenAsync();
        var hv = host.Hypervisor;
        await using var watcher = new EventWatcher(hv);

        var defined = await hv.DefineSystemAsync(TestHost.Definition(), None);
        var updated = await hv.UpdateDefinitionAsync(defined.Id, defined.Definition with { MemoryMiB = 1024 }, None);
        var same = await hv.UpdateDefinitionAsync(defined.Id, updated.Definition, None);
        await hv.UndefineSystemAsync(defined.Id, None);

        var events = await watcher.NextAsync(3);
        Assert.Equal([HypervisorEventKind.Defined, HypervisorEventKind.ConfigurationChanged, HypervisorEventKind.Undefined],
            events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal(defined.Id, e.SystemId));
        Assert.Null(events[0].Previous);
        Assert.Equal(Systems.Content(defined), Systems.Content(events[0].Current));
        Assert.Equal(Systems.Content(defined), Systems.Content(events[1].Previous));
        Assert.Equal(Systems.Content(updated), Systems.Content(events[1].Current));
        Assert.Equal(Systems.Content(same), Systems.Content(events[2].Previous));
        Assert.Null(events[2].Current);
        Assert.True(await watcher.QuietAsync());
    }

    [Fact]
    public async Task A_change_made_behind_the_backends_back_is_announced_from_libvirts_event()
    {
        await using var host = await TestHost.OpenAsync();
        var hv = host.Hypervisor;
        var running = await host.InStateAsync(SystemState.Running);
        await using var watcher = new EventWatcher(hv);

        // Another libvirt client pauses the domain: only libvirt's lifecycle event tells.
        var rc = await hv.Connection.CallAsync(conn =>
        {
            using var domain = Native.Virt.DomainLookupByUuidString(conn, running.Id.ToString());
            return Native.Virt.DomainSuspend(domain);
        }, None);
        Assert.Equal(0, rc);
        Assert.Equal(SystemState.Paused, (await hv.GetSystemAsync(running.Id, None))!.State);

        var e = await watcher.NextAsync();
        Assert.Equal(HypervisorEventKind.StateChanged, e.Kind);
        Assert.Equal(running.Id, e.SystemId);
        Assert.Equal(SystemState.Running, e.Previous!.State);
        Assert.Equal(SystemState.Paused, e.Current!.State);
        Assert.True(await watcher.QuietAsync());
    }

    [Fact]
    public async Task Passing_states_during_a_held_operation_are_not_announced_only_the_net_change_after_it()
    {
        await using var host = await TestHost.OpenAsync();
        var hv = host.Hypervisor;
        var running = await host.InStateAsync(SystemState.Running);
        await using var watcher = new EventWatcher(hv);

        // As a QEMU snapshot does: the domain is paused and resumed while the operation runs, then paused for good.
        var held = hv.Tracker.Hold(running.Id);
        foreach (var suspend in new[] { true, false, true })
            await hv.Connection.CallAsync(conn =>
            {
                using var domain = Native.Virt.DomainLookupByUuidString(conn, running.Id.ToString());
                return suspend ? Native.Virt.DomainSuspend(domain) : Native.Virt.DomainResume(domain);
            }, None);
        Assert.True(await watcher.QuietAsync(500));
        held.Dispose();
        await hv.Tracker.AfterAsync(ObservationCause.Operation, running.Id, seen: null);

        var e = await watcher.NextAsync();
        Assert.Equal((HypervisorEventKind.StateChanged, SystemState.Running, SystemState.Paused), (e.Kind, e.Previous!.State, e.Current!.State));
        Assert.True(await watcher.QuietAsync());
    }

    [Fact]
    public async Task Back_to_back_state_changes_are_announced_once_each_in_order()
    {
        await using var host = await TestHost.OpenAsync();
        var hv = host.Hypervisor;
        var running = await host.InStateAsync(SystemState.Running);
        await using var watcher = new EventWatcher(hv);

        // Each operation hands the tracker its own read while libvirt's events of the earlier ones are still queued.
        const int Cycles = 10;
        for (var i = 0; i < Cycles; i++)
        {
            Assert.Equal(SystemState.Paused, (await hv.ChangeStateAsync(running.Id, StateTransition.Pause, None)).State);
            Assert.Equal(SystemState.Running, (await hv.ChangeStateAsync(running.Id, StateTransition.Resume, None)).State);
        }

        var events = await watcher.NextAsync(2 * Cycles);
        Assert.All(events, e => Assert.Equal(HypervisorEventKind.StateChanged, e.Kind));
        Assert.Equal(Enumerable.Range(0, 2 * Cycles).Select(i => i % 2 == 0 ? (SystemState.Running, SystemState.Paused) : (SystemState.Paused, SystemState.Running)),
            events.Select(e => (e.Previous!.State, e.Current!.State)));
        Assert.True(await watcher.QuietAsync());
    }

    [Fact]
    public async Task Reboots_queued_together_are_announced_each()
    {
        await using var host = await TestHost.OpenAsync();
        var hv = host.Hypervisor;
        var running = await host.InStateAsync(SystemState.Running);
        await using var watcher = new EventWatcher(hv);

        await Task.WhenAll(hv.ChangeStateAsync(running.Id, StateTransition.Reboot, None).AsTask(),
            hv.ChangeStateAsync(running.Id, StateTransition.Reset, None).AsTask());

        var events = await watcher.NextAsync(2);
        Assert.All(events, e => Assert.Equal((HypervisorEventKind.StateChanged, SystemState.Running, SystemState.Running),
            (e.Kind, e.Previous!.State, e.Current!.State)));
        Assert.True(await watcher.QuietAsync());
    }

    [Fact]
    public async Task The_stream_ends_when_the_backend_is_disposed()
    {
        var host = await TestHost.OpenAsync();
        var watcher = new EventWatcher(host.Hypervisor);

        await host.DisposeAsync();

        Assert.True(await watcher.EndedAsync());
        await watcher.DisposeAsync();
    }
}
