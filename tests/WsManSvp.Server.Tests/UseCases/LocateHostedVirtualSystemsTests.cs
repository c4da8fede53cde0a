using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>DSP1042 9.2.16: locate the virtual systems a host system hosts.</summary>
public abstract class LocateHostedVirtualSystemsTests(ServerFixture server)
{
    [Fact]
    public async Task UseCase_9_2_16_AssociatorNames_through_CIM_HostedSystem_as_written_gives_the_four_seeded_systems()
    {
        using var cim = new CimClient(server.Client());
        var host = await UseCaseSteps.HostSystemAsync(cim);

        // No CIM schema has CIM_HostedSystem; the service reads it as CIM_HostedDependency (DSP1042 7.3.1).
        var systems = await UseCaseSteps.LocateVirtualSystemsAsync(cim, host);

        Assert.Equal(4, systems.Count);
        Assert.All(systems, s => Assert.Equal("CIM_ComputerSystem", s.ClassName));
        Assert.DoesNotContain(systems, s => s.SameAs(host));
        var names = new List<string>();
        foreach (var system in systems) names.Add((await cim.GetInstanceAsync(system)).Prop("ElementName")!);
        Assert.Equal(["build01", "db01", "test01", "web01"], names.Order(StringComparer.Ordinal));
    }
}

[Collection(UseCaseCollection.Name)]
public sealed class LocateHostedVirtualSystemsOnSimulatorTests(ServerFixture server) : LocateHostedVirtualSystemsTests(server);

[Collection(LibvirtUseCaseCollection.Name)]
public sealed class LocateHostedVirtualSystemsOnLibvirtTests(LibvirtServerFixture server) : LocateHostedVirtualSystemsTests(server);
