using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;
using WsManSvp.Server.Tests.UseCases;

namespace WsManSvp.Server.Tests.Methods;

/// <summary>
/// WS-Transfer Put of a configuration (VSSD) or an allocation (RASD): the same change ModifySystemSettings
/// and ModifyResourceSettings make, with their refusals as faults; each followed by a Get. Changes
/// systems, so it has a server of its own; each test changes a different system.
/// </summary>
public abstract class SettingsPutTests(ServerFixture server)
{
    [Fact]
    public async Task A_Put_of_the_definition_with_a_new_Description_changes_it()
    {
        using var cim = new CimClient(server.Client());
        var definition = await cim.GetInstanceAsync(await MethodSteps.DefinedConfigurationAsync(cim, await MethodSteps.VirtualSystemAsync(cim, "db01")));

        var reply = (await cim.PutAsync(definition.Path, Changed(definition, "Description", "Put by a client"))).AssertOk();

        Assert.Equal("Put by a client", reply.Content.Prop("Description"));
        var after = await cim.GetInstanceAsync(definition.Path);
        Assert.Equal("Put by a client", after.Prop("Description"));
        Assert.Equal(definition.Prop("ElementName"), after.Prop("ElementName"));
    }

    [Fact]
    public async Task A_Put_that_renames_the_system_is_InvalidParameter_and_changes_nothing()
    {
        using var cim = new CimClient(server.Client());
        var definition = await cim.GetInstanceAsync(await MethodSteps.DefinedConfigurationAsync(cim, await MethodSteps.VirtualSystemAsync(cim, "test01")));

        var reply = await cim.PutAsync(definition.Path, Changed(Changed(definition, "ElementName", "renamed"), "Description", "renamed too"));

        reply.AssertFault("wsman:InvalidParameter");
        Assert.Contains("ElementName", reply.Reason);
        Assert.Equal(definition.Instance.ToString(), (await cim.GetInstanceAsync(definition.Path)).Instance.ToString());
    }

    [Fact]
    public async Task A_Put_of_the_memory_definition_changes_the_quantity_within_the_pools_limits()
    {
        using var cim = new CimClient(server.Client());
        var web01 = await MethodSteps.VirtualSystemAsync(cim, "web01");
        var memory = (await MethodSteps.DefinedAllocationsAsync(cim, web01)).Single(4);
        Assert.Equal(2048UL, memory.Quantity());

        var reply = (await cim.PutAsync(memory.Path, Changed(memory, "VirtualQuantity", "6144"))).AssertOk();

        Assert.Equal("6144", reply.Content.Prop("VirtualQuantity"));
        Assert.Equal(6144UL, (await cim.GetInstanceAsync(memory.Path)).Quantity());

        // The host pool's maximum (DSP1042 9.2.13) is 64 GiB: one MiB more is refused.
        var tooMuch = await cim.PutAsync(memory.Path, Changed(memory, "VirtualQuantity", (64 * 1024 + 1).ToString()));

        tooMuch.AssertFault("wsman:InvalidParameter");
        Assert.Contains("VirtualQuantity", tooMuch.Reason);
        Assert.Equal(6144UL, (await cim.GetInstanceAsync(memory.Path)).Quantity());
    }

    [Fact]
    public async Task A_Put_of_an_allocation_of_the_State_configuration_is_refused()
    {
        using var cim = new CimClient(server.Client());
        var build01 = await MethodSteps.VirtualSystemAsync(cim, "build01");
        var memory = (await MethodSteps.AllocationsAsync(cim, Assert.Single(await MethodSteps.StateConfigurationsAsync(cim, build01)))).Single(4);

        var reply = await cim.PutAsync(memory.Path, Changed(memory, "VirtualQuantity", "8192"));

        // The provider says CIM_ERR_NOT_SUPPORTED, which DSP0227 turns into wsa:ActionNotSupported.
        reply.AssertFault("wsa:ActionNotSupported");
        Assert.Contains("State configuration", reply.Reason);
        Assert.Equal(memory.Quantity(), (await cim.GetInstanceAsync(memory.Path)).Quantity());
        Assert.Equal(memory.Quantity(), (await MethodSteps.DefinedAllocationsAsync(cim, build01)).Single(4).Quantity());
    }

    [Fact]
    public async Task A_Put_of_an_allocation_of_a_snapshot_is_InvalidParameter()
    {
        using var cim = new CimClient(server.Client());
        var system = (await cim.InvokeMethodAsync(await MethodSteps.ManagementServiceAsync(cim), new MethodCall("DefineSystem")
            .Embedded("SystemSettings", AllocationRequests.SystemSettings("snapshotted")).Embedded("ResourceSettings", AllocationRequests.Memory(1024))))
            .Reference("ResultingSystem")!;
        var snapshot = await MethodSteps.CreateSnapshotAsync(cim, await MethodSteps.SnapshotServiceAsync(cim), system);
        var memory = (await MethodSteps.AllocationsAsync(cim, snapshot)).Single(4);

        var reply = await cim.PutAsync(memory.Path, Changed(memory, "VirtualQuantity", "2048"));

        reply.AssertFault("wsman:InvalidParameter");
        Assert.Contains("snapshot", reply.Reason);
        Assert.Equal(1024UL, (await cim.GetInstanceAsync(memory.Path)).Quantity());
        Assert.Equal(1024UL, (await MethodSteps.DefinedAllocationsAsync(cim, system)).Single(4).Quantity());
    }

    /// <summary>The instance as received, with one property's value changed (a Put's body).</summary>
    private static XElement Changed(NamedInstance instance, string property, string value) => Changed(instance.Instance, property, value);

    private static XElement Changed(XElement instance, string property, string value)
    {
        var copy = new XElement(instance);
        var element = copy.Element(copy.Name.Namespace + property)!;
        element.Attribute(Ns.Xsi + "nil")?.Remove();
        element.Value = value;
        return copy;
    }
}

public sealed class SettingsPutOnSimulatorTests(ServerFixture server) : SettingsPutTests(server), IClassFixture<ServerFixture>;

public sealed class SettingsPutOnLibvirtTests(LibvirtServerFixture server) : SettingsPutTests(server), IClassFixture<LibvirtServerFixture>;
