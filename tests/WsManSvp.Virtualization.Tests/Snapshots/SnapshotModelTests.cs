using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Hypervisor;
using static WsManSvp.Virtualization.Tests.Inputs;

namespace WsManSvp.Virtualization.Tests.Snapshots;

/// <summary>
/// How snapshots are represented (DSP1042 7.7, 9.4): each a VSSD (Table 43) with its RASDs, tied to its
/// system and to one another by CIM_SnapshotOfVirtualSystem, CIM_LastAppliedSnapshot,
/// CIM_MostCurrentSnapshotInBranch and CIM_Dependency (served as CIM_ConcreteDependency).
/// </summary>
public sealed class SnapshotModelTests
{
    private const string Vssd = "CIM_VirtualSystemSettingData";

    private static async Task<CimMethodResult> RequestStateAsync(ServedModel model, CimObjectPath system, ushort state) =>
        await model.InvokeAsync(system, "RequestStateChange", ("RequestedState", U16(state)));

    private static async Task<string> SnapshotAsync(ServedModel model, CimObjectPath system)
    {
        var job = await model.CompletedJobAsync(await model.SnapshotServiceAsync("CreateSnapshot", ("AffectedSystem", Reference(system)), ("SnapshotType", U16(2))));
        return ((Virtualization.Model.ModelElement.Configuration)Assert.Single(job.Affected).Element).Snapshot!;
    }

    private static List<CimObjectPath> Paths(IEnumerable<CimInstance> instances) => instances.Select(i => i.GetPath()).ToList();

    /// <summary>The sequence of events of DSP1042 Figure 6, through the profile's methods; returns VS1 and snapshots S1 and S2.</summary>
    private static async Task<(Guid Vs1, string S1, string S2)> Figure6Async(ServedModel model)
    {
        // T0: VS1 is defined with one memory extent, one processor and one disk; then it is activated.
        var defined = await model.ManageAsync("DefineSystem", ("SystemSettings", Instance(SystemSettings("vs1"))),
            ("ResourceSettings", Instances(Memory(1024), Processor(1), Disk(1024))));
        var vs1 = defined.OutParameters["ResultingSystem"].AsReference();
        var id = Guid.Parse(vs1.StringKey("Name")!);
        await model.CompletedJobAsync(await RequestStateAsync(model, vs1, 2));
        // T1: full snapshot S1; the system changes; S1 is applied.
        var s1 = await SnapshotAsync(model, vs1);
        await model.Hypervisor.UpdateDefinitionAsync(id, (await model.SystemAsync(id))!.Definition with { MemoryMiB = 512 }, CancellationToken.None);
        await model.CompletedJobAsync(await model.SnapshotServiceAsync("ApplySnapshot", ("Snapshot", Reference(ServedModel.SnapshotPath(id, s1)))));
        // A second disk is added, and the system restarted to run with it.
        Assert.Equal(0u, (await model.ManageAsync("AddResourceSettings", ("AffectedConfiguration", Reference(ServedModel.DefinedPath(id))),
            ("ResourceSettings", Instances(Disk(2048))))).Code());
        await model.CompletedJobAsync(await RequestStateAsync(model, vs1, 3));
        await model.CompletedJobAsync(await RequestStateAsync(model, vs1, 2));
        // T2: S2, which depends on S1, the last applied; the system changes; S2 is applied.
        var s2 = await SnapshotAsync(model, vs1);
        await model.CompletedJobAsync(await RequestStateAsync(model, vs1, 9));
        await model.CompletedJobAsync(await model.SnapshotServiceAsync("ApplySnapshot", ("Snapshot", Reference(ServedModel.SnapshotPath(id, s2)))));
        return (id, s1, s2);
    }

