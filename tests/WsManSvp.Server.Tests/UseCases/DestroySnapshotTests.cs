using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>
/// DSP1042 9.4.10: destroy a snapshot. The use case names DestroySnapshot "on the virtual system management
/// service" with a "Snapshot" parameter; clause 8.3.2 defines DestroySnapshot(AffectedSnapshot) on the
/// snapshot service, which is what is implemented. Destroys snapshots, so it has a server of its own.
/// </summary>
public abstract class DestroySnapshotTests(ServerFixture server)
{
    [Fact]
    public async Task UseCase_9_4_10_DestroySnapshot_removes_the_snapshot_and_its_child_takes_its_parent()
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.SnapshotServiceAsync(cim);
        var web01 = await MethodSteps.VirtualSystemAsync(cim, "web01");
        var s1 = await MethodSteps.CreateSnapshotAsync(cim, service, web01, "S1");
        var s2 = await MethodSteps.CreateSnapshotAsync(cim, service, web01, "S2");
        Assert.True(Assert.Single(await ParentsAsync(cim, s2)).SameAs(s1));

        // Steps 1 and 2, as clause 8.3.2 defines them.
        await MethodSteps.CompleteAsync(cim, service, new MethodCall("DestroySnapshot").Reference("AffectedSnapshot", s1));

        // The result: S1 no longer exists; S2 depends on no snapshot now (8.3.2); the system is not affected.
        (await cim.GetRawAsync(s1)).AssertFault("wsa:DestinationUnreachable");
        var remaining = await cim.AssociatorNamesAsync(web01, "CIM_SnapshotOfVirtualSystem", MethodSteps.VirtualSystemSettingData);
        Assert.True(Assert.Single(remaining).SameAs(s2));
        Assert.Empty(await ParentsAsync(cim, s2));
        Assert.Equal("2", await MethodSteps.EnabledStateAsync(cim, web01));
    }

    [Fact]
    public async Task UseCase_9_4_10_as_written_on_the_management_service_is_not_an_action_and_destroys_nothing()
    {
        using var cim = new CimClient(server.Client());
        var db01 = await MethodSteps.VirtualSystemAsync(cim, "db01");
        var snapshot = await MethodSteps.CreateSnapshotAsync(cim, await MethodSteps.SnapshotServiceAsync(cim), db01);

        var reply = await cim.InvokeRawAsync(await MethodSteps.ManagementServiceAsync(cim), new MethodCall("DestroySnapshot").Reference("Snapshot", snapshot));

        // CIM_VirtualSystemManagementService has no DestroySnapshot method.
        reply.AssertFault("wsa:ActionNotSupported");
        Assert.Contains("DestroySnapshot", reply.Reason);
        var snapshots = await cim.AssociatorNamesAsync(db01, "CIM_SnapshotOfVirtualSystem", MethodSteps.VirtualSystemSettingData);
        Assert.True(Assert.Single(snapshots).SameAs(snapshot));
    }

    /// <summary>9.4.8: AssociatorNames(snapshot, CIM_Dependency, CIM_VirtualSystemSettingData, Dependent, Antecedent).</summary>
    private static Task<List<Epr>> ParentsAsync(CimClient cim, Epr snapshot) =>
        cim.AssociatorNamesAsync(snapshot, "CIM_Dependency", MethodSteps.VirtualSystemSettingData, "Dependent", "Antecedent");
}

public sealed class DestroySnapshotOnSimulatorTests(ServerFixture server) : DestroySnapshotTests(server), IClassFixture<ServerFixture>;

public sealed class DestroySnapshotOnLibvirtTests(LibvirtServerFixture server) : DestroySnapshotTests(server), IClassFixture<LibvirtServerFixture>;
