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
}
