using System.Xml.Linq;

namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>XML namespaces for assertions.</summary>
public static class Ns
{
    public static readonly XNamespace S = "http://www.w3.org/2003/05/soap-envelope";
    public static readonly XNamespace Wsa = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public static readonly XNamespace WsMan = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    public static readonly XNamespace Wsen = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    public static readonly XNamespace Wsmid = "http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public static readonly XNamespace Cim = "http://schemas.dmtf.org/wbem/wscim/1/common";
    public static readonly XNamespace WsManFault = "http://schemas.microsoft.com/wbem/wsman/1/wsmanfault";

    public const string ClassPrefix = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";

    public static XNamespace Class(string className) => ClassPrefix + className;
}
