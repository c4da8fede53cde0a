using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>DSP1042 9.2.11: determine the default resource pool for a resource type.</summary>
public abstract class DefaultResourcePoolTests(ServerFixture server)
{
    [Theory]
    [InlineData(3, "WsManSvp:Pool/Processor/host")]
    [InlineData(4, "WsManSvp:Pool/Memory/host")]
    [InlineData(31, "WsManSvp:Pool/Storage/default")]
    [InlineData(33, "WsManSvp:Pool/Network/default")]
    public async Task UseCase_9_2_11_default_capabilities_of_the_host_lead_to_one_pool(int resourceType, string defaultPool)
    {
        using var cim = new CimClient(server.Client());
        var host = await UseCaseSteps.HostSystemAsync(cim);

        // Steps 1 and 2.
        var capabilities = (await cim.AssociatorsAsync(host, "CIM_ElementCapabilities", "CIM_AllocationCapabilities")).OfResourceType(resourceType);
        // Step 3 as DSP1042 means it: its ObjectName "the CIM_ResourcePool" and ResultClass
        // "CIM_AllocationCapabilities" are errata, for step 4 reads CIM_ElementCapabilities associations that
        // refer to the host; so References(each capabilities of step 2, CIM_ElementCapabilities).
        var defaults = new List<NamedInstance>();
        foreach (var c in capabilities)
        {
            var associations = await cim.ReferencesAsync(c.Path, "CIM_ElementCapabilities");
            Assert.All(associations, a => Assert.Equal("CIM_ElementCapabilities", a.ClassName));
            // Step 4: keep Characteristics 2 (Default) with the host as ManagedElement.
            if (associations.Any(a => a.Values("Characteristics").Contains("2") && a.Ref("ManagedElement").SameAs(host)))
                defaults.Add(c);
        }
        var selected = Assert.Single(defaults);
        // Step 5.
        var pools = await cim.AssociatorsAsync(selected.Path, "CIM_ElementCapabilities", "CIM_ResourcePool");

        var pool = Assert.Single(pools);
        Assert.Equal(resourceType.ToString(), pool.Prop("ResourceType"));
        Assert.Equal(defaultPool, pool.Prop("InstanceID"));
    }
}

[Collection(UseCaseCollection.Name)]
public sealed class DefaultResourcePoolOnSimulatorTests(ServerFixture server) : DefaultResourcePoolTests(server);

[Collection(LibvirtUseCaseCollection.Name)]
public sealed class DefaultResourcePoolOnLibvirtTests(LibvirtServerFixture server) : DefaultResourcePoolTests(server);
