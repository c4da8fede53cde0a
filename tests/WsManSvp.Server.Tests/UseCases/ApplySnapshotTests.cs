using WsManSvp.Server.Tests.Infrastructure;
using static WsManSvp.Server.Tests.Infrastructure.AllocationRequests;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>DSP1042 9.4.9: apply a snapshot to its active source system. Changes web01, so it has a server of its own.</summary>
public abstract class ApplySnapshotTests(ServerFixture server)
{
    [Fact]
    public async Task UseCase_9_4_9_ApplySnapshot_restores_the_situation_when_the_snapshot_was_taken()
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.SnapshotServiceAsync(cim);
        var management = await MethodSteps.ManagementServiceAsync(cim);
        var web01 = await MethodSteps.VirtualSystemAsync(cim, "web01");
        // The assumption: a snapshot (9.4.3) of the active system; since then, a disk was added and the system paused.
        var snapshot = await MethodSteps.CreateSnapshotAsync(cim, service, web01);
        Assert.Equal(0u, (await cim.InvokeMethodAsync(management, new MethodCall("AddResourceSettings")
            .Reference("AffectedConfiguration", await MethodSteps.DefinedConfigurationAsync(cim, web01))
            .Embedded("ResourceSettings", Disk(1024)))).ReturnValue);
        await MethodSteps.ChangeStateAsync(cim, web01, 9);
        Assert.Equal(2, (await MethodSteps.DefinedAllocationsAsync(cim, web01)).OfResourceType(31).Count);
        // 9.4.5 gives the source system.
        Assert.True(Assert.Single(await cim.AssociatorNamesAsync(snapshot, "CIM_ElementSettingData", "CIM_ComputerSystem")).SameAs(web01));

        // Steps 1 and 2: ApplySnapshot(Snapshot), a job that affects the system.
        var job = await MethodSteps.ApplySnapshotAsync(cim, service, snapshot);

        Assert.Contains(job.Affected, a => a.Ref("AffectedElement").SameAs(web01) && a.Values("ElementEffects").FirstOrDefault() == "0");
        // The result: active again, as the full snapshot captured it, with its one disk.
        Assert.Equal("2", await MethodSteps.EnabledStateAsync(cim, web01));
        Assert.Single((await MethodSteps.DefinedAllocationsAsync(cim, web01)).OfResourceType(31));
        var running = await MethodSteps.AllocationsAsync(cim, Assert.Single(await MethodSteps.StateConfigurationsAsync(cim, web01)));
        Assert.Single(running.OfResourceType(31));
        Assert.True(Assert.Single(await cim.AssociatorNamesAsync(web01, "CIM_LastAppliedSnapshot", MethodSteps.VirtualSystemSettingData)).SameAs(snapshot));
    }
}

public sealed class ApplySnapshotOnSimulatorTests(ServerFixture server) : ApplySnapshotTests(server), IClassFixture<ServerFixture>;

public sealed class ApplySnapshotOnLibvirtTests(LibvirtServerFixture server) : ApplySnapshotTests(server), IClassFixture<LibvirtServerFixture>;
