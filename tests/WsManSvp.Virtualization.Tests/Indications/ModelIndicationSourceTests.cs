using WsManSvp.Cim.Model;
using WsManSvp.Cim.Query;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Jobs;
using static WsManSvp.Virtualization.Tests.Inputs;

namespace WsManSvp.Virtualization.Tests.Indications;

/// <summary>What the indication source publishes for changes of systems, their allocations, snapshots and jobs on the simulator.</summary>
public sealed class ModelIndicationSourceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static ushort EnabledState(CimInstance system) => (ushort)system["EnabledState"].AsInt128();

    [Fact]
    public async Task A_system_defined_started_paused_stopped_and_undefined_is_announced_once_per_change_in_order()
    {
        await using var watched = await WatchedModel.StartAsync();
        var hv = watched.Model.Hypervisor;

        var system = await hv.DefineSystemAsync(new SystemDefinition("ind01", 1, 512, [], []), None);
        Assert.Equal(
            ["Creation CIM_ComputerSystem", "Creation CIM_VirtualSystemSettingData", "Creation CIM_ResourceAllocationSettingData /proc",
             "Creation CIM_ResourceAllocationSettingData /mem"],
            (await watched.TakeAsync(4)).Select(i => i.Id()));

        await hv.ChangeStateAsync(system.Id, StateTransition.Start, None);
        var started = await watched.TakeAsync(4);
        Assert.Equal(
            ["Modification CIM_ComputerSystem", "Creation CIM_VirtualSystemSettingData :State", "Creation CIM_ResourceAllocationSettingData :State/proc",
             "Creation CIM_ResourceAllocationSettingData :State/mem"],
            started.Select(i => i.Id()));
        Assert.Equal((3, 2), (EnabledState(started[0].Previous()), EnabledState(started[0].Source())));

        await hv.ChangeStateAsync(system.Id, StateTransition.Pause, None);
        var paused = Assert.Single(await watched.TakeAsync(1));
        Assert.Equal((2, 9), (EnabledState(paused.Previous()), EnabledState(paused.Source())));

        await hv.ChangeStateAsync(system.Id, StateTransition.PowerOff, None);
        var stopped = await watched.TakeAsync(4);
        Assert.Equal(
            ["Deletion CIM_ResourceAllocationSettingData :State/mem", "Deletion CIM_ResourceAllocationSettingData :State/proc",
             "Deletion CIM_VirtualSystemSettingData :State", "Modification CIM_ComputerSystem"],
            stopped.Select(i => i.Id()));
        Assert.Equal((9, 3), (EnabledState(stopped[3].Previous()), EnabledState(stopped[3].Source())));

        await hv.UndefineSystemAsync(system.Id, None);
        Assert.Equal(
            ["Deletion CIM_ResourceAllocationSettingData /mem", "Deletion CIM_ResourceAllocationSettingData /proc",
             "Deletion CIM_VirtualSystemSettingData", "Deletion CIM_ComputerSystem"],
            (await watched.TakeAsync(4)).Select(i => i.Id()));
        await watched.AssertQuietAsync();
    }

    [Fact]
    public async Task The_source_instance_is_what_a_Get_returns()
    {
        await using var watched = await WatchedModel.StartAsync();

        await watched.Model.ChangeAsync("db01", StateTransition.Start);
        var indications = await watched.TakeAsync(1);

        var got = await watched.Model.GetAsync(ServedModel.VirtualSystemPath("db01"));
        Assert.True(got!.HasSameValues(indications[0].Source()));
        Assert.Equal(got.GetPath().ToString(), indications[0]["SourceInstanceModelPath"].AsString());
        Assert.Equal(Model.HostName, indications[0]["SourceInstanceHost"].AsString());
    }

    [Fact]
    public async Task An_allocation_edit_is_a_modification_of_that_allocation_only_and_new_ones_are_creations()
    {
        await using var watched = await WatchedModel.StartAsync();
        var db01 = await watched.Model.SystemAsync("db01");

        await watched.Model.Hypervisor.UpdateDefinitionAsync(db01.Id, db01.Definition with { MemoryMiB = 4096 }, None);
        var memory = Assert.Single(await watched.TakeAsync(1));
        Assert.Equal("Modification CIM_ResourceAllocationSettingData /mem", memory.Id());
        Assert.Equal((8192ul, 4096ul), ((ulong)memory.Previous()["VirtualQuantity"].AsInt128(), (ulong)memory.Source()["VirtualQuantity"].AsInt128()));

        var disk = new VirtualDisk("vdc", "/var/lib/images/db01-extra.qcow2", 1L << 30);
        await watched.Model.Hypervisor.UpdateDefinitionAsync(db01.Id, db01.Definition with { MemoryMiB = 4096, Disks = [.. db01.Definition.Disks, disk] }, None);
        Assert.Equal(
            ["Creation CIM_ResourceAllocationSettingData /vdc", "Creation CIM_StorageAllocationSettingData /vdc/image"],
            (await watched.TakeAsync(2)).Select(i => i.Id()));
        await watched.AssertQuietAsync();
    }

    [Fact]
    public async Task A_state_change_request_announces_its_job_at_every_JobState_change_and_the_system_change()
    {
        await using var watched = await WatchedModel.StartAsync();

        var result = await watched.Model.InvokeAsync(ServedModel.VirtualSystemPath("build01"), "RequestStateChange", ("RequestedState", U16(2)));
        await watched.Model.CompletedJobAsync(result);
        var taken = await watched.TakeUntilAsync(t => t.Count(i => i.Source().Class.Name == "CIM_ConcreteJob") == 3 &&
                                                       t.Any(i => i.Source().Class.Name == "CIM_ComputerSystem"));

        var job = taken.Where(i => i.Source().Class.Name == "CIM_ConcreteJob").ToList();
        Assert.Equal(["Creation", "Modification", "Modification"], job.Select(i => i.Kind()));
        Assert.Equal([(ushort)JobState.New, (ushort)JobState.Running, (ushort)JobState.Completed], job.Select(i => (ushort)i.Source()["JobState"].AsInt128()));
        Assert.Equal([(ushort)JobState.New, (ushort)JobState.Running], job.Skip(1).Select(i => (ushort)i.Previous()["JobState"].AsInt128()));
        var system = Assert.Single(taken, i => i.Source().Class.Name == "CIM_ComputerSystem");
        Assert.Equal((9, 2), (EnabledState(system.Previous()), EnabledState(system.Source())));
    }

    [Fact]
    public async Task The_state_change_filter_of_DSP1054_selects_the_system_modifications_whose_EnabledState_changed()
    {
        await using var watched = await WatchedModel.StartAsync();
        var query = CimQuery.Parse("SELECT * FROM CIM_InstModification WHERE SourceInstance ISA CIM_ComputerSystem AND " +
                                   "SourceInstance.EnabledState <> PreviousInstance.EnabledState", QueryLanguage.Wql);
        query.Validate(Model.Repository);
        var web01 = await watched.Model.SystemAsync("web01");

        await watched.Model.Hypervisor.UpdateDefinitionAsync(web01.Id, web01.Definition with { Description = "edited" }, None);
        await watched.Model.ChangeAsync("web01", StateTransition.Pause);
        // The description is the system's too: two modifications of it, one of them a state change.
        var taken = await watched.TakeUntilAsync(t => t.Count(i => i.Source().Class.Name == "CIM_ComputerSystem") == 2);

        Assert.Contains(taken, i => i.Id() == "Modification CIM_VirtualSystemSettingData");
        var matched = Assert.Single(taken, query.Matches);
        Assert.Equal((2, 9), (EnabledState(matched.Previous()), EnabledState(matched.Source())));
    }

    [Fact]
    public async Task Snapshots_taken_and_destroyed_by_the_service_are_announced_with_their_allocations()
    {
        await using var watched = await WatchedModel.StartAsync();
        var web01 = await watched.Model.SystemAsync("web01");

        var created = await watched.Model.SnapshotServiceAsync("CreateSnapshot",
            ("AffectedSystem", Reference(ServedModel.VirtualSystemPath("web01"))), ("SnapshotType", U16(2)));
        await watched.Model.CompletedJobAsync(created);
        var snapshot = Assert.Single((await watched.Model.SnapshotsAsync("web01")).Snapshots).Name;
        var taken = (await watched.TakeUntilAsync(t => t.Count(i => i.Source().Class.Name == "CIM_ConcreteJob") == 3))
            .Where(i => i.Source().Class.Name != "CIM_ConcreteJob").ToList();
        var expected = new List<string> { $"Creation CIM_VirtualSystemSettingData :Snapshot:{snapshot}" };
        expected.AddRange(taken.Skip(1).Select(i => i.Id()));
        Assert.Equal(expected, taken.Select(i => i.Id()));
        Assert.All(taken.Skip(1), i => Assert.StartsWith($"Creation CIM_", i.Id()));
        Assert.Contains($"Creation CIM_ResourceAllocationSettingData :Snapshot:{snapshot}/mem", expected);

        var destroyed = await watched.Model.SnapshotServiceAsync("DestroySnapshot",
            ("AffectedSnapshot", Reference(ServedModel.SnapshotPath(web01.Id, snapshot))));
        await watched.Model.CompletedJobAsync(destroyed);
        var deleted = (await watched.TakeUntilAsync(t => t.Count(i => i.Source().Class.Name == "CIM_ConcreteJob") == 3))
            .Where(i => i.Source().Class.Name != "CIM_ConcreteJob").ToList();
        Assert.Equal(taken.Select(i => i.Id().Replace("Creation", "Deletion", StringComparison.Ordinal)).Reverse(), deleted.Select(i => i.Id()));
    }
}
