using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>DSP1042 9.2.4: locate the host systems that are central instances of the profile.</summary>
public abstract class LocateHostSystemsTests(ServerFixture server)
{
    [Fact]
    public async Task UseCase_9_2_4_AssociatorNames_from_the_profile_gives_the_host_system()
    {
        using var cim = new CimClient(server.Client());
        var profile = await UseCaseSteps.SystemVirtualizationProfileAsync(cim);

        var hosts = await UseCaseSteps.LocateHostSystemsAsync(cim, profile);

        var host = Assert.Single(hosts);
        Assert.Equal("CIM_ComputerSystem", host.ClassName);
        Assert.Equal("CIM_ComputerSystem", host.Selector("CreationClassName"));
        Assert.Equal(ServerFixture.HostName, host.Selector("Name"));
        Assert.Equal(CimClient.Implementation, host.Namespace);
        Assert.Equal(ServerFixture.HostName, (await cim.GetInstanceAsync(host)).Prop("Name"));
    }
}

[Collection(UseCaseCollection.Name)]
public sealed class LocateHostSystemsOnSimulatorTests(ServerFixture server) : LocateHostSystemsTests(server);

[Collection(LibvirtUseCaseCollection.Name)]
public sealed class LocateHostSystemsOnLibvirtTests(LibvirtServerFixture server) : LocateHostSystemsTests(server);
