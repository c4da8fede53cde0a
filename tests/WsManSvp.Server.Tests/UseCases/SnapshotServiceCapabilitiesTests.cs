using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>DSP1042 9.4.2: determine the capabilities of the virtual system snapshot service.</summary>
public abstract class SnapshotServiceCapabilitiesTests(ServerFixture server)
{
    [Fact]
    public async Task UseCase_9_4_2_Associators_through_ElementCapabilities_gives_one_VSSSC()
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.SnapshotServiceAsync(cim);

        // Step 1.
        var capabilities = await cim.AssociatorsAsync(service, "CIM_ElementCapabilities", "CIM_VirtualSystemSnapshotServiceCapabilities");

        // Step 2: every method runs as a job (CreateSnapshot 2, DestroySnapshot 3, ApplySnapshot 4), none
        // only synchronously; full (2) and disk (3) snapshots. The CIM schema spells the property
        // "AynchronousMethodsSupported"; DSP1042 writes "AsynchronousMethodsSupported".
        var vsssc = Assert.Single(capabilities);
        Assert.Equal("CIM_VirtualSystemSnapshotServiceCapabilities", vsssc.ClassName);
        Assert.Empty(vsssc.Values("SynchronousMethodsSupported"));
        Assert.Equal(["2", "3", "4"], vsssc.Values("AynchronousMethodsSupported"));
        Assert.Equal(server.SnapshotTypes, vsssc.Values("SnapshotTypesSupported"));
    }
}

[Collection(UseCaseCollection.Name)]
public sealed class SnapshotServiceCapabilitiesOnSimulatorTests(ServerFixture server) : SnapshotServiceCapabilitiesTests(server);

[Collection(LibvirtUseCaseCollection.Name)]
public sealed class SnapshotServiceCapabilitiesOnLibvirtTests(LibvirtServerFixture server) : SnapshotServiceCapabilitiesTests(server);
