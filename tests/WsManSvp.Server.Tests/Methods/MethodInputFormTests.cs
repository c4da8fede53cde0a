using WsManSvp.Server.Tests.Infrastructure;
using WsManSvp.Server.Tests.UseCases;
using static WsManSvp.Server.Tests.Infrastructure.AllocationRequests;

namespace WsManSvp.Server.Tests.Methods;

/// <summary>
/// How clients write method input (WSMAN-FACTS, DSP0227 clause 9): embedded instances in each of the four
/// forms, an array as the parameter's element repeated, references as EPRs; and a reference that names
/// something other than the configuration a method needs.
/// </summary>
public abstract class MethodInputFormTests(ServerFixture server)
{
    public static TheoryData<EmbeddedForm> Forms => [EmbeddedForm.CimXml, EmbeddedForm.CimXmlCData, EmbeddedForm.XsiType, EmbeddedForm.Mof];

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task DefineSystem_reads_SystemSettings_and_each_element_of_ResourceSettings_in_the_form(EmbeddedForm form)
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);

        var result = await cim.InvokeMethodAsync(service, new MethodCall("DefineSystem")
            .Embedded("SystemSettings", SystemSettings("defined-" + form).With("Description", "in <" + form + "> & \"quotes\""), form)
            .Embedded("ResourceSettings", Processors(3), form)
            .Embedded("ResourceSettings", Memory(1536), form)
            .Embedded("ResourceSettings", Disk(4096), form)
            .Embedded("ResourceSettings", Connection("default"), form));

        Assert.Equal(0u, result.ReturnValue);
        var system = result.Reference("ResultingSystem")!;
        var instance = await cim.GetInstanceAsync(system);
        Assert.Equal("defined-" + form, instance.Prop("ElementName"));
        Assert.Equal("in <" + form + "> & \"quotes\"", instance.Prop("Description"));
        var allocations = await MethodSteps.DefinedAllocationsAsync(cim, system);
        Assert.Equal(3UL, allocations.Single(3).Quantity());
        Assert.Equal(1536UL, allocations.Single(4).Quantity());
        Assert.Equal(4096UL << 20, allocations.Single(31).Quantity());
        Assert.Equal(["default"], allocations.Single(33).Values("Connection"));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task AddResourceSettings_reads_each_element_of_ResourceSettings_in_the_form(EmbeddedForm form)
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);
        var system = (await cim.InvokeMethodAsync(service, new MethodCall("DefineSystem").Embedded("SystemSettings", SystemSettings("added-to-" + form))))
            .Reference("ResultingSystem")!;
        var configuration = await MethodSteps.DefinedConfigurationAsync(cim, system);

        var result = await cim.InvokeMethodAsync(service, new MethodCall("AddResourceSettings")
            .Reference("AffectedConfiguration", configuration)
            .Embedded("ResourceSettings", Disk(1024), form)
            .Embedded("ResourceSettings", Disk(2048), form)
            .Embedded("ResourceSettings", Connection("storage-net"), form));

        Assert.Equal(0u, result.ReturnValue);
        var allocations = await MethodSteps.AllocationsAsync(cim, configuration);
        Assert.Equal([1024UL << 20, 2048UL << 20], allocations.OfResourceType(31).Select(d => d.Quantity()).Order());
        Assert.Equal(["storage-net"], allocations.Single(33).Values("Connection"));
        // Two drives, two images, an adapter and its connection.
        Assert.Equal(6, result.References("ResultingResourceSettings").Count);
        Assert.All(result.References("ResultingResourceSettings"), r => Assert.Contains(allocations, a => a.Path.SameAs(r)));
    }

    /// <summary>Parameter → what a reference of the wrong kind is given as ("host", "system", "allocation", "pool").</summary>
    public static TheoryData<string, string> WrongReferences => new()
    {
        { "AddResourceSettings", "system" },
        { "AddResourceSettings", "allocation" },
        { "AddResourceSettings", "pool" },
        { "AddResourceSettings", "host" },
        { "DefineSystem", "system" },
        { "DefineSystem", "allocation" },
        { "RemoveResourceSettings", "configuration" },
        { "RemoveResourceSettings", "system" },
    };

    [Theory]
    [MemberData(nameof(WrongReferences))]
    public async Task A_reference_to_something_that_is_not_the_configuration_needed_fails_4_and_changes_nothing(string method, string given)
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);
        var host = await UseCaseSteps.HostSystemAsync(cim);
        var db01 = await MethodSteps.VirtualSystemAsync(cim, "db01");
        var configuration = await MethodSteps.DefinedConfigurationAsync(cim, db01);
        var allocations = await MethodSteps.AllocationsAsync(cim, configuration);
        var systems = await UseCaseSteps.LocateVirtualSystemsAsync(cim, host);
        var reference = given switch
        {
            "host" => host,
            "system" => db01,
            "allocation" => allocations.Single(4).Path,
            "configuration" => configuration,
            _ => UseCaseSteps.OfResourceType(await UseCaseSteps.HostedResourcePoolsAsync(cim, host), 31)[0].Path,
        };
        var call = method switch
        {
            "AddResourceSettings" => new MethodCall(method).Reference("AffectedConfiguration", reference).Embedded("ResourceSettings", Disk(1024)),
            "DefineSystem" => new MethodCall(method).Embedded("SystemSettings", SystemSettings("wrong-reference-" + given)).Reference("ReferenceConfiguration", reference),
            _ => new MethodCall(method).Reference("ResourceSettings", reference),
        };

        var result = await cim.InvokeMethodAsync(service, call);

        Assert.Equal(4u, result.ReturnValue);
        Assert.Null(result.Reference("ResultingSystem"));
        Assert.Empty(result.References("ResultingResourceSettings"));
        Assert.Equal(allocations.Select(a => a.Path.ToString()).Order(), (await MethodSteps.AllocationsAsync(cim, configuration)).Select(a => a.Path.ToString()).Order());
        Assert.Equal(systems.Count, (await UseCaseSteps.LocateVirtualSystemsAsync(cim, host)).Count);
    }
}

public sealed class MethodInputFormOnSimulatorTests(ServerFixture server) : MethodInputFormTests(server), IClassFixture<ServerFixture>;

public sealed class MethodInputFormOnLibvirtTests(LibvirtServerFixture server) : MethodInputFormTests(server), IClassFixture<LibvirtServerFixture>;
