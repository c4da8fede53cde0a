namespace WsManSvp.Cim.Xml;

/// <summary>The XML namespaces of WS-Management, its CIM binding and the WS-* specifications it uses.</summary>
public static class XmlNs
{
    public const string Soap = "http://www.w3.org/2003/05/soap-envelope";
    public const string Soap11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public const string Addressing = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public const string Transfer = "http://schemas.xmlsoap.org/ws/2004/09/transfer";
    public const string Enumeration = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    public const string Eventing = "http://schemas.xmlsoap.org/ws/2004/08/eventing";
    public const string WsMan = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    public const string CimBinding = "http://schemas.dmtf.org/wbem/wsman/1/cimbinding.xsd";
    public const string Identity = "http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd";
    /// <summary>An older spelling of the identify namespace some clients send.</summary>
    public const string IdentityAlternate = "http://schemas.dmtf.org/wbem/wsman/identify/1/wsmanidentity.xsd";
    public const string CimCommon = "http://schemas.dmtf.org/wbem/wscim/1/common";
    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public const string Xml = "http://www.w3.org/XML/1998/namespace";
    public const string MsWsMan = "http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd";
    public const string MsWsManFault = "http://schemas.microsoft.com/wbem/wsman/1/wsmanfault";

    public const string AnonymousAddress = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";
}
