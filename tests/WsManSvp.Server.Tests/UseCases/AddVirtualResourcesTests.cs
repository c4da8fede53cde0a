using WsManSvp.Server.Tests.Infrastructure;
using static WsManSvp.Server.Tests.Infrastructure.AllocationRequests;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>
/// DSP1042 9.3.2.2: add virtual resources to a configuration with AddResourceSettings. Changes systems, so
/// it has a server of its own; each test changes a different system.
/// </summary>
public abstract class AddVirtualResourcesTests(ServerFixture server)
{
    [Fact]
    public async Task UseCase_9_3_2_2_AddResourceSettings_configures_a_disk_and_a_network_connection_into_the_definition()
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);
        var configuration = await MethodSteps.DefinedConfigurationAsync(cim, await MethodSteps.VirtualSystemAsync(cim, "db01"));
        var before = await MethodSteps.AllocationsAsync(cim, configuration);

        // Step 1: the requests, prepared locally; step 2: AddResourceSettings(AffectedConfiguration, ResourceSettings[]).
        var result = await cim.InvokeMethodAsync(service, new MethodCall("AddResourceSettings")
            .Reference("AffectedConfiguration", configuration)
            .Embedded("ResourceSettings", Disk(4096))
            .Embedded("ResourceSettings", Connection("storage-net")));

        // Step 3 and the result: the configuration holds the new allocations, which ResultingResourceSettings[] names.
        Assert.Equal(0u, result.ReturnValue);
        var after = await MethodSteps.AllocationsAsync(cim, configuration);
        var added = after.Where(a => !before.Any(b => b.Path.SameAs(a.Path))).ToList();
        Assert.Equal(["10", "17", "31", "33"], added.Select(a => a.Prop("ResourceType")).Order());
        Assert.Equal(4096UL << 20, added.Single(31).Quantity());
        Assert.Equal(["storage-net"], added.Single(33).Values("Connection"));
        Assert.Equal(before.Count + 4, after.Count);
        var resulting = result.References("ResultingResourceSettings");
        Assert.Equal(added.Select(a => a.Path.ToString()).Order(), resulting.Select(r => r.ToString()).Order());
    }

    [Fact]
    public async Task UseCase_9_3_2_2_resources_are_not_added_to_the_State_configuration_4()
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);
        var web01 = await MethodSteps.VirtualSystemAsync(cim, "web01");
        var state = Assert.Single(await MethodSteps.StateConfigurationsAsync(cim, web01));
        var before = await MethodSteps.AllocationsAsync(cim, state);

        var result = await cim.InvokeMethodAsync(service, new MethodCall("AddResourceSettings")
            .Reference("AffectedConfiguration", state)
            .Embedded("ResourceSettings", Disk(1024)));

        // Table 7 has no code for a configuration that cannot take additions: 4, and nothing changes.
        Assert.Equal(4u, result.ReturnValue);
        Assert.Empty(result.References("ResultingResourceSettings"));
        Assert.Equal(before.Count, (await MethodSteps.AllocationsAsync(cim, state)).Count);
        Assert.Single((await MethodSteps.DefinedAllocationsAsync(cim, web01)).OfResourceType(31));
    }
}

public sealed class AddVirtualResourcesOnSimulatorTests(ServerFixture server) : AddVirtualResourcesTests(server), IClassFixture<ServerFixture>;

public sealed class AddVirtualResourcesOnLibvirtTests(LibvirtServerFixture server) : AddVirtualResourcesTests(server), IClassFixture<LibvirtServerFixture>;
