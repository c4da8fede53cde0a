using WsManSvp.Server.Tests.Infrastructure;
using WsManSvp.Server.Tests.UseCases;
using static WsManSvp.Server.Tests.Infrastructure.AllocationRequests;

namespace WsManSvp.Server.Tests.Methods;

/// <summary>
/// Embedded instances that cannot be read (libvirt-cim's cimtest sends such): the method is not run, the
/// fault names the parameter, and nothing is defined or added.
/// </summary>
public abstract class BadEmbeddedInstanceTests(ServerFixture server)
{
    public static TheoryData<string, string, string> BadInputs => new()
    {
        // CIM-XML cut off in the middle of a property.
        { "SystemSettings", "<p:SystemSettings>&lt;INSTANCE CLASSNAME=\"CIM_VirtualSystemSettingData\"&gt;&lt;PROPERTY NAME=\"ElementName\" TYPE=\"string\"&gt;&lt;VALUE&gt;x</p:SystemSettings>", "not well-formed" },
        // MOF of a class this service does not know.
        { "ResourceSettings", "<p:ResourceSettings>instance of Xen_MemResourceAllocationSettingData { ResourceType = 4; VirtualQuantity = 1024; };</p:ResourceSettings>", "Xen_MemResourceAllocationSettingData" },
        // A RASD whose VirtualQuantity (uint64) is not a number.
        { "ResourceSettings", $"<p:ResourceSettings>{Envelopes.Escape(new EmbeddedInstance(Rasd, ("ResourceType", (ushort)4), ("VirtualQuantity", "lots")).CimXml())}</p:ResourceSettings>", "VirtualQuantity" },
        // An instance of a class that is not a RASD where a RASD is expected.
        { "ResourceSettings", $"<p:ResourceSettings>{Envelopes.Escape(new EmbeddedInstance("CIM_VirtualSystemSettingData", ("ElementName", "x")).Mof())}</p:ResourceSettings>", "CIM_ResourceAllocationSettingData" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task DefineSystem_with_an_unreadable_embedded_instance_faults_naming_it_and_defines_nothing(string parameter, string badInput, string reason)
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);
        var host = await UseCaseSteps.HostSystemAsync(cim);
        var before = await UseCaseSteps.LocateVirtualSystemsAsync(cim, host);
        var call = new MethodCall("DefineSystem");
        if (parameter != "SystemSettings") call.Embedded("SystemSettings", SystemSettings("never-defined"));
        call.Raw(badInput).Embedded("ResourceSettings", Processors(1));

        var reply = await cim.InvokeRawAsync(service, call);

        reply.AssertFault("wsman:InvalidParameter");
        Assert.Contains(parameter, reply.Reason);
        Assert.Contains(reason, reply.Reason);
        Assert.Equal(before.Count, (await UseCaseSteps.LocateVirtualSystemsAsync(cim, host)).Count);
    }

    [Fact]
    public async Task AddResourceSettings_with_a_RASD_of_a_wrong_type_faults_and_adds_nothing()
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);
        var configuration = await MethodSteps.DefinedConfigurationAsync(cim, await MethodSteps.VirtualSystemAsync(cim, "db01"));
        var before = await MethodSteps.AllocationsAsync(cim, configuration);

        var reply = await cim.InvokeRawAsync(service, new MethodCall("AddResourceSettings")
            .Reference("AffectedConfiguration", configuration)
            .Embedded("ResourceSettings", Disk(1024))
            .Embedded("ResourceSettings", new EmbeddedInstance(Sasd, ("ResourceType", (ushort)31), ("VirtualQuantity", "-5")), EmbeddedForm.Mof));

        reply.AssertFault("wsman:InvalidParameter", "TypeMismatch");
        Assert.Contains("ResourceSettings", reply.Reason);
        Assert.Equal(before.Count, (await MethodSteps.AllocationsAsync(cim, configuration)).Count);
    }
}

public sealed class BadEmbeddedInstanceOnSimulatorTests(ServerFixture server) : BadEmbeddedInstanceTests(server), IClassFixture<ServerFixture>;

public sealed class BadEmbeddedInstanceOnLibvirtTests(LibvirtServerFixture server) : BadEmbeddedInstanceTests(server), IClassFixture<LibvirtServerFixture>;
