using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Methods;

/// <summary>The method path end to end over HTTP: DefineSystem with embedded instances, a state change as a job, DestroySystem.</summary>
public abstract class MethodSmokeTests(ServerFixture server)
{
    private static Epr Management => ModelEprs.Of("CIM_VirtualSystemManagementService", ModelEprs.Implementation,
        ("SystemCreationClassName", "CIM_ComputerSystem"), ("SystemName", ServerFixture.HostName),
        ("CreationClassName", "CIM_VirtualSystemManagementService"), ("Name", "VirtualSystemManagementService"));

    [Theory]
    [InlineData(EmbeddedForm.CimXml)]
    [InlineData(EmbeddedForm.CimXmlCData)]
    [InlineData(EmbeddedForm.XsiType)]
    [InlineData(EmbeddedForm.Mof)]
    public async Task A_system_defined_started_and_destroyed(EmbeddedForm form)
    {
        using var cim = new CimClient(server.Client());
        var name = "smoke-" + form.ToString().ToLowerInvariant();

        var defined = await cim.InvokeMethodAsync(Management, new MethodCall("DefineSystem")
            .Embedded("SystemSettings", new EmbeddedInstance("CIM_VirtualSystemSettingData", ("ElementName", name)), form)
            .Embedded("ResourceSettings", new EmbeddedInstance("CIM_ResourceAllocationSettingData",
                ("ResourceType", (ushort)4), ("VirtualQuantity", 2UL), ("AllocationUnits", "GigaBytes")), form));

        Assert.Equal(0u, defined.ReturnValue);
        var system = defined.Reference("ResultingSystem")!;
        var vm = await cim.GetInstanceAsync(system);
        Assert.Equal(name, vm.Prop("ElementName"));

        var start = await cim.InvokeMethodAsync(system, new MethodCall("RequestStateChange").Value("RequestedState", 2));
        Assert.Equal(4096u, start.ReturnValue);
        var states = await cim.PollJobAsync(start.Reference("Job")!);
        Assert.Equal("7", states[^1].Elements().Single(e => e.Name.LocalName == "JobState").Value);
        Assert.Equal("2", (await cim.GetInstanceAsync(system)).Prop("EnabledState"));

        var destroy = await cim.InvokeMethodAsync(Management, new MethodCall("DestroySystem").Reference("AffectedSystem", system));
        Assert.Equal(4096u, destroy.ReturnValue);
        await cim.PollJobAsync(destroy.Reference("Job")!);
        (await server.Client().GetAsync(system)).AssertFault("wsa:DestinationUnreachable");
    }
}

public sealed class MethodSmokeOnSimulatorTests(ServerFixture server) : MethodSmokeTests(server), IClassFixture<ServerFixture>;

public sealed class MethodSmokeOnLibvirtTests(LibvirtServerFixture server) : MethodSmokeTests(server), IClassFixture<LibvirtServerFixture>;
