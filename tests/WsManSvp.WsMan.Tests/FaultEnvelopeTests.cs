using System.Xml.Linq;
using WsManSvp.WsMan.Tests.Infrastructure;

namespace WsManSvp.WsMan.Tests;

public sealed class FaultEnvelopeTests : IAsyncLifetime
{
    private TestService _service = null!;

    public async Task InitializeAsync() => _service = await TestService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task A_fault_has_the_SOAP_1_2_shape_with_the_WS_Man_and_Windows_details()
    {
        var request = Request.For(Request.Get, "CIM_NoSuchClass") with { MessageId = "uuid:aaaaaaaa-0000-0000-0000-000000000001" };

        var reply = await _service.SendAsync(request);

        reply.AssertSenderFault("wsa:DestinationUnreachable", "InvalidResourceURI");
        Assert.Equal("application/soap+xml;charset=UTF-8", reply.ContentType);
        var fault = reply.Fault!;
        Assert.Equal([Ns.S + "Code", Ns.S + "Reason", Ns.S + "Detail"], fault.Elements().Select(e => e.Name));
        var text = fault.Element(Ns.S + "Reason")!.Element(Ns.S + "Text")!;
        Assert.Equal("en-US", text.Attribute(Ns.Xml + "lang")!.Value);
        Assert.Contains("CIM_NoSuchClass", text.Value);
        var windows = fault.Element(Ns.S + "Detail")!.Element(Ns.WsManFault + "WSManFault")!;
        Assert.Equal("2150858811", windows.Attribute("Code")!.Value);
        Assert.False(string.IsNullOrEmpty(windows.Attribute("Machine")?.Value));
        Assert.Equal(text.Value, windows.Element(Ns.WsManFault + "Message")!.Value);
    }

    [Fact]
    public async Task A_fault_carries_fresh_addressing_headers_that_relate_it_to_the_request()
    {
        var request = Request.For(Request.Get, "CIM_NoSuchClass") with { MessageId = "uuid:aaaaaaaa-0000-0000-0000-000000000002" };

        var reply = await _service.SendAsync(request);

        Assert.Equal(Ns.Anonymous, reply.Header.Element(Ns.Wsa + "To")!.Value);
        Assert.Equal("uuid:aaaaaaaa-0000-0000-0000-000000000002", reply.RelatesTo);
        var id = reply.Header.Element(Ns.Wsa + "MessageID")!.Value;
        Assert.StartsWith("uuid:", id);
        Assert.True(Guid.TryParse(id["uuid:".Length..], out _));
        Assert.NotEqual(request.MessageId, id);
    }

    public static TheoryData<string, string, string> FaultsByNamespace() => new()
    {
        { Request.GetOf("CIM_NoSuchClass").Build(), "wsa:DestinationUnreachable", Ns.AddressingFaultAction },
        {
            Request.GetOf("CIM_ComputerSystem").WithHeader("<wsman:OptionSet><wsman:Option Name=\"x\" MustComply=\"true\"/></wsman:OptionSet>").Build(),
            "wsman:InvalidOptions", Ns.WsManFaultAction
        },
        { Request.PullOf("uuid:00000000-0000-0000-0000-00000000dead").Build(), "wsen:InvalidEnumerationContext", Ns.EnumerationFaultAction },
        { (Request.GetOf("CIM_ComputerSystem") with { Action = Request.Get.Replace("Get", "Create") }).Build(), "wsa:ActionNotSupported", Ns.AddressingFaultAction },
        { (Request.GetOf("CIM_ComputerSystem") with { Action = Request.Get.Replace("Get", "Put") }).Build(), "wxf:InvalidRepresentation", Ns.TransferFaultAction },
    };

    [Theory]
    [MemberData(nameof(FaultsByNamespace))]
    public async Task The_fault_action_follows_the_namespace_of_the_subcode_which_the_envelope_declares(string envelope, string subcode, string action)
    {
        var reply = await _service.SendAsync(envelope);

        Assert.Equal(subcode, reply.Subcode);
        Assert.Equal(action, reply.Action);
        var prefix = subcode.Split(':')[0];
        var subcodeValue = reply.Fault!.Element(Ns.S + "Code")!.Element(Ns.S + "Subcode")!.Element(Ns.S + "Value")!;
        XNamespace expected = prefix switch
        {
            "wsa" => Ns.Wsa,
            "wsen" => Ns.Wsen,
            "wxf" => Ns.Wxf,
            _ => Ns.WsMan,
        };
        Assert.Equal(expected, subcodeValue.GetNamespaceOfPrefix(prefix));
    }

    [Fact]
    public async Task The_fault_reason_follows_an_English_Locale_the_request_asked_for()
    {
        var request = Request.GetOf("CIM_NoSuchClass").WithHeader("<wsman:Locale xml:lang=\"en\" s:mustUnderstand=\"true\"/>");

        var reply = await _service.SendAsync(request);

        Assert.Equal("en-US", reply.Xml.Root!.Attribute(Ns.Xml + "lang")!.Value);
        Assert.Equal("en-US", reply.Fault!.Element(Ns.S + "Reason")!.Element(Ns.S + "Text")!.Attribute(Ns.Xml + "lang")!.Value);
    }

    [Fact]
    public async Task A_missing_instance_is_DestinationUnreachable_without_a_fault_detail()
    {
        var reply = await _service.SendAsync(Request.GetOf("CIM_ComputerSystem", ("CreationClassName", "CIM_ComputerSystem"), ("Name", "no-such-host")));

        reply.AssertSenderFault("wsa:DestinationUnreachable");
        Assert.Null(reply.Detail);
        Assert.Equal("2150858752", reply.Fault!.Element(Ns.S + "Detail")!.Element(Ns.WsManFault + "WSManFault")!.Attribute("Code")!.Value);
    }
}
