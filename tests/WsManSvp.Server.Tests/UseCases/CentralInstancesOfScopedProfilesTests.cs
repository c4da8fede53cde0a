using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>DSP1042 9.2.9: obtain the central instances (pools) of a scoped resource allocation profile.</summary>
public abstract class CentralInstancesOfScopedProfilesTests(ServerFixture server)
{
    /// <summary>
    /// Every resource allocation profile the service scopes, found by 9.2.5 step 1 (Table 1 does not name
    /// DSP1047 and DSP1050, but their references come from the same step), with the type of its pools.
    /// </summary>
    [Theory]
    [InlineData("Processor Device Resource Virtualization", 3)]
    [InlineData("Memory Resource Virtualization", 4)]
    [InlineData("Storage Resource Virtualization", 31)]
    [InlineData("Ethernet Port Resource Virtualization", 33)]
    public async Task UseCase_9_2_9_Associators_through_ElementConformsToProfile_gives_the_pools(string registeredName, int resourceType)
    {
        using var cim = new CimClient(server.Client());
        var svp = await UseCaseSteps.SystemVirtualizationProfileAsync(cim);
        var scoped = Assert.Single(await UseCaseSteps.ScopedProfilesAsync(cim, svp), p => p.Prop("RegisteredName") == registeredName);

        var pools = await UseCaseSteps.CentralPoolsAsync(cim, scoped.Path);

        // Not empty: central class advertisement, so this list is the result.
        Assert.NotEmpty(pools);
        Assert.All(pools, p => Assert.Equal(resourceType.ToString(), p.Prop("ResourceType")));
        var hosted = (await UseCaseSteps.HostedResourcePoolsAsync(cim, await UseCaseSteps.HostSystemAsync(cim))).OfResourceType(resourceType);
        Assert.Equal(hosted.Count, pools.Count);
        Assert.All(pools, p => Assert.Contains(hosted, h => h.Path.SameAs(p.Path)));
    }
}

[Collection(UseCaseCollection.Name)]
public sealed class CentralInstancesOfScopedProfilesOnSimulatorTests(ServerFixture server) : CentralInstancesOfScopedProfilesTests(server);

[Collection(LibvirtUseCaseCollection.Name)]
public sealed class CentralInstancesOfScopedProfilesOnLibvirtTests(LibvirtServerFixture server) : CentralInstancesOfScopedProfilesTests(server);
