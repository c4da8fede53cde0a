using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Hypervisor;
using WsManSvp.Hypervisor.Simulator;
using WsManSvp.Virtualization.Management;
using static WsManSvp.Virtualization.Tests.Inputs;

namespace WsManSvp.Virtualization.Tests.Management;

/// <summary>Displays as graphics controller allocations (ResourceType 24): added, changed and removed like other allocations.</summary>
public sealed class GraphicsSettingsTests
{
    private static readonly Guid Db01 = Model.SeededId("db01");

    private static CimInstance Graphics(string? type, string? address = null) =>
        Of(Rasd, ("ResourceType", U16(24)), ("ResourceSubType", Text(type)), ("Address", Text(address)));

    private static Task<CimMethodResult> AddAsync(ServedModel model, params CimInstance[] settings) =>
        model.ManageAsync("AddResourceSettings", ("AffectedConfiguration", Reference(ServedModel.DefinedPath("db01"))), ("ResourceSettings", Instances(settings)));

    private static Task<CimMethodResult> ModifyAsync(ServedModel model, CimInstance setting) =>
        model.ManageAsync("ModifyResourceSettings", ("ResourceSettings", Instances(setting)));

    private static Task<CimMethodResult> RemoveAsync(ServedModel model, CimObjectPath setting) =>
        model.ManageAsync("RemoveResourceSettings", ("ResourceSettings", References(setting)));

    [Fact]
    public async Task A_vnc_display_is_added_and_read_back_with_its_endpoint_in_Address_and_no_pool()
    {
        await using var model = await ServedModel.SeededAsync();

        var result = await AddAsync(model, Graphics("vnc", "127.0.0.1:5901"));

        Assert.Equal(0u, result.Code());
        Assert.Equal([ServedModel.SettingPath(Db01, "vnc")], result.OutReferences("ResultingResourceSettings"));
        Assert.Equal([new VirtualGraphics("vnc", "127.0.0.1", 5901)], (await model.SystemAsync("db01")).Definition.Graphics);
        var rasd = (await model.GetAsync(ServedModel.SettingPath(Db01, "vnc")))!;
        Assert.Equal(($"WsManSvp:{Db01:D}/vnc", 24L, "vnc", "127.0.0.1:5901", "VNC display"),
            (rasd.Id(), rasd.Number("ResourceType"), rasd.Text("ResourceSubType"), rasd.Text("Address"), rasd.Text("ElementName")));
        Assert.True(rasd["PoolID"].IsNull);
        Assert.Contains(ServedModel.SettingPath(Db01, "vnc"),
            (await model.AssociatorsAsync(ServedModel.DefinedPath("db01"), "CIM_VirtualSystemSettingDataComponent")).Select(i => i.GetPath()));
    }

    [Fact]
    public async Task Without_a_type_or_an_address_a_display_is_vnc_on_the_default_address_with_a_port_chosen_at_start()
    {
        await using var model = await ServedModel.SeededAsync();

        Assert.Equal(0u, (await AddAsync(model, Graphics(null))).Code());

        Assert.Equal([new VirtualGraphics("vnc")], (await model.SystemAsync("db01")).Definition.Graphics);
        Assert.True((await model.GetAsync(ServedModel.SettingPath(Db01, "vnc")))!["Address"].IsNull);
    }

    public static TheoryData<string, CimInstance> Refused => new()
    {
        { "a type the host does not serve", Graphics("rdp") },
        { "an address that is no endpoint", Graphics("spice", "host:port") },
        { "a port out of range", Graphics("spice", ":70000") },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task An_invalid_display_returns_4_and_changes_nothing(string why, CimInstance request)
    {
        await using var model = await ServedModel.SeededAsync();
        var before = await model.AllSystemsAsync();

        Assert.True(4u == (await AddAsync(model, request)).Code(), why);

        Assert.Equal(before, await model.AllSystemsAsync());
    }

    [Theory]
    [InlineData("rdp", null, "ResourceSettings[0]: ResourceSubType 'rdp' is not a graphics type (vnc, spice).")]
    [InlineData("vnc", "[::1", "ResourceSettings[0]: Address '[::1' is not a display endpoint")]
    public void The_refusal_names_the_request_and_the_property(string type, string? address, string message)
    {
        var editor = new DefinitionEditor(SystemDefinitionOf(), new AllocationContext(SimulatorSeed.DefaultHost("h"), []));

        var e = Assert.Throws<RequestRejected>(() => editor.Add(new RasdInput(Graphics(type, address), "ResourceSettings[0]"), null, setsSingletons: false));

        Assert.Equal(MethodCodes.InvalidParameter, e.Code);
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_display_of_a_type_is_refused()
    {
        await using var model = await ServedModel.SeededAsync();
        Assert.Equal(0u, (await AddAsync(model, Graphics("spice"))).Code());

        Assert.Equal(4u, (await AddAsync(model, Graphics("spice", ":5905"))).Code());
        Assert.Equal([new VirtualGraphics("spice")], (await model.SystemAsync("db01")).Definition.Graphics);
    }

    [Fact]
    public async Task Modify_moves_the_endpoint_but_not_the_type()
    {
        await using var model = await ServedModel.SeededAsync();
        await AddAsync(model, Graphics("vnc", "0.0.0.0"));
        var current = (await model.GetAsync(ServedModel.SettingPath(Db01, "vnc")))!;

        Assert.Equal(0u, (await ModifyAsync(model, current.Set("Address", Text("[::1]:5907")))).Code());
        Assert.Equal([new VirtualGraphics("vnc", "::1", 5907)], (await model.SystemAsync("db01")).Definition.Graphics);

        var retyped = (await model.GetAsync(ServedModel.SettingPath(Db01, "vnc")))!.Set("ResourceSubType", Text("spice"));
        Assert.Equal(4u, (await ModifyAsync(model, retyped)).Code());
        Assert.Equal("vnc", (await model.SystemAsync("db01")).Definition.Graphics.Single().Type);
    }

    [Fact]
    public async Task Remove_takes_the_display_away()
    {
        await using var model = await ServedModel.SeededAsync();
        await AddAsync(model, Graphics("spice"));

        Assert.Equal(0u, (await RemoveAsync(model, ServedModel.SettingPath(Db01, "spice"))).Code());

        Assert.Empty((await model.SystemAsync("db01")).Definition.Graphics);
        Assert.Null(await model.GetAsync(ServedModel.SettingPath(Db01, "spice")));
    }

    [Fact]
    public async Task An_active_system_with_a_display_has_its_State_allocation_and_a_display_controller_realizing_it()
    {
        await using var model = await ServedModel.SeededAsync();
        await AddAsync(model, Graphics("vnc", ":5901"));
        await model.ChangeAsync("db01", StateTransition.Start);
        var device = Model.Path("CIM_DisplayController", ("SystemCreationClassName", "CIM_ComputerSystem"),
            ("SystemName", ServedModel.SystemName("db01")), ("CreationClassName", "CIM_DisplayController"), ("DeviceID", "vnc"));

        var controller = await model.GetAsync(device);

        Assert.NotNull(controller);
        Assert.Equal("VNC display", controller.Text("ElementName"));
        Assert.Equal([ServedModel.SettingPath(Db01, "vnc", ":State")],
            (await model.AssociatorsAsync(device, "CIM_SettingsDefineState")).Select(i => i.GetPath()));
        Assert.Contains(device, (await model.AssociatorsAsync(ServedModel.VirtualSystemPath("db01"), "CIM_SystemDevice")).Select(i => i.GetPath()));
    }

    private static SystemDefinition SystemDefinitionOf() => new("vm", 1, 512, [], []);
}
