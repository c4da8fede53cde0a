using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>
/// DSP1042 9.3.2.4: delete resource allocations with RemoveResourceSettings; all go, or none. Changes db01,
/// so it has a server of its own.
/// </summary>
public abstract class DeleteVirtualResourcesTests(ServerFixture server)
{
    [Fact]
    public async Task UseCase_9_3_2_4_a_disk_drive_and_a_network_adapter_are_removed_together()
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);
        var db01 = await MethodSteps.VirtualSystemAsync(cim, "db01");
        var before = await MethodSteps.DefinedAllocationsAsync(cim, db01);
        var drive = before.OfResourceType(17).OrderBy(d => d.Prop("InstanceID"), StringComparer.Ordinal).Last();
        var adapter = before.OfResourceType(10)[0];

        // Step 1: ResourceSettings[] refers to the allocations.
        var result = await cim.InvokeMethodAsync(service, new MethodCall("RemoveResourceSettings")
            .Reference("ResourceSettings", drive.Path)
            .Reference("ResourceSettings", adapter.Path));

        // Step 2 and the result: both are gone from the configuration, with the image and connection that were theirs.
        Assert.Equal(0u, result.ReturnValue);
        var after = await MethodSteps.DefinedAllocationsAsync(cim, db01);
        Assert.DoesNotContain(after, a => a.Path.SameAs(drive.Path) || a.Path.SameAs(adapter.Path));
        Assert.Equal(before.OfResourceType(17).Count - 1, after.OfResourceType(17).Count);
        Assert.Equal(before.OfResourceType(31).Count - 1, after.OfResourceType(31).Count);
        Assert.Equal(before.OfResourceType(10).Count - 1, after.OfResourceType(10).Count);
        Assert.Equal(before.OfResourceType(33).Count - 1, after.OfResourceType(33).Count);
        (await cim.GetRawAsync(drive.Path)).AssertFault("wsa:DestinationUnreachable");
    }

    [Fact]
    public async Task UseCase_9_3_2_4_when_one_cannot_go_none_does()
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);
        var test01 = await MethodSteps.VirtualSystemAsync(cim, "test01");
        var before = await MethodSteps.DefinedAllocationsAsync(cim, test01);

        // A disk that could go, and the memory, which a system always has.
        var result = await cim.InvokeMethodAsync(service, new MethodCall("RemoveResourceSettings")
            .Reference("ResourceSettings", before.Single(17).Path)
            .Reference("ResourceSettings", before.Single(4).Path));

        Assert.Equal(4u, result.ReturnValue);
        Assert.Equal(before.Select(a => a.Path.ToString()).Order(), (await MethodSteps.DefinedAllocationsAsync(cim, test01)).Select(a => a.Path.ToString()).Order());
    }

    [Fact]
    public async Task UseCase_9_3_2_4_a_resource_of_the_State_configuration_is_removed_from_the_definition_instead_4()
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);
        var web01 = await MethodSteps.VirtualSystemAsync(cim, "web01");
        var state = Assert.Single(await MethodSteps.StateConfigurationsAsync(cim, web01));
        var running = await MethodSteps.AllocationsAsync(cim, state);

        var result = await cim.InvokeMethodAsync(service, new MethodCall("RemoveResourceSettings").Reference("ResourceSettings", running.Single(17).Path));

        // This implementation does not unplug from a running system (Table 13 has no code for it): 4, nothing changed.
        Assert.Equal(4u, result.ReturnValue);
        Assert.Equal(running.Count, (await MethodSteps.AllocationsAsync(cim, state)).Count);
        Assert.Single((await MethodSteps.DefinedAllocationsAsync(cim, web01)).OfResourceType(17));
    }
}

public sealed class DeleteVirtualResourcesOnSimulatorTests(ServerFixture server) : DeleteVirtualResourcesTests(server), IClassFixture<ServerFixture>;

public sealed class DeleteVirtualResourcesOnLibvirtTests(LibvirtServerFixture server) : DeleteVirtualResourcesTests(server), IClassFixture<LibvirtServerFixture>;
