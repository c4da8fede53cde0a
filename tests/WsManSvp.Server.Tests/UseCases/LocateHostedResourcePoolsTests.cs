using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>DSP1042 9.2.8: locate the host's resource pools of a particular resource type.</summary>
public abstract class LocateHostedResourcePoolsTests(ServerFixture server)
{
    /// <summary>Resource type → the seeded host's pools of it: one each for processors, memory and storage; two networks.</summary>
    [Theory]
    [InlineData(3, 1)] // Processor
    [InlineData(4, 1)] // Memory
    [InlineData(31, 1)] // Logical Disk: the "default" storage pool
    [InlineData(33, 2)] // Ethernet Connection: networks "default" and "storage-net"
    public async Task UseCase_9_2_8_Associators_through_HostedResourcePool_then_ResourceType(int resourceType, int expected)
    {
        using var cim = new CimClient(server.Client());
        var host = await UseCaseSteps.HostSystemAsync(cim);

        var pools = await UseCaseSteps.HostedResourcePoolsAsync(cim, host);
        var ofType = pools.OfResourceType(resourceType);

        Assert.Equal([3, 4, 31, 33], pools.Select(p => int.Parse(p.Prop("ResourceType")!)).Distinct().Order());
        Assert.Equal(expected, ofType.Count);
        Assert.All(ofType, p => Assert.Equal("CIM_ResourcePool", p.ClassName));
    }
}

[Collection(UseCaseCollection.Name)]
public sealed class LocateHostedResourcePoolsOnSimulatorTests(ServerFixture server) : LocateHostedResourcePoolsTests(server);

[Collection(LibvirtUseCaseCollection.Name)]
public sealed class LocateHostedResourcePoolsOnLibvirtTests(LibvirtServerFixture server) : LocateHostedResourcePoolsTests(server);
