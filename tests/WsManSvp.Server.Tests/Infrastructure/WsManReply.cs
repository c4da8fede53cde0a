using System.Net;
using System.Xml.Linq;

namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>A reply as a test sees it: status, headers, text, and the envelope parsed.</summary>
public sealed class WsManReply(HttpStatusCode status, string contentType, string text, HttpResponseMessage message)
{
    public HttpStatusCode Status { get; } = status;
    public string ContentType { get; } = contentType;
    public string Text { get; } = text;
    public HttpResponseMessage Message { get; } = message;

    private XDocument? _xml;

    public XDocument Xml => _xml ??= XDocument.Parse(Text);

    public XElement Header => Xml.Root!.Element(Ns.S + "Header")!;

    public XElement Body => Xml.Root!.Element(Ns.S + "Body")!;

    /// <summary>The first element in the body.</summary>
    public XElement Content => Body.Elements().First();

    public string? Action => Header.Element(Ns.Wsa + "Action")?.Value;

    public XElement? Fault => Text.Length == 0 ? null : Body.Element(Ns.S + "Fault");

    public string? FaultCode => Fault?.Element(Ns.S + "Code")?.Element(Ns.S + "Value")?.Value;

    public string? Subcode => Fault?.Element(Ns.S + "Code")?.Element(Ns.S + "Subcode")?.Element(Ns.S + "Value")?.Value;

    public string? FaultDetail => Fault?.Element(Ns.S + "Detail")?.Element(Ns.WsMan + "FaultDetail")?.Value;

    public string? Reason => Fault?.Element(Ns.S + "Reason")?.Element(Ns.S + "Text")?.Value;

    /// <summary>Asserts the reply is a fault with this subcode (and detail name, when given).</summary>
    public WsManReply AssertFault(string subcode, string? detail = null, HttpStatusCode status = HttpStatusCode.InternalServerError)
    {
        Assert.True(Fault is not null, $"Expected fault {subcode}, got:\n{Text}");
        Assert.Equal(status, Status);
        Assert.Equal(subcode, Subcode);
        if (detail is not null) Assert.Equal("http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/" + detail, FaultDetail);
        return this;
    }

    public WsManReply AssertOk()
    {
        Assert.True(Status == HttpStatusCode.OK, $"Expected 200, got {(int)Status}:\n{Text}");
        return this;
    }
}
