using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>DSP1042 9.2.12: determine the pool of a resource allocation.</summary>
public abstract class PoolOfResourceAllocationTests(ServerFixture server)
{
    /// <summary>The allocations of the running system that draw on a pool, by resource type.</summary>
    [Theory]
    [InlineData(3)] // its processors
    [InlineData(4)] // its memory
    [InlineData(31)] // its disk image
    [InlineData(33)] // its network connection
    public async Task UseCase_9_2_12_Associators_through_ResourceAllocationFromPool_gives_one_pool(int resourceType)
    {
        using var cim = new CimClient(server.Client());
        var allocation = Assert.Single((await UseCaseSteps.RunningSystemResourceSettingsAsync(cim)).OfResourceType(resourceType));

        var pools = await cim.AssociatorsAsync(allocation.Path, "CIM_ResourceAllocationFromPool", "CIM_ResourcePool");

        var pool = Assert.Single(pools);
        Assert.Equal("CIM_ResourcePool", pool.ClassName);
        Assert.Equal(resourceType.ToString(), pool.Prop("ResourceType"));
        Assert.Equal(allocation.Prop("PoolID"), pool.Prop("PoolID"));
        var hosted = await UseCaseSteps.HostedResourcePoolsAsync(cim, await UseCaseSteps.HostSystemAsync(cim));
        Assert.Contains(hosted, h => h.Path.SameAs(pool.Path));
    }
}

[Collection(UseCaseCollection.Name)]
public sealed class PoolOfResourceAllocationOnSimulatorTests(ServerFixture server) : PoolOfResourceAllocationTests(server);

[Collection(LibvirtUseCaseCollection.Name)]
public sealed class PoolOfResourceAllocationOnLibvirtTests(LibvirtServerFixture server) : PoolOfResourceAllocationTests(server);