    [Fact]
    public async Task The_snapshot_example_of_DSP1042_Figure_6_is_represented_as_9_4_locates_it()
    {
        await using var model = await ServedModel.SeededAsync();
        var (id, s1, s2) = await Figure6Async(model);
        var vs1 = ServedModel.VirtualSystemPath(id);
        var (vs1S1, vs1S2) = (ServedModel.SnapshotPath(id, s1), ServedModel.SnapshotPath(id, s2));

        // 9.4.4: the snapshots of VS1.
        Assert.Equal(new[] { vs1S1, vs1S2 }.Select(p => p.ToString()).Order(),
            Paths(await model.AssociatorsAsync(vs1, "CIM_SnapshotOfVirtualSystem", Vssd)).Select(p => p.ToString()).Order());
        // 9.4.5: the source of each snapshot.
        Assert.Equal([vs1], Paths(await model.AssociatorsAsync(vs1S1, "CIM_ElementSettingData", "CIM_ComputerSystem")));
        Assert.Equal([vs1], Paths(await model.AssociatorsAsync(vs1S2, "CIM_ElementSettingData", "CIM_ComputerSystem")));
        // 9.4.6: S2 is the most current snapshot in the branch: applied most recently.
        Assert.Equal([vs1S2], Paths(await model.AssociatorsAsync(vs1, "CIM_MostCurrentSnapshotInBranch", Vssd)));
        // 9.4.7: S2 depends on S1; nothing depends on S2.
        Assert.Equal([vs1S2], Paths(await model.AssociatorsAsync(vs1S1, "CIM_Dependency", Vssd, "Antecedent", "Dependent")));
        Assert.Empty(await model.AssociatorsAsync(vs1S2, "CIM_Dependency", Vssd, "Antecedent", "Dependent"));
        // 9.4.8: S1 is S2's parent; S1 has none.
        Assert.Equal([vs1S1], Paths(await model.AssociatorsAsync(vs1S2, "CIM_Dependency", Vssd, "Dependent", "Antecedent")));
        Assert.Empty(await model.AssociatorsAsync(vs1S1, "CIM_Dependency", Vssd, "Dependent", "Antecedent"));
        // S2 was applied last, and VS1 runs as S2 captured it: two disks.
        Assert.Equal([vs1S2], Paths(await model.AssociatorsAsync(vs1, "CIM_LastAppliedSnapshot", Vssd)));
        var system = (await model.SystemAsync(id))!;
        Assert.Equal((SystemState.Running, 2, 1024L), (system.State, system.ActiveDefinition!.Disks.Count, system.ActiveDefinition.MemoryMiB));
    }

