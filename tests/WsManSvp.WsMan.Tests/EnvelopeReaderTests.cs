using System.Text;
using System.Xml;
using WsManSvp.WsMan.Soap;
using WsManSvp.WsMan.Tests.Infrastructure;

namespace WsManSvp.WsMan.Tests;

public sealed class EnvelopeReaderTests
{
    private static (RequestHeaders Headers, XmlReader Body) Read(string envelope, WsManOptions? options = null)
    {
        var reader = EnvelopeReader.Open(Encoding.UTF8.GetBytes(envelope), options ?? new WsManOptions());
        return (EnvelopeReader.ReadHeaders(reader), reader);
    }

    [Fact]
    public void Every_header_the_service_understands_is_read_and_the_reader_is_left_on_the_body_content()
    {
        var request = Request.GetOf(Request.ComputerSystem, ("Name", "vm1"), ("__cimnamespace", "root/cimv2")) with
        {
            MessageId = "uuid:11111111-2222-3333-4444-555555555555",
            Body = "<wsman:Anything/>",
        };
        request = request
            .WithHeader($"<wsa:FaultTo><wsa:Address>{Ns.Anonymous}</wsa:Address></wsa:FaultTo>")
            .WithOperationTimeout("PT30.000S")
            .WithMaxEnvelopeSize(153600)
            .WithHeader("<wsman:Locale xml:lang=\"en-GB\" s:mustUnderstand=\"true\"/>")
            .WithHeader("<p:DataLocale xmlns:p=\"http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd\" xml:lang=\"de-DE\" s:mustUnderstand=\"false\"/>")
            .WithHeader("<wsman:OptionSet><wsman:Option Name=\"opt1\">v1</wsman:Option><wsman:Option Name=\"opt2\" MustComply=\"true\">v2</wsman:Option></wsman:OptionSet>")
            .WithHeader("<wsman:FragmentTransfer s:mustUnderstand=\"true\" Dialect=\"urn:dialect\">Name</wsman:FragmentTransfer>")
            .WithHeader("<wsman:RequestTotalItemsCountEstimate/>");

        var (h, body) = Read(request.Build());

        Assert.Equal(Request.Get, h.Action);
        Assert.Equal("http://localhost:5985/wsman", h.To);
        Assert.Equal("uuid:11111111-2222-3333-4444-555555555555", h.MessageId);
        Assert.True(h.HasReplyTo);
        Assert.Equal(Ns.Anonymous, h.ReplyTo);
        Assert.Equal(Ns.Anonymous, h.FaultTo);
        Assert.Equal(Ns.ClassPrefix + "CIM_ComputerSystem", h.ResourceUri);
        Assert.Equal(["Name", "__cimnamespace"], h.Selectors.Select(s => s.Name));
        Assert.Equal("PT30.000S", h.OperationTimeout);
        Assert.Equal("153600", h.MaxEnvelopeSize);
        Assert.Equal(("en-GB", true), (h.Locale, h.LocaleMustUnderstand));
        Assert.Equal(("de-DE", false), (h.DataLocale, h.DataLocaleMustUnderstand));
        Assert.Equal([new WsManOption("opt1", "v1", false), new WsManOption("opt2", "v2", true)], h.Options);
        Assert.Equal(("Name", "urn:dialect"), (h.FragmentTransfer, h.FragmentDialect));
        Assert.True(h.RequestTotalItemsCountEstimate);
        Assert.Empty(h.NotUnderstood);
        Assert.Equal(("Anything", Ns.WsMan.NamespaceName), (body.LocalName, body.NamespaceURI));
    }

