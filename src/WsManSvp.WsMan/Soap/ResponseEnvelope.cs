using WsManSvp.Cim.Xml;

namespace WsManSvp.WsMan.Soap;

/// <summary>
/// Writes reply envelopes. The root declares every prefix a reply uses (s, wsa, wsman, wsen, wsmb, wsmid,
/// xsi, cim), so content below can use them freely; class namespaces are declared on each instance.
/// </summary>
public static class ResponseEnvelope
{
    private static ReadOnlySpan<byte> EnvelopeStart =>
        "s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:wsman=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\" xmlns:wsen=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\" xmlns:wsmb=\"http://schemas.dmtf.org/wbem/wsman/1/cimbinding.xsd\" xmlns:wsmid=\"http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:cim=\"http://schemas.dmtf.org/wbem/wscim/1/common\""u8;

    /// <summary>The byte count of what <see cref="WriteEnd"/> writes, for size budgets.</summary>
    public const int EndLength = 23;

    /// <summary>Opens the envelope and its header with the WS-Addressing reply headers; the header stays open.</summary>
    public static void WriteStart(Utf8XmlWriter w, string action, string? relatesTo, string? lang)
    {
        w.Start(EnvelopeStart);
        if (lang is not null) w.Attribute("xml:lang"u8, lang);
        w.Start("s:Header"u8);
        w.Element("wsa:To"u8, XmlNs.AnonymousAddress);
        w.Element("wsa:Action"u8, action);
        w.Element("wsa:MessageID"u8, "uuid:" + Guid.NewGuid().ToString("D"));
        if (relatesTo is not null) w.Element("wsa:RelatesTo"u8, relatesTo);
    }

    /// <summary>An envelope with an empty header (Identify replies carry no addressing headers).</summary>
    public static void WriteStartWithoutAddressing(Utf8XmlWriter w)
    {
        w.Start(EnvelopeStart);
        w.Start("s:Header"u8);
    }

    /// <summary>Closes the header and opens the body.</summary>
    public static void WriteBodyStart(Utf8XmlWriter w)
    {
        w.End("s:Header"u8);
        w.Start("s:Body"u8);
    }

    public static void WriteEnd(Utf8XmlWriter w)
    {
        w.End("s:Body"u8);
        w.End("s:Envelope"u8);
    }
}
