using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Protocol;

/// <summary>WS-Transfer Put against the served model, whose classes are read-only so far.</summary>
public sealed class TransferPutTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly (string, string)[] Host = [("CreationClassName", "CIM_ComputerSystem"), ("Name", ServerFixture.HostName)];

    [Fact]
    public async Task A_Put_of_a_read_only_class_is_ActionNotSupported_and_changes_nothing()
    {
        using var client = server.Client();
        var before = (await client.GetAsync("CIM_ComputerSystem", Host)).AssertOk().Content;
        var changed = new System.Xml.Linq.XElement(before);
        changed.Element(Ns.Class("CIM_ComputerSystem") + "ElementName")!.Value = "renamed";

        var reply = await client.PostAsync(Envelopes.Build(Envelopes.Put, Envelopes.ClassUri("CIM_ComputerSystem"), Host, changed.ToString()));

        reply.AssertFault("wsa:ActionNotSupported");
        Assert.Equal("CIM_ComputerSystem instances cannot be modified.", reply.Reason);
        Assert.Equal(before.ToString(), (await client.GetAsync("CIM_ComputerSystem", Host)).AssertOk().Content.ToString());
    }
}
