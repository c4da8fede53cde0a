using System.Security;
using System.Text;

namespace WsManSvp.WsMan.Tests.Infrastructure;

/// <summary>
/// A request envelope as WS-Man clients write it: SOAP 1.2 with s:-prefixed headers marked
/// mustUnderstand. Null header values leave the header out; extra headers and the body are raw XML.
/// </summary>
public sealed record Request
{
    public const string Get = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Get";
    public const string Enumerate = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate";
    public const string Pull = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Pull";
    public const string Release = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Release";
    public const string ComputerSystem = "CIM_ComputerSystem";

    public string? Action { get; init; }
    public string? To { get; init; } = "http://localhost:5985/wsman";
    public string? ResourceUri { get; init; }
    public string? MessageId { get; init; } = "uuid:" + Guid.NewGuid().ToString("D");
    public string? ReplyTo { get; init; } = Ns.Anonymous;
    public IReadOnlyList<(string Name, string Value)> Selectors { get; init; } = [];
    public string Headers { get; init; } = "";
    public string Body { get; init; } = "";

    public static Request For(string action, string className = ComputerSystem) =>
        new() { Action = action, ResourceUri = Ns.ClassPrefix + className };

    public static Request GetOf(string className, params (string Name, string Value)[] selectors) =>
        For(Get, className) with { Selectors = selectors };

    /// <summary>An Enumerate; <paramref name="options"/> is raw XML inside wsen:Enumerate.</summary>
    public static Request EnumerateOf(string className = ComputerSystem, string options = "") =>
        For(Enumerate, className) with { Body = $"<wsen:Enumerate>{options}</wsen:Enumerate>" };

    /// <summary>An optimized Enumerate returning up to <paramref name="maxElements"/> items at once.</summary>
    public static Request OptimizedEnumerate(int? maxElements, string className = ComputerSystem) =>
        EnumerateOf(className, "<wsman:OptimizeEnumeration/>" + (maxElements is { } n ? $"<wsman:MaxElements>{n}</wsman:MaxElements>" : ""));

    public static Request PullOf(string? context, int? maxElements = null, int? maxCharacters = null) =>
        For(Pull) with
        {
            Body = "<wsen:Pull>" +
                   (context is null ? "" : $"<wsen:EnumerationContext>{Escape(context)}</wsen:EnumerationContext>") +
                   (maxElements is { } n ? $"<wsen:MaxElements>{n}</wsen:MaxElements>" : "") +
                   (maxCharacters is { } c ? $"<wsen:MaxCharacters>{c}</wsen:MaxCharacters>" : "") +
                   "</wsen:Pull>",
        };

    public static Request ReleaseOf(string context) =>
        For(Release) with { Body = $"<wsen:Release><wsen:EnumerationContext>{Escape(context)}</wsen:EnumerationContext></wsen:Release>" };

    public static string Identify(string ns = "http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd") =>
        $"<s:Envelope xmlns:s=\"{Ns.S}\" xmlns:wsmid=\"{ns}\"><s:Header/><s:Body><wsmid:Identify/></s:Body></s:Envelope>";

    public Request WithHeader(string xml) => this with { Headers = Headers + xml };

    public Request WithMaxEnvelopeSize(int octets) =>
        WithHeader($"<wsman:MaxEnvelopeSize s:mustUnderstand=\"true\">{octets}</wsman:MaxEnvelopeSize>");

    public Request WithOperationTimeout(string duration) =>
        WithHeader($"<wsman:OperationTimeout>{duration}</wsman:OperationTimeout>");

    public string Build()
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        sb.Append($"<s:Envelope xmlns:s=\"{Ns.S}\" xmlns:wsa=\"{Ns.Wsa}\" xmlns:wsman=\"{Ns.WsMan}\" xmlns:wsen=\"{Ns.Wsen}\"><s:Header>");
        if (Action is not null) sb.Append($"<wsa:Action s:mustUnderstand=\"true\">{Escape(Action)}</wsa:Action>");
        if (To is not null) sb.Append($"<wsa:To s:mustUnderstand=\"true\">{Escape(To)}</wsa:To>");
        if (ResourceUri is not null) sb.Append($"<wsman:ResourceURI s:mustUnderstand=\"true\">{Escape(ResourceUri)}</wsman:ResourceURI>");
        if (MessageId is not null) sb.Append($"<wsa:MessageID s:mustUnderstand=\"true\">{Escape(MessageId)}</wsa:MessageID>");
        if (ReplyTo is not null) sb.Append($"<wsa:ReplyTo><wsa:Address>{Escape(ReplyTo)}</wsa:Address></wsa:ReplyTo>");
        if (Selectors.Count > 0)
        {
            sb.Append("<wsman:SelectorSet>");
            foreach (var (name, value) in Selectors) sb.Append($"<wsman:Selector Name=\"{Escape(name)}\">{Escape(value)}</wsman:Selector>");
            sb.Append("</wsman:SelectorSet>");
        }
        sb.Append(Headers).Append("</s:Header><s:Body>").Append(Body).Append("</s:Body></s:Envelope>");
        return sb.ToString();
    }

    public static string Escape(string s) => SecurityElement.Escape(s);
}
