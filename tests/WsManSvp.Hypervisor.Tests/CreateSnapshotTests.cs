using WsManSvp.Hypervisor.Simulator;

namespace WsManSvp.Hypervisor.Tests;

public sealed class CreateSnapshotTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(SystemState.Running, SnapshotKind.Full)]
    [InlineData(SystemState.Paused, SnapshotKind.Full)]
    [InlineData(SystemState.Off, SnapshotKind.Full)]
    [InlineData(SystemState.Running, SnapshotKind.DiskOnly)]
    [InlineData(SystemState.Off, SnapshotKind.DiskOnly)]
    public async Task A_snapshot_captures_state_and_definition_named_by_its_creation_time_and_becomes_current(SystemState state, SnapshotKind kind)
    {
        var time = new ManualTimeProvider();
        await using var hv = Systems.Simulator(time);
        var vm = await Systems.InStateAsync(hv, state);
        time.Advance(TimeSpan.FromMinutes(3));

        var snapshot = await hv.CreateSnapshotAsync(vm.Id, kind, "before the upgrade", None);

        Assert.Equal(time.GetUtcNow().ToUnixTimeSeconds().ToString(), snapshot.Name);
        Assert.Equal((vm.Id, (string?)null, time.GetUtcNow()), (snapshot.SystemId, snapshot.Parent, snapshot.CreationTime));
        Assert.Equal((kind, state, "before the upgrade"), (snapshot.Kind, snapshot.State, snapshot.Description));
        Assert.Same(vm.Definition, snapshot.Definition);
        var tree = await hv.ListSnapshotsAsync(vm.Id, None);
        Assert.Equal([snapshot], tree.Snapshots);
        Assert.Equal((snapshot.Name, (string?)null), (tree.Current, tree.LastApplied));
        Assert.Equal(vm, await hv.GetSystemAsync(vm.Id, None));
    }

    [Fact]
    public async Task An_active_system_snapshot_captures_what_runs_not_the_definition_edited_since_the_start()
    {
        await using var hv = Systems.Simulator();
        var vm = await Systems.InStateAsync(hv, SystemState.Running);
        var edited = await hv.UpdateDefinitionAsync(vm.Id, vm.Definition with { VirtualCpus = 8 }, None);

        var snapshot = await hv.CreateSnapshotAsync(vm.Id, SnapshotKind.Full, null, None);

        Assert.Same(edited.ActiveDefinition, snapshot.Definition);
        Assert.Equal(1, snapshot.Definition.VirtualCpus);
        Assert.Null(snapshot.Description);
    }

    [Fact]
    public async Task Each_snapshot_is_the_child_of_the_current_one_and_names_taken_in_one_second_get_a_suffix()
    {
        var time = new ManualTimeProvider();
        await using var hv = Systems.Simulator(time);
        var vm = await Systems.InStateAsync(hv, SystemState.Running);
        var second = time.GetUtcNow().ToUnixTimeSeconds();

        var a = await hv.CreateSnapshotAsync(vm.Id, SnapshotKind.Full, null, None);
        var b = await hv.CreateSnapshotAsync(vm.Id, SnapshotKind.DiskOnly, null, None);
        time.Advance(TimeSpan.FromMilliseconds(999));
        var c = await hv.CreateSnapshotAsync(vm.Id, SnapshotKind.Full, null, None);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var d = await hv.CreateSnapshotAsync(vm.Id, SnapshotKind.Full, null, None);

        Assert.Equal([$"{second}", $"{second}-2", $"{second}-3", $"{second + 1}"], new[] { a, b, c, d }.Select(s => s.Name));
        Assert.Equal([null, a.Name, b.Name, c.Name], new[] { a, b, c, d }.Select(s => s.Parent));
        var tree = await hv.ListSnapshotsAsync(vm.Id, None);
        Assert.Equal([a.Name, b.Name, c.Name, d.Name], tree.Snapshots.Select(s => s.Name));
        Assert.Equal(d.Name, tree.Current);
    }

    [Fact]
    public async Task A_deleted_name_may_be_given_again_but_never_a_name_that_exists()
    {
        var time = new ManualTimeProvider();
        await using var hv = Systems.Simulator(time);
        var vm = await Systems.InStateAsync(hv, SystemState.Off);
        var a = await hv.CreateSnapshotAsync(vm.Id, SnapshotKind.Full, null, None);
        var b = await hv.CreateSnapshotAsync(vm.Id, SnapshotKind.Full, null, None);
        await hv.DeleteSnapshotAsync(vm.Id, a.Name, None);

        var c = await hv.CreateSnapshotAsync(vm.Id, SnapshotKind.Full, null, None);
        var d = await hv.CreateSnapshotAsync(vm.Id, SnapshotKind.Full, null, None);

        Assert.Equal(a.Name, c.Name);
        Assert.Equal(a.Name + "-3", d.Name);
        Assert.Equal([b.Name, c.Name, d.Name], (await hv.ListSnapshotsAsync(vm.Id, None)).Snapshots.Select(s => s.Name));
    }

    [Fact]
    public async Task A_saved_system_is_not_captured()
    {
        await using var hv = Systems.Simulator();
        var vm = await Systems.InStateAsync(hv, SystemState.Saved);

        var e = await Assert.ThrowsAsync<HypervisorException>(() => hv.CreateSnapshotAsync(vm.Id, SnapshotKind.Full, null, None).AsTask());

        Assert.Equal(HypervisorError.InvalidState, e.Error);
        Assert.Contains("Saved", e.Message);
        Assert.Empty((await hv.ListSnapshotsAsync(vm.Id, None)).Snapshots);
    }

    [Theory]
    [InlineData(SystemState.Starting)]
    [InlineData(SystemState.ShuttingDown)]
    [InlineData(SystemState.Crashed)]
    public async Task A_system_starting_shutting_down_or_crashed_is_not_captured(SystemState state)
    {
        using var directory = new TempStateDirectory();
        var id = await StoredStates.DefineAloneAsync(directory);
        await StoredStates.ForceAsync(directory, id, state);
        await using var database = directory.OpenDatabase();
        await using var hv = await TempStateDirectory.OpenSimulatorAsync(database);
        Assert.Equal(state, (await hv.GetSystemAsync(id, None))!.State);

        var e = await Assert.ThrowsAsync<HypervisorException>(() => hv.CreateSnapshotAsync(id, SnapshotKind.DiskOnly, null, None).AsTask());

        Assert.Equal(HypervisorError.InvalidState, e.Error);
        Assert.Contains(state.ToString(), e.Message);
        Assert.Empty((await hv.ListSnapshotsAsync(id, None)).Snapshots);
    }

    [Fact]
    public async Task The_default_host_takes_both_kinds()
    {
        await using var hv = Systems.Simulator();

        Assert.Equal([SnapshotKind.Full, SnapshotKind.DiskOnly], (await hv.GetHostInfoAsync(None)).SnapshotKinds);
    }

    [Fact]
    public async Task A_kind_the_options_leave_out_is_NotSupported_and_the_host_info_says_which_kinds_are_taken()
    {
        await using var hv = Systems.Simulator(options: new SimulatorOptions { SnapshotKinds = [SnapshotKind.Full] });
        var vm = await Systems.InStateAsync(hv, SystemState.Running);

        var e = await Assert.ThrowsAsync<HypervisorException>(() => hv.CreateSnapshotAsync(vm.Id, SnapshotKind.DiskOnly, null, None).AsTask());

        Assert.Equal(HypervisorError.NotSupported, e.Error);
        Assert.Contains("DiskOnly", e.Message);
        Assert.Equal([SnapshotKind.Full], (await hv.GetHostInfoAsync(None)).SnapshotKinds);
        Assert.Empty((await hv.ListSnapshotsAsync(vm.Id, None)).Snapshots);
        Assert.Equal(SnapshotKind.Full, (await hv.CreateSnapshotAsync(vm.Id, SnapshotKind.Full, null, None)).Kind);
    }

    [Fact]
    public async Task A_host_that_takes_no_snapshots_refuses_every_kind()
    {
        await using var hv = Systems.Simulator(options: new SimulatorOptions { SnapshotKinds = [] });
        var vm = await Systems.InStateAsync(hv, SystemState.Off);

        foreach (var kind in Enum.GetValues<SnapshotKind>())
            Assert.Equal(HypervisorError.NotSupported,
                (await Assert.ThrowsAsync<HypervisorException>(() => hv.CreateSnapshotAsync(vm.Id, kind, null, None).AsTask())).Error);
        Assert.Empty((await hv.GetHostInfoAsync(None)).SnapshotKinds);
    }

    [Fact]
    public async Task Taking_a_snapshot_publishes_no_event_as_the_system_does_not_change()
    {
        await using var hv = Systems.Simulator();
        var vm = await Systems.InStateAsync(hv, SystemState.Running);
        await using var watcher = new EventWatcher(hv);

        await hv.CreateSnapshotAsync(vm.Id, SnapshotKind.Full, null, None);

        var marker = await hv.DefineSystemAsync(Systems.Definition("marker"), None);
        Assert.Equal(marker.Id, (await watcher.NextAsync()).SystemId);
    }

    [Fact]
    public async Task Snapshots_of_an_unknown_system_are_NotFound()
    {
        await using var hv = Systems.Simulator();
        var id = Guid.NewGuid();

        var create = await Assert.ThrowsAsync<HypervisorException>(() => hv.CreateSnapshotAsync(id, SnapshotKind.Full, null, None).AsTask());
        var list = await Assert.ThrowsAsync<HypervisorException>(() => hv.ListSnapshotsAsync(id, None).AsTask());

        Assert.Equal((HypervisorError.NotFound, HypervisorError.NotFound), (create.Error, list.Error));
        Assert.Contains(id.ToString(), create.Message);
    }

    [Fact]
    public async Task Undefining_a_system_deletes_its_snapshots()
    {
        await using var hv = Systems.Simulator();
        var vm = await Systems.InStateAsync(hv, SystemState.Off);
        await hv.CreateSnapshotAsync(vm.Id, SnapshotKind.Full, null, None);

        await hv.UndefineSystemAsync(vm.Id, None);
        await hv.DefineSystemAsync(vm.Definition, None);

        Assert.Equal(SnapshotTree.Empty, await hv.ListSnapshotsAsync(vm.Id, None));
    }
}
