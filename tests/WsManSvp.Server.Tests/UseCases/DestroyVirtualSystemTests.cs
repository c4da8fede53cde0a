using WsManSvp.Server.Tests.Infrastructure;
using static WsManSvp.Server.Tests.Infrastructure.AllocationRequests;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>
/// DSP1042 9.3.3: destroy a virtual system with DestroySystem, which runs as a job here. Destroys systems,
/// so it has a server of its own; each test destroys a different one.
/// </summary>
public abstract class DestroyVirtualSystemTests(ServerFixture server)
{
    /// <summary>Each seeded system in its state: active (2), defined (3), paused (9) and suspended (6).</summary>
    [Theory]
    [InlineData("web01")]
    [InlineData("db01")]
    [InlineData("build01")]
    [InlineData("test01")]
    public async Task UseCase_9_3_3_DestroySystem_removes_the_system_and_its_definition(string name)
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);
        var host = await UseCaseSteps.HostSystemAsync(cim);
        // The assumption: the system's reference, from 9.2.16.
        var system = await MethodSteps.VirtualSystemAsync(cim, name);
        var definition = await MethodSteps.DefinedConfigurationAsync(cim, system);
        var allocations = await MethodSteps.AllocationsAsync(cim, definition);

        // Steps 1 and 2: DestroySystem(AffectedSystem), which completes as a job.
        await MethodSteps.CompleteAsync(cim, service, new MethodCall("DestroySystem").Reference("AffectedSystem", system));

        // The result: the system, its running instance, its definition and its resources are gone.
        (await cim.GetRawAsync(system)).AssertFault("wsa:DestinationUnreachable");
        Assert.DoesNotContain(await UseCaseSteps.LocateVirtualSystemsAsync(cim, host), s => s.SameAs(system));
        (await cim.GetRawAsync(definition)).AssertFault("wsa:DestinationUnreachable");
        foreach (var allocation in allocations) (await cim.GetRawAsync(allocation.Path)).AssertFault("wsa:DestinationUnreachable");
    }

    [Fact]
    public async Task UseCase_9_3_3_the_snapshots_of_a_destroyed_system_go_with_it()
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);
        var system = (await cim.InvokeMethodAsync(service, new MethodCall("DefineSystem")
            .Embedded("SystemSettings", SystemSettings("short-lived")).Embedded("ResourceSettings", Disk(512)))).Reference("ResultingSystem")!;
        var snapshot = await MethodSteps.CreateSnapshotAsync(cim, await MethodSteps.SnapshotServiceAsync(cim), system);

        await MethodSteps.CompleteAsync(cim, service, new MethodCall("DestroySystem").Reference("AffectedSystem", system));

        // DSP1042 8.2.2: "all related virtual system configurations, including snapshots".
        (await cim.GetRawAsync(snapshot)).AssertFault("wsa:DestinationUnreachable");
        (await cim.GetRawAsync(system)).AssertFault("wsa:DestinationUnreachable");
    }
}

public sealed class DestroyVirtualSystemOnSimulatorTests(ServerFixture server) : DestroyVirtualSystemTests(server), IClassFixture<ServerFixture>;

public sealed class DestroyVirtualSystemOnLibvirtTests(LibvirtServerFixture server) : DestroyVirtualSystemTests(server), IClassFixture<LibvirtServerFixture>;
