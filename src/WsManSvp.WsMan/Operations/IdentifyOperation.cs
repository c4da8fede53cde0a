using System.Xml;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Resources;
using WsManSvp.WsMan.Soap;

namespace WsManSvp.WsMan.Operations;

/// <summary>
/// wsmid:Identify (DSP0226 clause 11): protocol version and product; the security profiles only to a
/// caller who authenticated.
/// </summary>
public static class IdentifyOperation
{
    public const string ProtocolVersion = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    private const string BasicOverHttp = "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/basic";
    private const string BasicOverHttps = "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/https/basic";

    public static bool IsIdentify(XmlReader body) =>
        body.NodeType == XmlNodeType.Element && body.LocalName == "Identify" &&
        body.NamespaceURI is XmlNs.Identity or XmlNs.IdentityAlternate;

    public static void Write(Utf8XmlWriter w, Caller caller, WsManOptions options)
    {
        ResponseEnvelope.WriteStartWithoutAddressing(w);
        ResponseEnvelope.WriteBodyStart(w);
        w.Start("wsmid:IdentifyResponse"u8);
        w.Element("wsmid:ProtocolVersion"u8, ProtocolVersion);
        w.Element("wsmid:ProductVendor"u8, options.ProductVendor);
        w.Element("wsmid:ProductVersion"u8, options.ProductVersion);
        if (caller.IsAuthenticated)
        {
            w.Start("wsmid:SecurityProfiles"u8);
            w.Element("wsmid:SecurityProfileName"u8, caller.IsHttps ? BasicOverHttps : BasicOverHttp);
            w.End("wsmid:SecurityProfiles"u8);
        }
        w.End("wsmid:IdentifyResponse"u8);
        ResponseEnvelope.WriteEnd(w);
    }
}
