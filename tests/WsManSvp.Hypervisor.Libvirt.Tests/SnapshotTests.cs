namespace WsManSvp.Hypervisor.Libvirt.Tests;

public sealed class SnapshotTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_host_takes_full_snapshots_only()
    {
        await using var host = await TestHost.OpenAsync();
        var system = await host.InStateAsync(SystemState.Running);

        Assert.Equal([SnapshotKind.Full], (await host.Hypervisor.GetHostInfoAsync(None)).SnapshotKinds);
        var e = await Assert.ThrowsAsync<HypervisorException>(() =>
            host.Hypervisor.CreateSnapshotAsync(system.Id, SnapshotKind.DiskOnly, null, None).AsTask());
        Assert.Equal(HypervisorError.NotSupported, e.Error);
    }

    [Fact]
    public async Task Snapshots_form_a_tree_with_the_current_and_last_applied_one()
    {
        await using var host = await TestHost.OpenAsync();
        var hv = host.Hypervisor;
        var system = await host.InStateAsync(SystemState.Running);

        var a = await hv.CreateSnapshotAsync(system.Id, SnapshotKind.Full, "first", None);
        var b = await hv.CreateSnapshotAsync(system.Id, SnapshotKind.Full, null, None);
        await hv.ChangeStateAsync(system.Id, StateTransition.PowerOff, None);

        Assert.Null(a.Parent);
        Assert.Equal(a.Name, b.Parent);
        Assert.Equal("first", a.Description);
        Assert.Equal(SystemState.Running, a.State);
        Assert.Equal(SnapshotKind.Full, a.Kind);
        Assert.Equal(system.Definition.Name, a.Definition.Name);
        Assert.NotEqual(a.Name, b.Name);
        var tree = await hv.ListSnapshotsAsync(system.Id, None);
        Assert.Equal([a.Name, b.Name], tree.Snapshots.Select(s => s.Name));
        Assert.Equal(b.Name, tree.Current);
        Assert.Null(tree.LastApplied);

        var reverted = await hv.ApplySnapshotAsync(system.Id, a.Name, None);

        Assert.Equal(SystemState.Running, reverted.State);
        tree = await hv.ListSnapshotsAsync(system.Id, None);
        Assert.Equal(a.Name, tree.Current);
        Assert.Equal(a.Name, tree.LastApplied);
        var c = await hv.CreateSnapshotAsync(system.Id, SnapshotKind.Full, null, None);
        Assert.Equal(a.Name, c.Parent);

        await hv.DeleteSnapshotAsync(system.Id, a.Name, None);

        tree = await hv.ListSnapshotsAsync(system.Id, None);
        Assert.Equal([b.Name, c.Name], tree.Snapshots.Select(s => s.Name));
        Assert.All(tree.Snapshots, s => Assert.Null(s.Parent));
        Assert.Null(tree.LastApplied);
        Assert.Equal(c.Name, tree.Current);
    }

    [Fact]
    public async Task Applying_a_snapshot_of_an_off_system_stops_a_running_one_and_is_announced()
    {
        await using var host = await TestHost.OpenAsync();
        var hv = host.Hypervisor;
        var off = await host.InStateAsync(SystemState.Off);
        var snapshot = await hv.CreateSnapshotAsync(off.Id, SnapshotKind.Full, null, None);
        var running = await hv.ChangeStateAsync(off.Id, StateTransition.Start, None);
        await using var watcher = new EventWatcher(hv);

        var reverted = await hv.ApplySnapshotAsync(off.Id, snapshot.Name, None);

        Assert.Equal(SystemState.Off, reverted.State);
        Assert.Null(reverted.ActiveDefinition);
        var e = await watcher.NextAsync();
        Assert.Equal(HypervisorEventKind.StateChanged, e.Kind);
        Assert.Equal(Systems.Content(running), Systems.Content(e.Previous));
        Assert.Equal(Systems.Content(reverted), Systems.Content(e.Current));
    }

    [Fact]
    public async Task A_saved_system_applied_a_snapshot_loses_its_saved_image()
    {
        await using var host = await TestHost.OpenAsync();
        var hv = host.Hypervisor;
        var off = await host.InStateAsync(SystemState.Off);
        var snapshot = await hv.CreateSnapshotAsync(off.Id, SnapshotKind.Full, null, None);
        await hv.ChangeStateAsync(off.Id, StateTransition.Start, None);
        await hv.ChangeStateAsync(off.Id, StateTransition.Save, None);

        var reverted = await hv.ApplySnapshotAsync(off.Id, snapshot.Name, None);

        Assert.Equal(SystemState.Off, reverted.State);
    }

    [Fact]
    public async Task A_snapshot_unknown_is_NotFound()
    {
        await using var host = await TestHost.OpenAsync();
        var system = await host.InStateAsync(SystemState.Off);

        var apply = await Assert.ThrowsAsync<HypervisorException>(() => host.Hypervisor.ApplySnapshotAsync(system.Id, "nope", None).AsTask());
        var delete = await Assert.ThrowsAsync<HypervisorException>(() => host.Hypervisor.DeleteSnapshotAsync(system.Id, "nope", None).AsTask());

        Assert.Equal(HypervisorError.NotFound, apply.Error);
        Assert.Equal($"System '{system.Definition.Name}' has no snapshot named 'nope'.", apply.Message);
        Assert.Equal(HypervisorError.NotFound, delete.Error);
    }

    [Fact]
    public async Task A_saved_system_cannot_be_captured()
    {
        await using var host = await TestHost.OpenAsync();
        var system = await host.InStateAsync(SystemState.Saved);

        var e = await Assert.ThrowsAsync<HypervisorException>(() =>
            host.Hypervisor.CreateSnapshotAsync(system.Id, SnapshotKind.Full, null, None).AsTask());

        Assert.Equal(HypervisorError.InvalidState, e.Error);
        Assert.Contains("Saved", e.Message);
    }
}
