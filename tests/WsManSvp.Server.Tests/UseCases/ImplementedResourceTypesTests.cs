using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>DSP1042 9.2.10: determine the implemented resource types.</summary>
public abstract class ImplementedResourceTypesTests(ServerFixture server)
{
    [Fact]
    public async Task UseCase_9_2_10_resource_types_of_the_central_pools_of_the_scoped_profiles()
    {
        using var cim = new CimClient(server.Client());
        var svp = await UseCaseSteps.SystemVirtualizationProfileAsync(cim);

        var scoped = await UseCaseSteps.LocateScopedResourceAllocationProfilesAsync(cim, svp);
        var pools = new List<NamedInstance>();
        foreach (var profile in scoped) pools.AddRange(await UseCaseSteps.CentralPoolsAsync(cim, profile.Path));
        var types = new List<int>();
        foreach (var pool in pools)
        {
            var type = int.Parse(pool.Prop("ResourceType")!);
            if (!types.Contains(type)) types.Add(type);
        }

        // Step 1 is use case 9.2.5, whose Table 1 names reach only the processor and memory profiles; storage
        // (31) and Ethernet connections (33) are implemented too, as 9.2.8 and 9.2.9 show, but Table 1 omits them.
        Assert.Equal([3, 4], types.Order());
    }
}

[Collection(UseCaseCollection.Name)]
public sealed class ImplementedResourceTypesOnSimulatorTests(ServerFixture server) : ImplementedResourceTypesTests(server);

[Collection(LibvirtUseCaseCollection.Name)]
public sealed class ImplementedResourceTypesOnLibvirtTests(LibvirtServerFixture server) : ImplementedResourceTypesTests(server);
