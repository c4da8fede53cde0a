namespace WsManSvp.Hypervisor.Tests;

public sealed class ApplySnapshotTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Takes a snapshot of a system in <paramref name="captured"/>, then edits its definition and takes it to <paramref name="now"/>.</summary>
    private static async Task<(VirtualSystem System, SystemSnapshot Snapshot)> DivergedAsync(
        IHypervisor hv, SystemState captured, SnapshotKind kind, SystemState now)
    {
        var vm = await Systems.InStateAsync(hv, captured);
        var snapshot = await hv.CreateSnapshotAsync(vm.Id, kind, null, None);
        if (vm.State != SystemState.Off) await hv.ChangeStateAsync(vm.Id, StateTransition.PowerOff, None);
        await hv.UpdateDefinitionAsync(vm.Id, vm.Definition with { VirtualCpus = 6, Description = "edited" }, None);
        StateTransition[] path = now switch
        {
            SystemState.Off => [],
            SystemState.Running => [StateTransition.Start],
            SystemState.Paused => [StateTransition.Start, StateTransition.Pause],
            _ => [StateTransition.Start, StateTransition.Save],
        };
        foreach (var transition in path) await hv.ChangeStateAsync(vm.Id, transition, None);
        var system = (await hv.GetSystemAsync(vm.Id, None))!;
        Assert.Equal((now, 6), (system.State, system.Definition.VirtualCpus));
        return (system, snapshot);
    }

    public static TheoryData<SystemState, SnapshotKind, SystemState, SystemState> Outcomes => new()
    {
        // captured, kind, state when applied, state after
        { SystemState.Running, SnapshotKind.Full, SystemState.Off, SystemState.Running },
        { SystemState.Running, SnapshotKind.Full, SystemState.Running, SystemState.Running },
        { SystemState.Running, SnapshotKind.Full, SystemState.Saved, SystemState.Running },
        { SystemState.Paused, SnapshotKind.Full, SystemState.Running, SystemState.Paused },
        { SystemState.Paused, SnapshotKind.Full, SystemState.Off, SystemState.Paused },
        { SystemState.Off, SnapshotKind.Full, SystemState.Running, SystemState.Off },
        { SystemState.Off, SnapshotKind.Full, SystemState.Saved, SystemState.Off },
        { SystemState.Running, SnapshotKind.DiskOnly, SystemState.Off, SystemState.Off },
        { SystemState.Running, SnapshotKind.DiskOnly, SystemState.Running, SystemState.Running },
        { SystemState.Off, SnapshotKind.DiskOnly, SystemState.Paused, SystemState.Running },
        { SystemState.Off, SnapshotKind.DiskOnly, SystemState.Running, SystemState.Running },
        { SystemState.Running, SnapshotKind.DiskOnly, SystemState.Saved, SystemState.Off },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task Applying_restores_the_definition_and_leaves_the_state_libvirt_would(
        SystemState captured, SnapshotKind kind, SystemState before, SystemState after)
    {
        var time = new ManualTimeProvider();
        await using var hv = Systems.Simulator(time);
        var (vm, snapshot) = await DivergedAsync(hv, captured, kind, before);
        time.Advance(TimeSpan.FromMinutes(10));

        var applied = await hv.ApplySnapshotAsync(vm.Id, snapshot.Name, None);

        Assert.Equal(after, applied.State);
        Assert.Same(snapshot.Definition, applied.Definition);
        Assert.Equal(1, applied.Definition.VirtualCpus);
        // An active system runs the snapshot's definition; a stopped one runs nothing, a saved image is dropped.
        if (after is SystemState.Running or SystemState.Paused) Assert.Same(snapshot.Definition, applied.ActiveDefinition);
        else Assert.Null(applied.ActiveDefinition);
        Assert.Equal(after == before ? vm.TimeOfLastStateChange : time.GetUtcNow(), applied.TimeOfLastStateChange);
        Assert.Equal(applied, await hv.GetSystemAsync(vm.Id, None));
        var tree = await hv.ListSnapshotsAsync(vm.Id, None);
        Assert.Equal((snapshot.Name, snapshot.Name), (tree.Current, tree.LastApplied));
    }

    [Fact]
    public async Task A_revert_that_changes_definition_and_state_announces_ConfigurationChanged_then_StateChanged()
    {
        var time = new ManualTimeProvider();
        await using var hv = Systems.Simulator(time);
        var (vm, snapshot) = await DivergedAsync(hv, SystemState.Running, SnapshotKind.Full, SystemState.Off);
        await using var watcher = new EventWatcher(hv);

        var applied = await hv.ApplySnapshotAsync(vm.Id, snapshot.Name, None);

        var events = await watcher.NextAsync(2);
        Assert.Equal([HypervisorEventKind.ConfigurationChanged, HypervisorEventKind.StateChanged], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal((vm.Id, vm, applied, time.GetUtcNow()), (e.SystemId, e.Previous!, e.Current!, e.Time)));
    }

    [Fact]
    public async Task A_revert_of_a_running_system_to_what_it_runs_changes_nothing_and_announces_nothing()
    {
        await using var hv = Systems.Simulator();
        var vm = await Systems.InStateAsync(hv, SystemState.Running);
        var snapshot = await hv.CreateSnapshotAsync(vm.Id, SnapshotKind.Full, null, None);
        await using var watcher = new EventWatcher(hv);

        var applied = await hv.ApplySnapshotAsync(vm.Id, snapshot.Name, None);

        Assert.Equal(vm, applied);
        var marker = await hv.DefineSystemAsync(Systems.Definition("marker"), None);
        Assert.Equal(marker.Id, (await watcher.NextAsync()).SystemId);
    }

    [Fact]
    public async Task A_disk_only_revert_of_a_running_system_announces_only_ConfigurationChanged()
    {
        await using var hv = Systems.Simulator();
        var vm = await Systems.InStateAsync(hv, SystemState.Off);
        var snapshot = await hv.CreateSnapshotAsync(vm.Id, SnapshotKind.DiskOnly, null, None);
        await hv.UpdateDefinitionAsync(vm.Id, vm.Definition with { MemoryMiB = 2048 }, None);
        var running = await hv.ChangeStateAsync(vm.Id, StateTransition.Start, None);
        await using var watcher = new EventWatcher(hv);

        var applied = await hv.ApplySnapshotAsync(vm.Id, snapshot.Name, None);

        var e = await watcher.NextAsync();
        Assert.Equal((HypervisorEventKind.ConfigurationChanged, running, applied), (e.Kind, e.Previous!, e.Current!));
        Assert.Equal((SystemState.Running, 512L), (applied.State, applied.ActiveDefinition!.MemoryMiB));
        var marker = await hv.DefineSystemAsync(Systems.Definition("marker"), None);
        Assert.Equal(marker.Id, (await watcher.NextAsync()).SystemId);
    }

    [Theory]
    [InlineData(SystemState.Starting)]
    [InlineData(SystemState.ShuttingDown)]
    public async Task A_system_starting_or_shutting_down_is_not_reverted(SystemState state)
    {
        using var directory = new TempStateDirectory();
        string name = "";
        var id = await StoredStates.DefineAloneAsync(directory, async (hv, vm) =>
            name = (await hv.CreateSnapshotAsync(vm, SnapshotKind.Full, null, None)).Name);
        await StoredStates.ForceAsync(directory, id, state);
        await using var database = directory.OpenDatabase();
        await using var hv = await TempStateDirectory.OpenSimulatorAsync(database);
        var before = await hv.GetSystemAsync(id, None);

        var e = await Assert.ThrowsAsync<HypervisorException>(() => hv.ApplySnapshotAsync(id, name, None).AsTask());

        Assert.Equal(HypervisorError.InvalidState, e.Error);
        Assert.Contains(state.ToString(), e.Message);
        Assert.Equal(before, await hv.GetSystemAsync(id, None));
        Assert.Null((await hv.ListSnapshotsAsync(id, None)).LastApplied);
    }

    [Fact]
    public async Task A_crashed_system_is_reverted_to_the_state_captured()
    {
        using var directory = new TempStateDirectory();
        string name = "";
        var id = await StoredStates.DefineAloneAsync(directory, async (hv, vm) =>
        {
            await hv.ChangeStateAsync(vm, StateTransition.Start, None);
            name = (await hv.CreateSnapshotAsync(vm, SnapshotKind.Full, null, None)).Name;
            await hv.ChangeStateAsync(vm, StateTransition.PowerOff, None);
        });
        await StoredStates.ForceAsync(directory, id, SystemState.Crashed);
        await using var database = directory.OpenDatabase();
        await using var hv = await TempStateDirectory.OpenSimulatorAsync(database);

        var applied = await hv.ApplySnapshotAsync(id, name, None);

        Assert.Equal(SystemState.Running, applied.State);
        Assert.NotNull(applied.ActiveDefinition);
    }

    [Fact]
    public async Task An_unknown_snapshot_or_system_is_NotFound()
    {
        await using var hv = Systems.Simulator();
        var vm = await Systems.InStateAsync(hv, SystemState.Off);
        var id = Guid.NewGuid();

        var noSnapshot = await Assert.ThrowsAsync<HypervisorException>(() => hv.ApplySnapshotAsync(vm.Id, "nope", None).AsTask());
        var noSystem = await Assert.ThrowsAsync<HypervisorException>(() => hv.ApplySnapshotAsync(id, "nope", None).AsTask());

        Assert.Equal((HypervisorError.NotFound, HypervisorError.NotFound), (noSnapshot.Error, noSystem.Error));
        Assert.Contains("'nope'", noSnapshot.Message);
        Assert.Contains(id.ToString(), noSystem.Message);
    }
}
