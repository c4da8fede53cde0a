using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>DSP1042 9.4.1: locate the virtual system snapshot service.</summary>
public abstract class LocateSnapshotServiceTests(ServerFixture server)
{
    [Fact]
    public async Task UseCase_9_4_1_AssociatorNames_through_HostedService_gives_exactly_one_snapshot_service()
    {
        using var cim = new CimClient(server.Client());
        var host = await UseCaseSteps.HostSystemAsync(cim);

        var services = await cim.AssociatorNamesAsync(host, "CIM_HostedService", "CIM_VirtualSystemSnapshotService");

        var service = Assert.Single(services);
        Assert.Equal("CIM_VirtualSystemSnapshotService", service.ClassName);
        var instance = await cim.GetInstanceAsync(service);
        Assert.Equal(ServerFixture.HostName, instance.Prop("SystemName"));
        Assert.Equal("2", instance.Prop("EnabledState"));
    }
}

[Collection(UseCaseCollection.Name)]
public sealed class LocateSnapshotServiceOnSimulatorTests(ServerFixture server) : LocateSnapshotServiceTests(server);

[Collection(LibvirtUseCaseCollection.Name)]
public sealed class LocateSnapshotServiceOnLibvirtTests(LibvirtServerFixture server) : LocateSnapshotServiceTests(server);
