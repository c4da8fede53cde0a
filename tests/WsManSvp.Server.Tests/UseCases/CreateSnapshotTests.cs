using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>
/// DSP1042 9.4.3: create a snapshot of an active virtual system. CreateSnapshot runs as a job, so the new
/// snapshot is found as 8.1.2 says. Takes snapshots, so it has a server of its own.
/// </summary>
public abstract class CreateSnapshotTests(ServerFixture server)
{
    [Fact]
    public async Task UseCase_9_4_3_CreateSnapshot_of_the_active_system_creates_a_full_snapshot_of_it()
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.SnapshotServiceAsync(cim);
        var web01 = await MethodSteps.VirtualSystemAsync(cim, "web01");
        Assert.Equal("2", await MethodSteps.EnabledStateAsync(cim, web01));

        // Steps 1 and 2: CreateSnapshot(AffectedSystem, SnapshotType 2), 4096 and a job.
        var job = await MethodSteps.CompleteAsync(cim, service, new MethodCall("CreateSnapshot")
            .Reference("AffectedSystem", web01)
            .Value("SnapshotType", 2));

        // 8.3.1.4: ResultingSnapshot is NULL for a job; 8.1.2: the completed job's CIM_AffectedJobElement
        // with ElementEffects[0] 5 (Create) refers to the snapshot's VSSD.
        Assert.Null(job.Started.Reference("ResultingSnapshot"));
        var created = Assert.Single(job.Affected, a => a.Values("ElementEffects").FirstOrDefault() == "5");
        Assert.True(created.Ref("AffectingElement").SameAs(job.Job));
        var snapshot = created.Ref("AffectedElement");
        Assert.Equal(MethodSteps.VirtualSystemSettingData, snapshot.ClassName);

        // The result: the client knows the snapshot, a configuration of web01 as it ran, which goes on running.
        var instance = await cim.GetInstanceAsync(snapshot);
        Assert.Equal((await cim.GetInstanceAsync(web01)).Prop("Name"), instance.Prop("VirtualSystemIdentifier"));
        Assert.False(instance.IsNull("CreationTime"));
        Assert.Contains(await cim.AssociatorNamesAsync(web01, "CIM_SnapshotOfVirtualSystem", MethodSteps.VirtualSystemSettingData), s => s.SameAs(snapshot));
        var captured = await MethodSteps.AllocationsAsync(cim, snapshot);
        var running = await MethodSteps.AllocationsAsync(cim, Assert.Single(await MethodSteps.StateConfigurationsAsync(cim, web01)));
        Assert.Equal(running.Select(a => (a.Prop("ResourceType"), a.Prop("VirtualQuantity"))).Order(),
            captured.Select(a => (a.Prop("ResourceType"), a.Prop("VirtualQuantity"))).Order());
        Assert.Equal("2", await MethodSteps.EnabledStateAsync(cim, web01));
    }

    [Theory]
    [InlineData("<p:SnapshotType>32768</p:SnapshotType>")]
    [InlineData("")]
    public async Task A_snapshot_type_the_capabilities_do_not_list_fails_6_and_takes_no_snapshot(string snapshotType)
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.SnapshotServiceAsync(cim);
        var db01 = await MethodSteps.VirtualSystemAsync(cim, "db01");

        var result = await cim.InvokeMethodAsync(service, new MethodCall("CreateSnapshot").Reference("AffectedSystem", db01).Raw(snapshotType));

        // 8.3.1.3: "no snapshot or an unsupported type of snapshot was requested".
        Assert.Equal(6u, result.ReturnValue);
        Assert.Null(result.Reference("Job"));
        Assert.Empty(await cim.AssociatorNamesAsync(db01, "CIM_SnapshotOfVirtualSystem", MethodSteps.VirtualSystemSettingData));
    }
}

public sealed class CreateSnapshotOnSimulatorTests(ServerFixture server) : CreateSnapshotTests(server), IClassFixture<ServerFixture>;

public sealed class CreateSnapshotOnLibvirtTests(LibvirtServerFixture server) : CreateSnapshotTests(server), IClassFixture<LibvirtServerFixture>;
