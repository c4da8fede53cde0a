using System.Net;
using System.Text;
using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Protocol;

/// <summary>How the envelope is parsed: unparsable and hostile XML, SOAP versions, encodings.</summary>
public sealed class XmlParsingTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly (string Name, string Value)[] HostSelectors =
        [("CreationClassName", "CIM_ComputerSystem"), ("Name", ServerFixture.HostName)];

    private static string HostGet() => Envelopes.Build(Envelopes.Get, Envelopes.ClassUri("CIM_ComputerSystem"), HostSelectors);

    private static string Nested(int depth) =>
        string.Concat(Enumerable.Repeat("<x:n xmlns:x=\"urn:deep\">", depth)) + string.Concat(Enumerable.Repeat("</x:n>", depth));

    private static void AssertUnparsable(WsManReply reply, string reasonFragment)
    {
        reply.AssertFault("wsman:SchemaValidationError", status: HttpStatusCode.BadRequest);
        Assert.Equal("s:Sender", reply.FaultCode);
        Assert.Contains(reasonFragment, reply.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("http://schemas.dmtf.org/wbem/wsman/1/wsman/fault", reply.Action);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("mismatched tags")]
    [InlineData("undeclared prefix")]
    public async Task Malformed_xml_is_400_with_a_soap_fault(string defect)
    {
        var envelope = HostGet();
        var malformed = defect switch
        {
            "truncated" => envelope[..(envelope.Length / 2)],
            "mismatched tags" => envelope.Replace("</s:Body>", "</s:Bodyx>"),
            _ => envelope.Replace("<s:Body>", "<s:Body><q:Thing/>"),
        };
        using var client = server.Client();
        AssertUnparsable(await client.PostAsync(malformed), "well-formed");
    }

    [Fact]
    public async Task A_document_that_is_not_an_envelope_is_400()
    {
        using var client = server.Client();
        AssertUnparsable(await client.PostAsync("<?xml version=\"1.0\"?><Hello xmlns=\"http://www.w3.org/2003/05/soap-envelope\"/>"), "not a SOAP envelope");
    }

    [Fact]
    public async Task An_envelope_without_a_body_is_400()
    {
        using var client = server.Client();
        var envelope = HostGet();
        var withoutBody = envelope[..envelope.IndexOf("<s:Body>", StringComparison.Ordinal)] + "</s:Envelope>";
        AssertUnparsable(await client.PostAsync(withoutBody), "no s:Body");
    }

    [Fact]
    public async Task An_entity_expansion_attempt_is_refused_without_expanding()
    {
        const string payload = "EXPANDED-ENTITY-TEXT";
        var envelope = HostGet()
            .Replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE s:Envelope [<!ENTITY x \"{payload}\"><!ENTITY y \"&x;&x;&x;&x;&x;&x;&x;&x;\">]>")
            .Replace("<wsa:MessageID s:mustUnderstand=\"true\">", "<wsa:MessageID s:mustUnderstand=\"true\">&y;");

        using var client = server.Client();
        var reply = await client.PostAsync(envelope);

        AssertUnparsable(reply, "DTD");
        Assert.DoesNotContain(payload, reply.Text);
        Assert.Null(reply.Header.Element(Ns.Wsa + "RelatesTo"));
    }

    [Fact]
    public async Task An_external_entity_is_refused()
    {
        var envelope = HostGet()
            .Replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE s:Envelope [<!ENTITY ext SYSTEM \"file:///etc/hostname\">]>")
            .Replace("</wsa:To>", "&ext;</wsa:To>");
        using var client = server.Client();
        AssertUnparsable(await client.PostAsync(envelope), "DTD");
    }

    [Fact]
    public async Task Nesting_deeper_than_the_limit_in_the_body_is_400()
    {
        using var client = server.Client();
        AssertUnparsable(await client.EnumerateAsync("CIM_ComputerSystem", Nested(100)), "deeper than 64");
    }

    [Fact]
    public async Task Nesting_deeper_than_the_limit_in_an_ignored_header_is_400_too()
    {
        using var client = server.Client();
        var reply = await client.PostAsync(Envelopes.Build(Envelopes.Get, Envelopes.ClassUri("CIM_ComputerSystem"), HostSelectors, extraHeaders: Nested(100)));
        AssertUnparsable(reply, "deeper than 64");
    }

    [Fact]
    public async Task Nesting_within_the_limit_is_accepted()
    {
        using var client = server.Client();
        var reply = (await client.PostAsync(Envelopes.Build(Envelopes.Get, Envelopes.ClassUri("CIM_ComputerSystem"), HostSelectors, extraHeaders: Nested(40)))).AssertOk();
        Assert.Equal(ServerFixture.HostName, reply.Content.Prop("Name"));
    }

    [Fact]
    public async Task A_soap_1_1_envelope_is_VersionMismatch_naming_the_supported_envelope()
    {
        var envelope = HostGet().Replace("http://www.w3.org/2003/05/soap-envelope", "http://schemas.xmlsoap.org/soap/envelope/");
        using var client = server.Client();
        var reply = await client.PostAsync(envelope);

        // SOAP 1.2 part 2, 7.5.1.2: VersionMismatch is a 500, with s:Upgrade listing the envelope understood.
        Assert.Equal(HttpStatusCode.InternalServerError, reply.Status);
        var supported = reply.Header.Element(Ns.S + "Upgrade")!.Element(Ns.S + "SupportedEnvelope")!;
        Assert.Equal("s:Envelope", supported.Attribute("qname")!.Value);
        Assert.Equal(Ns.S.NamespaceName, supported.GetNamespaceOfPrefix("s")!.NamespaceName);
        Assert.Equal(Ns.S + "Envelope", reply.Xml.Root!.Name); // the fault itself is SOAP 1.2
        Assert.Equal("s:VersionMismatch", reply.FaultCode);
        Assert.Null(reply.Subcode);
        Assert.Contains("http://schemas.xmlsoap.org/soap/envelope/", reply.Reason);
    }

    [Fact]
    public async Task A_utf16_request_gets_a_utf16_reply_that_parses()
    {
        var text = HostGet().Replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        var content = new ByteArrayContent([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);

        using var client = server.Client();
        var reply = (await client.PostAsync(content, "application/soap+xml;charset=UTF-16")).AssertOk();

        Assert.Equal("application/soap+xml;charset=UTF-16", reply.ContentType.Replace(" ", ""));
        var bytes = await reply.Message.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xFF, 0xFE], bytes[..2]);
        Assert.Equal(bytes.Length, (int)reply.Message.Content.Headers.ContentLength!);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-16\"?>", reply.Text);
        var parsed = XDocument.Load(new MemoryStream(bytes));
        var instance = parsed.Root!.Element(Ns.S + "Body")!.Elements().Single();
        Assert.Equal(ServerFixture.HostName, instance.Prop("Name"));
    }

    [Fact]
    public async Task A_utf16_request_that_faults_gets_a_utf16_fault()
    {
        var text = Envelopes.Build(Envelopes.Get, Envelopes.ClassUri("CIM_NoSuchClass"), HostSelectors).Replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        var content = new ByteArrayContent([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)]);

        using var client = server.Client();
        var reply = await client.PostAsync(content, "application/soap+xml;charset=UTF-16");

        reply.AssertFault("wsa:DestinationUnreachable", "InvalidResourceURI");
        var bytes = await reply.Message.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xFF, 0xFE], bytes[..2]);
    }
}
