using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Protocol;

public sealed class TransferGetTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Get_of_the_host_system_returns_its_instance_with_keys_and_state()
    {
        using var client = server.Client();
        var reply = (await client.GetAsync("CIM_ComputerSystem", ("CreationClassName", "CIM_ComputerSystem"), ("Name", ServerFixture.HostName))).AssertOk();

        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse", reply.Action);
        var instance = reply.Content;
        Assert.Equal(Ns.Class("CIM_ComputerSystem") + "CIM_ComputerSystem", instance.Name);
        Assert.Equal(ServerFixture.HostName, instance.Prop("Name"));
        Assert.Equal("CIM_ComputerSystem", instance.Prop("CreationClassName"));
        Assert.Equal("2", instance.Prop("EnabledState"));
    }

    [Fact]
    public async Task Selector_names_are_case_insensitive()
    {
        using var client = server.Client();
        var reply = (await client.GetAsync("CIM_ComputerSystem", ("creationclassname", "CIM_ComputerSystem"), ("NAME", ServerFixture.HostName))).AssertOk();
        Assert.Equal(ServerFixture.HostName, reply.Content.Prop("Name"));
    }

    [Fact]
    public async Task A_missing_instance_is_DestinationUnreachable_without_detail()
    {
        using var client = server.Client();
        var reply = await client.GetAsync("CIM_ComputerSystem", ("CreationClassName", "CIM_ComputerSystem"), ("Name", "no-such-host"));
        reply.AssertFault("wsa:DestinationUnreachable");
        Assert.Null(reply.FaultDetail);
    }

    [Fact]
    public async Task An_unknown_selector_is_InvalidSelectors_UnexpectedSelectors()
    {
        using var client = server.Client();
        var reply = await client.GetAsync("CIM_ComputerSystem", ("Name", ServerFixture.HostName), ("Colour", "blue"));
        reply.AssertFault("wsman:InvalidSelectors", "UnexpectedSelectors");
    }

    [Fact]
    public async Task Get_of_each_seeded_virtual_system_returns_its_name_and_state()
    {
        using var client = server.Client();
        var systems = await SeededSystems.FindAsync(client);
        Assert.Equal(SeededSystems.InitialStates.Keys.Order(), systems.Keys.Order());

        foreach (var (elementName, name) in systems)
        {
            var instance = (await SeededSystems.GetAsync(client, name)).AssertOk().Content;
            Assert.Equal(name, instance.Prop("Name"));
            Assert.Equal(elementName, instance.Prop("ElementName"));
            Assert.Equal("UUID", instance.Prop("NameFormat"));
            Assert.Equal(SeededSystems.InitialStates[elementName], instance.Prop("EnabledState"));
        }
    }

    [Fact]
    public async Task Get_of_the_management_service_by_its_four_keys()
    {
        using var client = server.Client();
        var reply = (await client.GetAsync("CIM_VirtualSystemManagementService",
            ("SystemCreationClassName", "CIM_ComputerSystem"), ("SystemName", ServerFixture.HostName),
            ("CreationClassName", "CIM_VirtualSystemManagementService"), ("Name", "VirtualSystemManagementService"))).AssertOk();

        var service = reply.Content;
        Assert.Equal(Ns.Class("CIM_VirtualSystemManagementService") + "CIM_VirtualSystemManagementService", service.Name);
        Assert.Equal(ServerFixture.HostName, service.Prop("SystemName"));
        Assert.Equal("VirtualSystemManagementService", service.Prop("Name"));
        Assert.Equal("2", service.Prop("EnabledState"));
    }

    [Fact]
    public async Task Get_of_each_systems_setting_data_by_InstanceID()
    {
        using var client = server.Client();
        foreach (var (elementName, name) in await SeededSystems.FindAsync(client))
        {
            var reply = (await client.GetAsync("CIM_VirtualSystemSettingData", ("InstanceID", $"WsManSvp:{name}"))).AssertOk();
            var settings = reply.Content;
            Assert.Equal(Ns.Class("CIM_VirtualSystemSettingData") + "CIM_VirtualSystemSettingData", settings.Name);
            Assert.Equal($"WsManSvp:{name}", settings.Prop("InstanceID"));
            Assert.Equal(name, settings.Prop("VirtualSystemIdentifier"));
            Assert.Equal(elementName, settings.Prop("ElementName"));
            Assert.Equal("DMTF:simulator", settings.Prop("VirtualSystemType"));
        }
    }

    [Theory]
    [InlineData("root/cimv2")]
    [InlineData("root\\cimv2")]
    [InlineData("ROOT/CIMV2")]
    public async Task The_cimv2_namespace_selector_finds_the_host(string ns)
    {
        using var client = server.Client();
        var reply = (await client.GetAsync("CIM_ComputerSystem", ("CreationClassName", "CIM_ComputerSystem"), ("Name", ServerFixture.HostName), ("__cimnamespace", ns))).AssertOk();
        Assert.Equal(ServerFixture.HostName, reply.Content.Prop("Name"));
    }

    [Fact]
    public async Task The_host_is_not_in_root_interop_so_it_is_DestinationUnreachable_there()
    {
        using var client = server.Client();
        var reply = await client.GetAsync("CIM_ComputerSystem", ("CreationClassName", "CIM_ComputerSystem"), ("Name", ServerFixture.HostName), ("__cimnamespace", "root/interop"));
        reply.AssertFault("wsa:DestinationUnreachable");
        Assert.Null(reply.FaultDetail);
    }

    [Fact]
    public async Task An_unknown_namespace_is_InvalidSelectors_InvalidValue()
    {
        using var client = server.Client();
        var reply = await client.GetAsync("CIM_ComputerSystem", ("CreationClassName", "CIM_ComputerSystem"), ("Name", ServerFixture.HostName), ("__cimnamespace", "root/nowhere"));
        reply.AssertFault("wsman:InvalidSelectors", "InvalidValue");
    }

    [Fact]
    public async Task No_selectors_is_InvalidSelectors_InsufficientSelectors()
    {
        using var client = server.Client();
        var reply = await client.GetAsync("CIM_ComputerSystem");
        reply.AssertFault("wsman:InvalidSelectors", "InsufficientSelectors");
    }

    [Fact]
    public async Task Only_the_Name_selector_finds_the_host()
    {
        using var client = server.Client();
        var reply = (await client.GetAsync("CIM_ComputerSystem", ("Name", ServerFixture.HostName))).AssertOk();
        Assert.Equal(ServerFixture.HostName, reply.Content.Prop("Name"));
        Assert.Equal("CIM_ComputerSystem", reply.Content.Prop("CreationClassName"));
    }

    [Fact]
    public async Task A_selector_that_matches_several_instances_is_InsufficientSelectors()
    {
        using var client = server.Client();
        var reply = await client.GetAsync("CIM_ComputerSystem", ("CreationClassName", "CIM_ComputerSystem"));
        reply.AssertFault("wsman:InvalidSelectors", "InsufficientSelectors");
    }

    [Theory]
    [InlineData("http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_NoSuchClass")]
    [InlineData("http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd")]
    [InlineData("http://schemas.microsoft.com/wbem/wsman/1/wmi/root/nowhere/CIM_ComputerSystem")]
    [InlineData("urn:not-a-resource")]
    public async Task An_unknown_resource_URI_is_DestinationUnreachable_InvalidResourceURI(string resourceUri)
    {
        using var client = server.Client();
        var reply = await client.PostAsync(Envelopes.Build(Envelopes.Get, resourceUri, [("Name", ServerFixture.HostName)]));
        reply.AssertFault("wsa:DestinationUnreachable", "InvalidResourceURI");
    }

    [Fact]
    public async Task A_missing_resource_URI_is_DestinationUnreachable_InvalidResourceURI()
    {
        using var client = server.Client();
        var reply = await client.PostAsync(Envelopes.Build(Envelopes.Get, null, [("Name", ServerFixture.HostName)]));
        reply.AssertFault("wsa:DestinationUnreachable", "InvalidResourceURI");
    }

    [Fact]
    public async Task The_Windows_resource_URI_form_answers_in_that_namespace()
    {
        const string wmiUri = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/CIM_ComputerSystem";
        using var client = server.Client();
        var reply = (await client.PostAsync(Envelopes.Build(Envelopes.Get, wmiUri,
            [("CreationClassName", "CIM_ComputerSystem"), ("Name", ServerFixture.HostName)]))).AssertOk();

        Assert.Equal(System.Xml.Linq.XName.Get("CIM_ComputerSystem", wmiUri), reply.Content.Name);
        Assert.Equal(ServerFixture.HostName, reply.Content.Element(System.Xml.Linq.XName.Get("Name", wmiUri))!.Value);
    }

    [Theory]
    [InlineData("Create")]
    [InlineData("Delete")]
    public async Task Create_and_Delete_are_ActionNotSupported(string operation)
    {
        using var client = server.Client();
        var reply = await client.PostAsync(Envelopes.Build("http://schemas.xmlsoap.org/ws/2004/09/transfer/" + operation, Envelopes.ClassUri("CIM_ComputerSystem"),
            [("CreationClassName", "CIM_ComputerSystem"), ("Name", ServerFixture.HostName)]));

        reply.AssertFault("wsa:ActionNotSupported");
        Assert.Contains(operation, reply.Reason);
        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/08/addressing/fault", reply.Action);
    }
}
