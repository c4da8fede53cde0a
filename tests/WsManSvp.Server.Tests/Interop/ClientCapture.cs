using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Interop;

/// <summary>
/// A request body a real client sent, as stored under ../shared/interop, sent byte for byte except for
/// the substitutions the interop README allows (selector values, the enumeration context).
/// </summary>
public sealed class ClientCapture
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private ClientCapture(string name, string text)
    {
        Name = name;
        Text = text;
    }

    /// <summary>The path under ../shared/interop.</summary>
    public string Name { get; }

    public string Text { get; }

    public static ClientCapture Load(string name)
    {
        var path = TestPaths.Interop(name);
        Assert.True(File.Exists(path), $"The capture {name} is missing: expected {path} (the read-only ../shared/interop folder).");
        return new ClientCapture(name, Utf8.GetString(File.ReadAllBytes(path)));
    }

    /// <summary>The request's wsa:MessageID, which the reply's wsa:RelatesTo must repeat.</summary>
    public string? MessageId => XDocument.Parse(Text).Descendants(Ns.Wsa + "MessageID").FirstOrDefault()?.Value;

    public ClientCapture WithSelector(string name, string value) =>
        Replace($"(<(?:[\\w.-]+:)?Selector Name=\"{Regex.Escape(name)}\">)[^<]*(</)", value, $"selector {name}");

    public ClientCapture WithEnumerationContext(string context) =>
        Replace("(<(?:[\\w.-]+:)?EnumerationContext>)[^<]*(</)", context, "enumeration context");

    /// <summary>A Subscribe's NotifyTo address, pointed at a sink of the test (the captured one listened on the client's machine).</summary>
    public ClientCapture WithNotifyTo(string address) =>
        Replace("(<(?:[\\w.-]+:)?NotifyTo><(?:[\\w.-]+:)?Address>)[^<]*(</)", address, "NotifyTo address");

    /// <summary>A Renew's or Unsubscribe's wse:Identifier, the subscription's the test made.</summary>
    public ClientCapture WithIdentifier(string identifier) =>
        Replace("(<(?:[\\w.-]+:)?Identifier>)[^<]*(</)", identifier, "subscription identifier");

    /// <summary>POSTs the capture with Basic credentials and checks the reply relates to it.</summary>
    public async Task<WsManReply> SendAsync(WsManClient client)
    {
        var reply = await client.PostAsync(new ByteArrayContent(Utf8.GetBytes(Text)));
        Assert.True(reply.ContentType.StartsWith("application/soap+xml", StringComparison.Ordinal),
            $"{Name}: expected a SOAP reply, got HTTP {(int)reply.Status} '{reply.ContentType}':\n{reply.Text}");
        if (MessageId is { } id) Assert.Equal(id, reply.Header.Element(Ns.Wsa + "RelatesTo")?.Value);
        return reply;
    }

    private ClientCapture Replace(string pattern, string value, string what)
    {
        var regex = new Regex(pattern);
        Assert.True(regex.IsMatch(Text), $"{Name} has no {what} to replace.");
        return new ClientCapture(Name, regex.Replace(Text, m => m.Groups[1].Value + Envelopes.Escape(value) + m.Groups[2].Value));
    }
}
