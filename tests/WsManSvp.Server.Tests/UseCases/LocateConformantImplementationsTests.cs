using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>DSP1042 9.2.2 and 9.2.3: locate implementations of the profile by enumeration and by query.</summary>
public abstract class LocateConformantImplementationsTests(ServerFixture server)
{
    [Fact]
    public async Task UseCase_9_2_2_EnumerateInstances_finds_one_System_Virtualization_implementation()
    {
        using var cim = new CimClient(server.Client());

        var implementations = await UseCaseSteps.LocateConformantImplementationsAsync(cim);

        var svp = Assert.Single(implementations);
        Assert.Equal("CIM_RegisteredProfile", svp.ClassName);
        Assert.Equal("2", svp.Prop("RegisteredOrganization"));
        Assert.Equal("System Virtualization", svp.Prop("RegisteredName"));
        Assert.Equal("1.0.0", svp.Prop("RegisteredVersion"));
        Assert.Equal(CimClient.Interop, svp.Path.Namespace);
    }

    [Fact]
    public async Task UseCase_9_2_3_ExecuteQuery_in_CQL_finds_the_same_implementation()
    {
        using var cim = new CimClient(server.Client());

        var found = await cim.ExecuteQueryAsync(
            "SELECT * FROM CIM_RegisteredProfile WHERE RegisteredName = 'System Virtualization' AND RegisteredVersion >= '1.0.0'",
            CimClient.Interop);

        var svp = Assert.Single(found);
        Assert.Equal("CIM_RegisteredProfile", svp.ClassName);
        Assert.Equal("2", svp.Prop("RegisteredOrganization"));
        Assert.Equal("System Virtualization", svp.Prop("RegisteredName"));
        Assert.Equal("1.0.0", svp.Prop("RegisteredVersion"));
        Assert.True(svp.Path.SameAs(await UseCaseSteps.SystemVirtualizationProfileAsync(cim)), $"9.2.3 found {svp.Path}, 9.2.2 another.");
    }
}

[Collection(UseCaseCollection.Name)]
public sealed class LocateConformantImplementationsOnSimulatorTests(ServerFixture server) : LocateConformantImplementationsTests(server);

[Collection(LibvirtUseCaseCollection.Name)]
public sealed class LocateConformantImplementationsOnLibvirtTests(LibvirtServerFixture server) : LocateConformantImplementationsTests(server);
