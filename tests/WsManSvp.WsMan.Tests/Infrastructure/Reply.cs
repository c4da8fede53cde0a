using System.Text;
using System.Xml.Linq;
using WsManSvp.WsMan.Dispatch;

namespace WsManSvp.WsMan.Tests.Infrastructure;

/// <summary>A reply as a test reads it: status, content type, the bytes, and the envelope parsed.</summary>
public sealed class Reply
{
    private XDocument? _xml;

    public Reply(WsManResponse response)
    {
        StatusCode = response.StatusCode;
        IsUnauthorized = response.IsUnauthorized;
        ContentType = response.ContentType;
        Bytes = response.Body.ToArray();
    }

    public int StatusCode { get; }
    public bool IsUnauthorized { get; }
    public string ContentType { get; }
    public byte[] Bytes { get; }

    /// <summary>The body decoded by its byte order mark (UTF-16 little endian) or as UTF-8.</summary>
    public string Text => Bytes is [0xFF, 0xFE, ..] ? Encoding.Unicode.GetString(Bytes, 2, Bytes.Length - 2) : Encoding.UTF8.GetString(Bytes);

    public XDocument Xml => _xml ??= XDocument.Parse(Text);

    public XElement Header => Xml.Root!.Element(Ns.S + "Header")!;

    public XElement Body => Xml.Root!.Element(Ns.S + "Body")!;

    public XElement Content => Body.Elements().First();

    public string? Action => Header.Element(Ns.Wsa + "Action")?.Value;

    public string? RelatesTo => Header.Element(Ns.Wsa + "RelatesTo")?.Value;

    public XElement? Fault => Body.Element(Ns.S + "Fault");

    public string? Code => Fault?.Element(Ns.S + "Code")?.Element(Ns.S + "Value")?.Value;

    public string? Subcode => Fault?.Element(Ns.S + "Code")?.Element(Ns.S + "Subcode")?.Element(Ns.S + "Value")?.Value;

    public string? Detail => Fault?.Element(Ns.S + "Detail")?.Element(Ns.WsMan + "FaultDetail")?.Value;

    public string? Reason => Fault?.Element(Ns.S + "Reason")?.Element(Ns.S + "Text")?.Value;

    /// <summary>Asserts a fault with this code, subcode and (when given) detail name; returns the reply.</summary>
    public Reply AssertFault(string code, string? subcode, string? detail = null, int status = 500)
    {
        Assert.True(Fault is not null, $"Expected a {subcode ?? code} fault, got:\n{Text}");
        Assert.Equal(status, StatusCode);
        Assert.Equal(code, Code);
        Assert.Equal(subcode, Subcode);
        if (detail is not null) Assert.Equal(Ns.FaultDetailPrefix + detail, Detail);
        return this;
    }

    public Reply AssertSenderFault(string subcode, string? detail = null, int status = 500) => AssertFault("s:Sender", subcode, detail, status);

    public Reply AssertOk()
    {
        Assert.True(StatusCode == 200 && Fault is null, $"Expected a reply, got {StatusCode}:\n{Text}");
        return this;
    }
}
