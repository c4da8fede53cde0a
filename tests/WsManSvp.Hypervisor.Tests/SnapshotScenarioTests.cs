namespace WsManSvp.Hypervisor.Tests;

/// <summary>DSP1042 9.4, the sequence of events behind its Figure 6.</summary>
public sealed class SnapshotScenarioTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Figure_6_S1_taken_and_applied_a_disk_added_S2_taken_as_a_child_of_S1_and_applied()
    {
        var time = new ManualTimeProvider();
        await using var hv = Systems.Simulator(time);
        // 1) At T0, VS1 is defined with one memory extent, one processor and one disk; 2) it is activated.
        var vs1 = await hv.DefineSystemAsync(Systems.Definition("VS1"), None);
        await hv.ChangeStateAsync(vs1.Id, StateTransition.Start, None);

        // 3) At T1, a full snapshot S1; 4) the system stays active and changes.
        time.Advance(TimeSpan.FromMinutes(1));
        var s1 = await hv.CreateSnapshotAsync(vs1.Id, SnapshotKind.Full, "S1", None);
        await hv.UpdateDefinitionAsync(vs1.Id, vs1.Definition with { MemoryMiB = 1024 }, None);

        // 5) S1 is applied.
        time.Advance(TimeSpan.FromMinutes(1));
        var afterS1 = await hv.ApplySnapshotAsync(vs1.Id, s1.Name, None);
        Assert.Equal((SystemState.Running, 512L, 512L), (afterS1.State, afterS1.Definition.MemoryMiB, afterS1.ActiveDefinition!.MemoryMiB));

        // 6) A second disk is added: the simulator has no hot plug, so the definition is changed and the
        //    system restarted to run it.
        var withDisk = afterS1.Definition with { Disks = [.. afterS1.Definition.Disks, new VirtualDisk("vdb", "/images/VS1-b.qcow2", 4L << 30)] };
        await hv.UpdateDefinitionAsync(vs1.Id, withDisk, None);
        await hv.ChangeStateAsync(vs1.Id, StateTransition.PowerOff, None);
        await hv.ChangeStateAsync(vs1.Id, StateTransition.Start, None);

        // 7) At T2, S2 depends on S1, the last applied; 8) the system changes again.
        time.Advance(TimeSpan.FromMinutes(1));
        var s2 = await hv.CreateSnapshotAsync(vs1.Id, SnapshotKind.Full, "S2", None);
        Assert.Equal(s1.Name, s2.Parent);
        Assert.Equal(["vda", "vdb"], s2.Definition.Disks.Select(d => d.Device));
        await hv.UpdateDefinitionAsync(vs1.Id, withDisk with { VirtualCpus = 2 }, None);
        await hv.ChangeStateAsync(vs1.Id, StateTransition.Pause, None);

        // 9) S2 is applied, nullifying the changes after T2; 10) the situation at T3.
        time.Advance(TimeSpan.FromMinutes(1));
        var atT3 = await hv.ApplySnapshotAsync(vs1.Id, s2.Name, None);

        Assert.Equal(SystemState.Running, atT3.State);
        Assert.Equal((1, 2), (atT3.Definition.VirtualCpus, atT3.Definition.Disks.Count));
        Assert.Same(atT3.Definition, atT3.ActiveDefinition);
        var tree = await hv.ListSnapshotsAsync(vs1.Id, None);
        Assert.Equal([("S1", (string?)null), ("S2", s1.Name)], tree.Snapshots.Select(s => (s.Description!, s.Parent)));
        // 9.4.6: S2 is the most current in the branch, and the last applied.
        Assert.Equal((s2.Name, s2.Name), (tree.Current, tree.LastApplied));
    }
}
