using System.Security;
using System.Text;

namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>Builds request envelopes the way WS-Man clients write them.</summary>
public static class Envelopes
{
    public const string Anonymous = "http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous";
    public const string Get = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get";
    public const string Put = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Put";
    public const string Enumerate = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate";
    public const string Pull = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Pull";
    public const string Release = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Release";

    public static string ClassUri(string className) => Ns.ClassPrefix + className;

    /// <summary>A full envelope. Selectors as (name, value) pairs; extra headers and the body as raw XML.</summary>
    public static string Build(string? action, string? resourceUri, IEnumerable<(string Name, string Value)>? selectors = null,
        string body = "", string extraHeaders = "", string? messageId = null, bool replyTo = true, string to = "http://localhost/wsman")
    {
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        sb.Append("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" ");
        sb.Append("xmlns:wsman=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\" xmlns:wsen=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\" ");
        sb.Append("xmlns:wsmb=\"http://schemas.dmtf.org/wbem/wsman/1/cimbinding.xsd\"><s:Header>");
        if (action is not null) sb.Append($"<wsa:Action s:mustUnderstand=\"true\">{Escape(action)}</wsa:Action>");
        sb.Append($"<wsa:To s:mustUnderstand=\"true\">{Escape(to)}</wsa:To>");
        if (resourceUri is not null) sb.Append($"<wsman:ResourceURI s:mustUnderstand=\"true\">{Escape(resourceUri)}</wsman:ResourceURI>");
        sb.Append($"<wsa:MessageID s:mustUnderstand=\"true\">{Escape(messageId ?? "uuid:" + Guid.NewGuid())}</wsa:MessageID>");
        if (replyTo) sb.Append($"<wsa:ReplyTo><wsa:Address>{Anonymous}</wsa:Address></wsa:ReplyTo>");
        if (selectors is not null)
        {
            sb.Append("<wsman:SelectorSet>");
            foreach (var (name, value) in selectors) sb.Append($"<wsman:Selector Name=\"{Escape(name)}\">{Escape(value)}</wsman:Selector>");
            sb.Append("</wsman:SelectorSet>");
        }
        sb.Append(extraHeaders);
        sb.Append("</s:Header><s:Body>").Append(body).Append("</s:Body></s:Envelope>");
        return sb.ToString();
    }

    public static string Identify() =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" " +
        "xmlns:wsmid=\"http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd\"><s:Header/><s:Body><wsmid:Identify/></s:Body></s:Envelope>";

    public static string Escape(string s) => SecurityElement.Escape(s);
}
