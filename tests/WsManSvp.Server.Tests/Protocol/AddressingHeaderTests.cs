using System.Text.RegularExpressions;
using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Protocol;

/// <summary>WS-Addressing headers (DSP0226 clause 5) and SOAP mustUnderstand processing.</summary>
public sealed class AddressingHeaderTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly (string Name, string Value)[] HostSelectors =
        [("CreationClassName", "CIM_ComputerSystem"), ("Name", ServerFixture.HostName)];

    private static string HostGet(string extraHeaders = "", string? messageId = null, bool replyTo = true, string to = "http://localhost/wsman") =>
        Envelopes.Build(Envelopes.Get, Envelopes.ClassUri("CIM_ComputerSystem"), HostSelectors, extraHeaders: extraHeaders,
            messageId: messageId, replyTo: replyTo, to: to);

    [Fact]
    public async Task A_counter_MessageID_is_echoed_and_the_reply_has_its_own_uuid()
    {
        using var client = server.Client();
        var reply = (await client.PostAsync(HostGet(messageId: "3"))).AssertOk();

        Assert.Equal("3", reply.Header.Element(Ns.Wsa + "RelatesTo")!.Value);
        var messageId = reply.Header.Element(Ns.Wsa + "MessageID")!.Value;
        Assert.StartsWith("uuid:", messageId);
        Assert.True(Guid.TryParse(messageId["uuid:".Length..], out _), $"'{messageId}' is not a uuid: MessageID.");
        Assert.Equal(Envelopes.Anonymous, reply.Header.Element(Ns.Wsa + "To")!.Value);
        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse", reply.Action);
    }

    [Fact]
    public async Task Every_reply_gets_a_fresh_MessageID()
    {
        using var client = server.Client();
        var first = (await client.PostAsync(HostGet(messageId: "uuid:1b7bb3ce-3d0e-4b6f-8f0e-000000000001"))).AssertOk();
        var second = (await client.PostAsync(HostGet(messageId: "uuid:1b7bb3ce-3d0e-4b6f-8f0e-000000000001"))).AssertOk();

        Assert.NotEqual(first.Header.Element(Ns.Wsa + "MessageID")!.Value, second.Header.Element(Ns.Wsa + "MessageID")!.Value);
        Assert.NotEqual("uuid:1b7bb3ce-3d0e-4b6f-8f0e-000000000001", first.Header.Element(Ns.Wsa + "MessageID")!.Value);
    }

    [Fact]
    public async Task A_fault_relates_to_the_request()
    {
        using var client = server.Client();
        var reply = await client.PostAsync(Envelopes.Build(Envelopes.Get, Envelopes.ClassUri("CIM_NoSuchClass"), HostSelectors, messageId: "uuid:2f0a4c1e-7a55-4c2b-a0a5-123456789abc"));

        reply.AssertFault("wsa:DestinationUnreachable", "InvalidResourceURI");
        Assert.Equal("uuid:2f0a4c1e-7a55-4c2b-a0a5-123456789abc", reply.Header.Element(Ns.Wsa + "RelatesTo")!.Value);
        Assert.Equal(Envelopes.Anonymous, reply.Header.Element(Ns.Wsa + "To")!.Value);
        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/08/addressing/fault", reply.Action);
    }

    [Theory]
    [InlineData("/wsman")]
    [InlineData("http://localhost:5985/wsman")]
    [InlineData("https://some-other-host.example.com:5986/wsman")]
    [InlineData("http://10.1.2.3/")]
    public async Task Any_wsa_To_is_accepted(string to)
    {
        using var client = server.Client();
        var reply = (await client.PostAsync(HostGet(to: to))).AssertOk();
        Assert.Equal(ServerFixture.HostName, reply.Content.Prop("Name"));
    }

    [Fact]
    public async Task The_default_namespace_envelope_of_wsman_messages_gets_the_host()
    {
        var envelope = Captures.Text("wsman-messages/generic-CIM_ComputerSystem-Get-selector.xml").Replace(">host1<", $">{ServerFixture.HostName}<");
        using var client = server.Client();
        var reply = (await client.PostAsync(envelope)).AssertOk();

        Assert.Equal("0", reply.Header.Element(Ns.Wsa + "RelatesTo")!.Value);
        Assert.Equal(Ns.Class("CIM_ComputerSystem") + "CIM_ComputerSystem", reply.Content.Name);
        Assert.Equal(ServerFixture.HostName, reply.Content.Prop("Name"));
    }

    [Fact]
    public async Task The_default_namespace_Enumerate_and_Pull_of_wsman_messages_return_every_system()
    {
        using var client = server.Client();
        var enumerate = (await client.PostAsync(Captures.Text("wsman-messages/generic-CIM_ComputerSystem-Enumerate.xml"))).AssertOk();
        Assert.Equal("1", enumerate.Header.Element(Ns.Wsa + "RelatesTo")!.Value);
        var context = enumerate.Content.Element(Ns.Wsen + "EnumerationContext")!.Value;

        var pullCapture = Captures.Text("wsman-messages/generic-CIM_ComputerSystem-Pull.xml");
        var pull = (await client.PostAsync(Regex.Replace(pullCapture, "<EnumerationContext>[^<]*</EnumerationContext>", $"<EnumerationContext>{context}</EnumerationContext>"))).AssertOk();

        var response = pull.Content;
        Assert.NotNull(response.Element(Ns.Wsen + "EndOfSequence"));
        var names = response.Element(Ns.Wsen + "Items")!.Elements().Select(i => i.Prop("ElementName")).Order();
        Assert.Equal(["build01", "db01", ServerFixture.HostName, "test01", "web01"], names);
    }

    [Fact]
    public async Task A_non_anonymous_ReplyTo_is_UnsupportedFeature_AddressingMode()
    {
        using var client = server.Client();
        var reply = await client.PostAsync(HostGet(replyTo: false,
            extraHeaders: "<wsa:ReplyTo><wsa:Address>http://client.example.com/replies</wsa:Address></wsa:ReplyTo>"));
        reply.AssertFault("wsman:UnsupportedFeature", "AddressingMode");
    }

    [Fact]
    public async Task A_non_anonymous_FaultTo_is_UnsupportedFeature_AddressingMode()
    {
        using var client = server.Client();
        var reply = await client.PostAsync(HostGet(extraHeaders: "<wsa:FaultTo><wsa:Address>http://client.example.com/faults</wsa:Address></wsa:FaultTo>"));
        reply.AssertFault("wsman:UnsupportedFeature", "AddressingMode");
    }

    [Theory]
    [InlineData("wsa:MessageID")]
    [InlineData("wsa:Action")]
    [InlineData("wsa:To")]
    [InlineData("wsa:ReplyTo")]
    public async Task A_missing_addressing_header_is_MessageInformationHeaderRequired(string header)
    {
        var envelope = Regex.Replace(HostGet(), $"<{header}[ >].*?</{header}>", "");
        Assert.DoesNotContain($"<{header}", envelope);

        using var client = server.Client();
        var reply = await client.PostAsync(envelope);

        reply.AssertFault("wsa:MessageInformationHeaderRequired");
        Assert.Equal("s:Sender", reply.FaultCode);
        Assert.Contains(header, reply.Reason);
    }

    [Fact]
    public async Task An_empty_MessageID_is_InvalidMessageInformationHeader()
    {
        using var client = server.Client();
        var reply = await client.PostAsync(HostGet(messageId: ""));
        reply.AssertFault("wsa:InvalidMessageInformationHeader");
    }

    [Theory]
    [InlineData("s:mustUnderstand=\"true\"")]
    [InlineData("mustUnderstand=\"true\"")]
    [InlineData("s:mustUnderstand=\"1\"")]
    public async Task An_unknown_mustUnderstand_header_is_a_MustUnderstand_fault_naming_it(string attribute)
    {
        using var client = server.Client();
        var reply = await client.PostAsync(HostGet(extraHeaders: $"<x:Custom xmlns:x=\"urn:example:custom\" {attribute}>value</x:Custom>", messageId: "uuid:3c8d9e1f-0000-4000-8000-00000000000a"));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, reply.Status);
        Assert.Equal("s:MustUnderstand", reply.FaultCode);
        Assert.Null(reply.Subcode);
        var notUnderstood = Assert.Single(reply.Header.Elements(Ns.S + "NotUnderstood"));
        var qname = notUnderstood.Attribute("qname")!.Value;
        var prefix = qname[..qname.IndexOf(':')];
        Assert.Equal(XName.Get("Custom", "urn:example:custom"), notUnderstood.GetNamespaceOfPrefix(prefix)! + qname[(prefix.Length + 1)..]);
        Assert.Equal("uuid:3c8d9e1f-0000-4000-8000-00000000000a", reply.Header.Element(Ns.Wsa + "RelatesTo")!.Value);
    }

    [Theory]
    [InlineData("s:mustUnderstand=\"false\"")]
    [InlineData("mustUnderstand=\"false\"")]
    [InlineData("s:mustUnderstand=\"0\"")]
    [InlineData("")]
    public async Task An_unknown_optional_header_is_ignored(string attribute)
    {
        using var client = server.Client();
        var reply = (await client.PostAsync(HostGet(extraHeaders: $"<x:Custom xmlns:x=\"urn:example:custom\" {attribute}>value</x:Custom>"))).AssertOk();
        Assert.Equal(ServerFixture.HostName, reply.Content.Prop("Name"));
    }
}
