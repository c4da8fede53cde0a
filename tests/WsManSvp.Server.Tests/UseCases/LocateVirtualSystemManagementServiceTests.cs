using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>DSP1042 9.2.6: locate the virtual system management service of the host.</summary>
public abstract class LocateVirtualSystemManagementServiceTests(ServerFixture server)
{
    [Fact]
    public async Task UseCase_9_2_6_AssociatorNames_through_HostedService_gives_exactly_one_service()
    {
        using var cim = new CimClient(server.Client());
        var host = await UseCaseSteps.HostSystemAsync(cim);

        var services = await cim.AssociatorNamesAsync(host, "CIM_HostedService", "CIM_VirtualSystemManagementService");

        var service = Assert.Single(services);
        Assert.Equal("CIM_VirtualSystemManagementService", service.ClassName);
        Assert.Equal(ServerFixture.HostName, service.Selector("SystemName"));
        var instance = await cim.GetInstanceAsync(service);
        Assert.Equal("CIM_VirtualSystemManagementService", instance.ClassName);
    }
}

[Collection(UseCaseCollection.Name)]
public sealed class LocateVirtualSystemManagementServiceOnSimulatorTests(ServerFixture server) : LocateVirtualSystemManagementServiceTests(server);

[Collection(LibvirtUseCaseCollection.Name)]
public sealed class LocateVirtualSystemManagementServiceOnLibvirtTests(LibvirtServerFixture server) : LocateVirtualSystemManagementServiceTests(server);