    [Fact]
    public async Task Each_snapshot_has_the_allocations_it_captured_in_its_own_configuration()
    {
        await using var model = await ServedModel.SeededAsync();
        var (id, s1, s2) = await Figure6Async(model);

        async Task<List<string>> KeysAsync(string snapshot) =>
            (await model.AssociatorsAsync(ServedModel.SnapshotPath(id, snapshot), "CIM_VirtualSystemSettingDataComponent", "CIM_ResourceAllocationSettingData"))
            .Select(r => r.Id()).Select(i => i[(i.IndexOf('/') + 1)..]).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["mem", "proc", "vda", "vda/image"], await KeysAsync(s1));
        Assert.Equal(["mem", "proc", "vda", "vda/image", "vdb", "vdb/image"], await KeysAsync(s2));
        var image = (await model.GetAsync(ServedModel.SettingPath(id, "vdb/image", ":Snapshot:" + s2)))!;
        Assert.Equal($"WsManSvp:{id:D}:Snapshot:{s2}/vdb/image", image.Id());
        Assert.Equal(2048L << 20, image.Number("VirtualQuantity"));
        Assert.Equal(ServedModel.SettingPath(id, "vdb", ":Snapshot:" + s2).ToString(), image.Text("Parent"));
        Assert.Equal(1024, (await model.GetAsync(ServedModel.SettingPath(id, "mem", ":Snapshot:" + s1)))!.Number("VirtualQuantity"));
    }

    /// <summary>DSP1042 Table 43: a snapshot's VSSD, with its creation time and no file locations.</summary>
    [Fact]
    public async Task A_snapshot_VSSD_names_its_system_and_carries_its_creation_time()
    {
        await using var model = await ServedModel.SeededAsync();
        var web01 = Model.SeededId("web01");
        var name = await SnapshotAsync(model, ServedModel.VirtualSystemPath("web01"));
        var snapshot = (await model.SnapshotsAsync("web01")).Find(name)!;

        var vssd = (await model.GetAsync(ServedModel.SnapshotPath(web01, name)))!;

        Assert.Equal($"WsManSvp:{web01:D}:Snapshot:{name}", vssd.Id());
        Assert.Equal(("Full snapshot", $"web01 snapshot {name}", ServedModel.SystemName("web01"), "DMTF:simulator"),
            (vssd.Text("Caption"), vssd.Text("ElementName"), vssd.Text("VirtualSystemIdentifier"), vssd.Text("VirtualSystemType")));
        Assert.Equal(CimDateTime.FromTimestamp(snapshot.CreationTime), vssd["CreationTime"].AsDateTime());
        // Table 43: what applies to the system as a whole, not to one snapshot, is NULL.
        foreach (var property in new[] { "ConfigurationFile", "SnapshotDataRoot", "SwapFileDataRoot", "AutomaticStartupAction", "AutomaticStartupActionDelay",
                     "AutomaticStartupActionSequenceNumber", "AutomaticShutdownAction", "AutomaticRecoveryAction", "RecoveryFile" })
            Assert.True(vssd[property].IsNull, property);
        Assert.True((await model.GetAsync(ServedModel.DefinedPath("web01")))!["CreationTime"].IsNull);
    }

    [Fact]
    public async Task A_running_system_is_captured_as_it_runs_not_as_it_is_defined_to_start_next()
    {
        await using var model = await ServedModel.SeededAsync();
        var web01 = Model.SeededId("web01");
        await model.Hypervisor.UpdateDefinitionAsync(web01, (await model.SystemAsync("web01")).Definition with { MemoryMiB = 4096 }, CancellationToken.None);

        var name = await SnapshotAsync(model, ServedModel.VirtualSystemPath("web01"));

        Assert.Equal(2048, (await model.GetAsync(ServedModel.SettingPath(web01, "mem", ":Snapshot:" + name)))!.Number("VirtualQuantity"));
        Assert.Equal(4096, (await model.GetAsync(ServedModel.SettingPath(web01, "mem")))!.Number("VirtualQuantity"));
    }

    [Fact]
    public async Task A_system_refers_to_its_snapshots_as_settings_that_are_neither_default_current_nor_next()
    {
        await using var model = await ServedModel.SeededAsync();
        var name = await SnapshotAsync(model, ServedModel.VirtualSystemPath("db01"));
        var snapshot = ServedModel.SnapshotPath(Model.SeededId("db01"), name);

        var settings = (await model.ReferencesAsync(ServedModel.VirtualSystemPath("db01"), "CIM_ElementSettingData"))
            .Single(l => l.Ref("SettingData").Equals(snapshot));

        Assert.Equal((2L, 2L, 2L), (settings.Number("IsDefault"), settings.Number("IsCurrent"), settings.Number("IsNext")));
        Assert.Equal([ServedModel.VirtualSystemPath("db01")], Paths(await model.AssociatorsAsync(snapshot, "CIM_SnapshotOfVirtualSystem")));
    }

    [Fact]
    public async Task A_system_without_snapshots_has_no_snapshot_associations()
    {
        await using var model = await ServedModel.SeededAsync();
        var db01 = ServedModel.VirtualSystemPath("db01");

        foreach (var association in new[] { "CIM_SnapshotOfVirtualSystem", "CIM_LastAppliedSnapshot", "CIM_MostCurrentSnapshotInBranch", "CIM_ConcreteDependency" })
        {
            Assert.Empty(await model.InstancesAsync(association));
            Assert.Empty(await model.ReferencesAsync(db01, association));
        }
    }
}
