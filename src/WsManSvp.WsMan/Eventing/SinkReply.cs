using System.Xml;
using WsManSvp.Cim.Xml;

namespace WsManSvp.WsMan.Eventing;

/// <summary>What an event sink answered: its wsa:Action and wsa:RelatesTo (an Ack names the delivery), or a fault's subcode.</summary>
internal sealed record SinkReply(string? Action, string? RelatesTo, string? Fault)
{
    private const int MaxLength = 64 * 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        MaxCharactersInDocument = MaxLength,
    };

    /// <summary>openwsman misspells the WS-Man namespace of its actions (wbmem); accepted, never sent.</summary>
    public bool IsAckOf(string messageId) =>
        Action is Actions.Ack or "http://schemas.dmtf.org/wbem/wsman/1/wbmem/Ack" && (RelatesTo is null || RelatesTo == messageId);

    public static SinkReply Read(byte[] body)
    {
        if (body.Length == 0 || body.Length > MaxLength) return new SinkReply(null, null, null);
        string? action = null, relatesTo = null, fault = null;
        using var r = XmlReader.Create(new MemoryStream(body), Settings);
        var inSubcode = false;
        while (r.Read())
        {
            if (r.NodeType != XmlNodeType.Element) continue;
            switch (r.NamespaceURI, r.LocalName)
            {
                case (XmlNs.Addressing, "Action"): action = r.ReadElementContentAsString().Trim(); break;
                case (XmlNs.Addressing, "RelatesTo"): relatesTo = r.ReadElementContentAsString().Trim(); break;
                case (XmlNs.Soap, "Subcode"): inSubcode = true; break;
                case (XmlNs.Soap, "Value") when inSubcode:
                    var qname = r.ReadElementContentAsString().Trim();
                    fault = qname[(qname.IndexOf(':') + 1)..];
                    inSubcode = false;
                    break;
            }
        }
        return new SinkReply(action, relatesTo, fault);
    }
}
