using System.Xml.Linq;

namespace WsManSvp.WsMan.Tests.Infrastructure;

/// <summary>XML namespaces for building requests and reading replies.</summary>
public static class Ns
{
    public static readonly XNamespace S = "http://www.w3.org/2003/05/soap-envelope";
    public static readonly XNamespace Wsa = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    public static readonly XNamespace WsMan = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    public static readonly XNamespace Wsen = "http://schemas.xmlsoap.org/ws/2004/09/enumeration";
    public static readonly XNamespace Wxf = "http://schemas.xmlsoap.org/ws/2004/09/transfer";
    public static readonly XNamespace Wsmid = "http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    public static readonly XNamespace WsManFault = "http://schemas.microsoft.com/wbem/wsman/1/wsmanfault";
    public static readonly XNamespace Xml = XNamespace.Xml;

    public const string Anonymous = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";
    public const string ClassPrefix = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
    public const string FaultDetailPrefix = "http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/";

    public const string WsManFaultAction = "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault";
    public const string AddressingFaultAction = "http://schemas.xmlsoap.org/ws/2004/08/addressing/fault";
    public const string EnumerationFaultAction = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/fault";
    public const string TransferFaultAction = "http://schemas.xmlsoap.org/ws/2004/09/transfer/fault";

    public static XNamespace Class(string className) => ClassPrefix + className;
}
