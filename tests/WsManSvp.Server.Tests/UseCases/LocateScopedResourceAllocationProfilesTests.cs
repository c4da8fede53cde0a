using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>DSP1042 9.2.5: locate the implementations of the resource allocation profiles it scopes.</summary>
public abstract class LocateScopedResourceAllocationProfilesTests(ServerFixture server)
{
    [Fact]
    public async Task UseCase_9_2_5_Associators_through_ReferencedProfile_then_Table_1_names()
    {
        using var cim = new CimClient(server.Client());
        var profile = await UseCaseSteps.SystemVirtualizationProfileAsync(cim);

        var referenced = await UseCaseSteps.ScopedProfilesAsync(cim, profile);
        var scoped = await UseCaseSteps.LocateScopedResourceAllocationProfilesAsync(cim, profile);

        // Step 1 returns every profile the service scopes; DSP1047 and DSP1050 are among them, but Table 1
        // does not name them (it has "Storage Adapter Resource Virtualization", no Ethernet), so step 2 drops them.
        Assert.Equal(
            ["Ethernet Port Resource Virtualization", "Memory Resource Virtualization", "Processor Device Resource Virtualization",
             "Storage Resource Virtualization", "Virtual System"],
            referenced.Select(p => p.Prop("RegisteredName")).Order());
        Assert.Equal(["Memory Resource Virtualization", "Processor Device Resource Virtualization"], scoped.Select(p => p.Prop("RegisteredName")).Order());
        Assert.All(scoped, p =>
        {
            Assert.Equal("CIM_RegisteredProfile", p.ClassName);
            Assert.Equal("2", p.Prop("RegisteredOrganization"));
            Assert.Equal("1.0.0", p.Prop("RegisteredVersion"));
            Assert.Equal(CimClient.Interop, p.Path.Namespace);
        });
    }
}

[Collection(UseCaseCollection.Name)]
public sealed class LocateScopedResourceAllocationProfilesOnSimulatorTests(ServerFixture server) : LocateScopedResourceAllocationProfilesTests(server);

[Collection(LibvirtUseCaseCollection.Name)]
public sealed class LocateScopedResourceAllocationProfilesOnLibvirtTests(LibvirtServerFixture server) : LocateScopedResourceAllocationProfilesTests(server);
