using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Xml.Linq;

namespace WsManSvp.WsMan.Tests.Infrastructure;

/// <summary>One message the service delivered: where, with what Authorization, and the envelope.</summary>
public sealed record SinkMessage(Uri Uri, string? Authorization, XDocument Envelope)
{
    public XElement Header => Envelope.Root!.Element(Ns.S + "Header")!;
    public XElement Body => Envelope.Root!.Element(Ns.S + "Body")!;
    public string? Action => Header.Element(Ns.Wsa + "Action")?.Value;
    public string? MessageId => Header.Element(Ns.Wsa + "MessageID")?.Value;
    public string? Bookmark => Header.Element(Ns.WsMan + "Bookmark")?.Value;
    public bool AckRequested => Header.Element(Ns.WsMan + "AckRequested") is not null;

    /// <summary>The texts of the test events the message carries (one for Event, several for Events).</summary>
    public IReadOnlyList<string> Events => Body.Descendants(XNamespace.Get(FakeEventService.EventNs) + "Event").Select(e => e.Value).ToList();
}

/// <summary>How the fake sink answers.</summary>
public enum SinkBehaviour { Accept, Ack, Fail, Down, Refuse }

/// <summary>
/// An event sink without a network: the HTTP handler deliveries go through, recording each message. The
/// behaviour applies to the NotifyTo address; the EndTo address (<see cref="Subscriptions.EndToSink"/>) always accepts.
/// </summary>
public sealed class FakeSink : HttpMessageHandler
{
    public ConcurrentQueue<SinkMessage> Messages { get; } = new();

    public SinkBehaviour Behaviour { get; set; } = SinkBehaviour.Accept;

    /// <summary>How many attempts failed (the sink was down or failing).</summary>
    public int Failures;

    public IEnumerable<SinkMessage> Of(string action) => Messages.Where(m => m.Action == action);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
        var behaviour = request.RequestUri == new Uri(Subscriptions.EndToSink) ? SinkBehaviour.Accept : Behaviour;
        if (behaviour == SinkBehaviour.Down)
        {
            Interlocked.Increment(ref Failures);
            throw new HttpRequestException("Connection refused (fake sink down)");
        }
        if (behaviour == SinkBehaviour.Fail)
        {
            Interlocked.Increment(ref Failures);
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        }
        var message = new SinkMessage(request.RequestUri!, request.Headers.Authorization?.ToString(), XDocument.Parse(Encoding.UTF8.GetString(body)));
        Messages.Enqueue(message);
        return behaviour switch
        {
            SinkBehaviour.Ack when message.AckRequested => Soap(Ack(message.MessageId!)),
            SinkBehaviour.Refuse => new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent(Refusal(), Encoding.UTF8, "application/soap+xml") },
            _ => new HttpResponseMessage(HttpStatusCode.OK),
        };
    }

    private static HttpResponseMessage Soap(string envelope) =>
        new(HttpStatusCode.OK) { Content = new StringContent(envelope, Encoding.UTF8, "application/soap+xml") };

    public static string Ack(string relatesTo) =>
        $"<s:Envelope xmlns:s=\"{Ns.S}\" xmlns:wsa=\"{Ns.Wsa}\"><s:Header><wsa:Action>http://schemas.dmtf.org/wbem/wsman/1/wsman/Ack</wsa:Action>" +
        $"<wsa:RelatesTo>{relatesTo}</wsa:RelatesTo></s:Header><s:Body/></s:Envelope>";

    private static string Refusal() =>
        $"<s:Envelope xmlns:s=\"{Ns.S}\" xmlns:wsman=\"{Ns.WsMan}\"><s:Body><s:Fault><s:Code><s:Value>s:Receiver</s:Value>" +
        "<s:Subcode><s:Value>wsman:DeliveryRefused</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang=\"en-US\">no</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>";
}
