using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>DSP1042 9.2.7: determine the capabilities of the implementation.</summary>
public abstract class DetermineCapabilitiesTests(ServerFixture server)
{
    [Fact]
    public async Task UseCase_9_2_7_Associators_through_ElementCapabilities_gives_one_VSMC_with_what_is_implemented()
    {
        using var cim = new CimClient(server.Client());
        var host = await UseCaseSteps.HostSystemAsync(cim);

        var capabilities = await cim.AssociatorsAsync(host, "CIM_ElementCapabilities", "CIM_VirtualSystemManagementCapabilities");

        var vsmc = Assert.Single(capabilities);
        Assert.Equal("CIM_VirtualSystemManagementCapabilities", vsmc.ClassName);
        Assert.Equal([server.VirtualSystemType], vsmc.Values("VirtualSystemTypesSupported"));
        // CIM 2.32 ValueMap: DefineSystem 2, ModifyResourceSettings 5, ModifySystemSettings 6, RemoveResources 7 and
        // AddResources 10 complete within the call; DestroySystem 3 runs as a job. Indications of virtual resources (2),
        // jobs (3) and virtual systems (4) are delivered to subscribers (Eventing/IndicationDeliveryTests).
        Assert.Equal(["2", "5", "6", "7", "10"], vsmc.Values("SynchronousMethodsSupported"));
        Assert.Equal(["3"], vsmc.Values("AsynchronousMethodsSupported"));
        Assert.Equal("false", vsmc.Prop("ElementNameEditSupported"));
        Assert.Equal(["2", "3", "4"], vsmc.Values("IndicationsSupported"));
    }
}

[Collection(UseCaseCollection.Name)]
public sealed class DetermineCapabilitiesOnSimulatorTests(ServerFixture server) : DetermineCapabilitiesTests(server);

[Collection(LibvirtUseCaseCollection.Name)]
public sealed class DetermineCapabilitiesOnLibvirtTests(LibvirtServerFixture server) : DetermineCapabilitiesTests(server);