    [Theory]
    [InlineData("s:mustUnderstand=\"true\"")]
    [InlineData("s:mustUnderstand=\"1\"")]
    [InlineData("mustUnderstand=\"true\"")] // pywinrm writes it without the SOAP prefix
    public void An_unknown_header_marked_mustUnderstand_is_recorded_as_not_understood(string attribute)
    {
        var request = Request.GetOf("CIM_ComputerSystem").WithHeader($"<x:Custom xmlns:x=\"urn:custom\" {attribute}>1</x:Custom>");

        var (h, _) = Read(request.Build());

        Assert.Equal([("urn:custom", "Custom")], h.NotUnderstood);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s:mustUnderstand=\"false\"")]
    [InlineData("s:mustUnderstand=\"0\"")]
    public void An_unknown_header_not_marked_mustUnderstand_is_ignored(string attribute)
    {
        var request = Request.GetOf("CIM_ComputerSystem").WithHeader($"<x:Custom xmlns:x=\"urn:custom\" {attribute}><x:Deep>1</x:Deep></x:Custom>");

        var (h, _) = Read(request.Build());

        Assert.Empty(h.NotUnderstood);
        Assert.Equal(Request.Get, h.Action);
    }

    [Fact]
    public async Task A_mustUnderstand_header_not_understood_gets_a_MustUnderstand_fault_naming_it()
    {
        await using var service = await TestService.StartAsync();
        var request = Request.GetOf("CIM_ComputerSystem", ("Name", TestService.HostName))
            .WithHeader("<x:Custom xmlns:x=\"urn:custom\" mustUnderstand=\"true\">1</x:Custom>");

        var reply = await service.SendAsync(request);

        reply.AssertFault("s:MustUnderstand", null);
        Assert.Equal(Ns.AddressingFaultAction, reply.Action);
        var notUnderstood = reply.Header.Element(Ns.S + "NotUnderstood")!;
        var qname = notUnderstood.Attribute("qname")!.Value.Split(':');
        Assert.Equal("Custom", qname[1]);
        Assert.Equal("urn:custom", notUnderstood.GetNamespaceOfPrefix(qname[0])!.NamespaceName);
    }

    [Fact]
    public async Task A_default_namespace_envelope_as_Intel_wsman_messages_writes_it_is_answered()
    {
        await using var service = await TestService.StartAsync();
        // Byte for byte the form of @device-management-toolkit/wsman-messages (see shared/interop/wsman-messages).
        var get = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Envelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\" xmlns=\"http://www.w3.org/2003/05/soap-envelope\"><Header><a:Action>http://schemas.xmlsoap.org/ws/2004/09/transfer/Get</a:Action><a:To>/wsman</a:To><w:ResourceURI>http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystem</w:ResourceURI><a:MessageID>0</a:MessageID><a:ReplyTo><a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo><w:OperationTimeout>PT60S</w:OperationTimeout><w:SelectorSet><w:Selector Name=\"Name\">" + TestService.HostName + "</w:Selector></w:SelectorSet></Header><Body></Body></Envelope>";

        var reply = (await service.SendAsync(get)).AssertOk();

        Assert.Equal("0", reply.RelatesTo);
        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse", reply.Action);
        Assert.Equal(Ns.Class("CIM_ComputerSystem") + "CIM_ComputerSystem", reply.Content.Name);
        Assert.Equal(TestService.HostName, reply.Content.Element(Ns.Class("CIM_ComputerSystem") + "Name")!.Value);
    }

    [Fact]
    public async Task A_default_namespace_Enumerate_and_Pull_as_Intel_writes_them_are_answered()
    {
        await using var service = await TestService.StartAsync();
        const string prefix = "<?xml version=\"1.0\" encoding=\"utf-8\"?><Envelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\" xmlns=\"http://www.w3.org/2003/05/soap-envelope\"><Header><a:Action>http://schemas.xmlsoap.org/ws/2004/09/enumeration/";
        const string middle = "</a:Action><a:To>/wsman</a:To><w:ResourceURI>http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystem</w:ResourceURI><a:MessageID>1</a:MessageID><a:ReplyTo><a:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo><w:OperationTimeout>PT60S</w:OperationTimeout></Header><Body>";

        var enumerate = Batch.FromEnumerate(await service.SendAsync(prefix + "Enumerate" + middle +
            "<Enumerate xmlns=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\" /></Body></Envelope>"));
        var pull = Batch.FromPull(await service.SendAsync(prefix + "Pull" + middle +
            "<Pull xmlns=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\"><EnumerationContext>" + enumerate.ContextId +
            "</EnumerationContext><MaxElements>999</MaxElements><MaxCharacters>99999</MaxCharacters></Pull></Body></Envelope>"));

        Assert.True(pull.EndOfSequence);
        Assert.Equal(service.ComputerSystemCount, pull.Items.Count);
        Assert.Equal(TestService.HostName, pull.Items.Names().First());
    }

    [Theory]
    [InlineData("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Header/></s:Envelope>")]
    [InlineData("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"/>")]
    [InlineData("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Header/><s:Other/></s:Envelope>")]
    public async Task An_envelope_without_a_Body_is_refused_as_malformed_with_400(string envelope)
    {
        await using var service = await TestService.StartAsync();

        var reply = await service.SendAsync(envelope);

        reply.AssertSenderFault("wsman:SchemaValidationError", status: 400);
        Assert.Contains("s:Body", reply.Reason);
    }

    [Fact]
    public async Task A_SOAP_1_1_envelope_gets_VersionMismatch_with_500()
    {
        await using var service = await TestService.StartAsync();
        var soap11 = Request.GetOf("CIM_ComputerSystem").Build().Replace(Ns.S.NamespaceName, "http://schemas.xmlsoap.org/soap/envelope/");

        var reply = await service.SendAsync(soap11);

        reply.AssertFault("s:VersionMismatch", null, status: 500);
        Assert.Contains("http://schemas.xmlsoap.org/soap/envelope/", reply.Reason);
        Assert.NotNull(reply.Xml.Root!.Element(Ns.S + "Header")!.Element(Ns.S + "Upgrade"));
        Assert.Equal(Ns.S, reply.Xml.Root!.Name.Namespace);
    }

    [Fact]
    public async Task An_Envelope_in_any_other_namespace_is_a_VersionMismatch()
    {
        await using var service = await TestService.StartAsync();

        var reply = await service.SendAsync("<soap:Envelope xmlns:soap=\"urn:other\"/>");

        reply.AssertFault("s:VersionMismatch", null, status: 500);
        Assert.Contains("urn:other", reply.Reason);
    }

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE s:Envelope [<!ENTITY x \"expanded\">]><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Header/><s:Body>&x;</s:Body></s:Envelope>", "DTD")]
    [InlineData("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Header></s:Body></s:Envelope>", "well-formed")]
    [InlineData("not xml at all", "well-formed")]
    [InlineData("<s:Letter xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"/>", "not a SOAP envelope")]
    public async Task A_request_that_is_not_a_safe_well_formed_envelope_is_refused_with_400(string envelope, string reasonMentions)
    {
        await using var service = await TestService.StartAsync();

        var reply = await service.SendAsync(envelope);

        Assert.Equal(400, reply.StatusCode);
        Assert.NotNull(reply.Fault);
        Assert.Contains(reasonMentions, reply.Reason);
        Assert.DoesNotContain("expanded", reply.Text);
    }

    [Fact]
    public async Task Nesting_deeper_than_MaxXmlDepth_is_refused_even_in_a_header_that_is_only_skipped()
    {
        await using var service = await TestService.StartAsync(new WsManOptions { MaxXmlDepth = 12 });
        static string Nest(int depth) => string.Concat(Enumerable.Repeat("<x:n>", depth)) + string.Concat(Enumerable.Repeat("</x:n>", depth));
        Request Nested(int depth) => Request.GetOf("CIM_ComputerSystem", ("Name", TestService.HostName))
            .WithHeader($"<x:Custom xmlns:x=\"urn:custom\">{Nest(depth)}</x:Custom>");

        // Envelope, Header and Custom are three levels: 9 more reach depth 11, the deepest allowed.
        (await service.SendAsync(Nested(9))).AssertOk();
        var reply = await service.SendAsync(Nested(10));

        reply.AssertSenderFault("wsman:SchemaValidationError", status: 400);
        Assert.Contains("deeper than 12", reply.Reason);
    }

    [Fact]
    public async Task More_elements_than_MaxXmlElements_are_refused()
    {
        await using var service = await TestService.StartAsync(new WsManOptions { MaxXmlElements = 40 });
        Request Padded(int count) => Request.GetOf("CIM_ComputerSystem", ("Name", TestService.HostName))
            .WithHeader($"<x:Custom xmlns:x=\"urn:custom\">{string.Concat(Enumerable.Repeat("<x:e/>", count))}</x:Custom>");

        (await service.SendAsync(Padded(10))).AssertOk();
        var reply = await service.SendAsync(Padded(40));

        reply.AssertSenderFault("wsman:SchemaValidationError", status: 400);
        Assert.Contains("more than 40 elements", reply.Reason);
    }
}
