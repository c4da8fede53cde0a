using System.Net;
using System.Net.Http.Headers;
using System.Security;
using System.Text;

namespace EventLatency;

/// <summary>A subscription as its SubscribeResponse gives it: the wse:Identifier, and for Pull mode the context.</summary>
internal sealed record SubscriptionHandle(string Identifier, string? Context);

/// <summary>
/// The subscriber's requests to the service over keep-alive HTTP/1.1 with Basic credentials: Subscribe, Pull and
/// Unsubscribe. Anything but 200 fails the bench.
/// </summary>
internal sealed class WsManCalls : IDisposable
{
    public const string PushMode = "http://schemas.xmlsoap.org/ws/2004/08/eventing/DeliveryModes/Push";
    public const string EventsMode = "http://schemas.dmtf.org/wbem/wsman/1/wsman/Events";
    public const string PullMode = "http://schemas.dmtf.org/wbem/wsman/1/wsman/Pull";

    private const string Eventing = "http://schemas.xmlsoap.org/ws/2004/08/eventing";
    private const string ResourceUri = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_InstModification";
    private const string Wql = "http://schemas.microsoft.com/wbem/wsman/1/WQL";
    private const string Query = "SELECT * FROM CIM_InstModification WHERE SourceInstance ISA CIM_ComputerSystem";

    private readonly HttpClient _http;
    private readonly string _url;

    public WsManCalls(string url, string user, string password)
    {
        _url = url;
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false })
        {
            Timeout = TimeSpan.FromMinutes(2),
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    /// <summary>
    /// Subscribes to the modifications of CIM_ComputerSystem instances. Push modes deliver to
    /// <paramref name="notifyTo"/> marked with <paramref name="subscriber"/>; Events mode batches up to 16 and sends
    /// what is there without waiting for more (no wsman:MaxTime).
    /// </summary>
    public async Task<SubscriptionHandle> SubscribeAsync(string mode, string? notifyTo, int subscriber)
    {
        var delivery = notifyTo is null ? "" :
            $"<wse:NotifyTo><wsa:Address>{SecurityElement.Escape(notifyTo)}</wsa:Address>" +
            $"<wsa:ReferenceParameters>{EventSink.ReferenceParameter(subscriber)}</wsa:ReferenceParameters></wse:NotifyTo>";
        if (mode == EventsMode) delivery += "<wsman:MaxElements>16</wsman:MaxElements>";
        var reply = await PostAsync(Envelope(Eventing + "/Subscribe", "",
            $"<wse:Subscribe xmlns:wse=\"{Eventing}\"><wse:Delivery Mode=\"{mode}\">{delivery}</wse:Delivery>" +
            $"<wsman:Filter Dialect=\"{Wql}\">{Query}</wsman:Filter></wse:Subscribe>"));
        var span = reply.AsSpan();
        var identifier = XmlScan.Text(span, "Identifier"u8) ?? throw new BenchException($"A SubscribeResponse without wse:Identifier:\n{Head(reply)}");
        return new SubscriptionHandle(identifier, XmlScan.Text(span, "EnumerationContext"u8));
    }

    /// <summary>A Pull that waits up to 30 s for events; the reply's bytes.</summary>
    public Task<byte[]> PullAsync(string context) => PostAsync(Envelope("http://schemas.xmlsoap.org/ws/2004/09/enumeration/Pull", "",
        $"<wsen:Pull><wsen:EnumerationContext>{context}</wsen:EnumerationContext><wsen:MaxTime>PT30S</wsen:MaxTime>" +
        "<wsen:MaxElements>16</wsen:MaxElements></wsen:Pull>"));

    public Task UnsubscribeAsync(SubscriptionHandle s) => PostAsync(Envelope(Eventing + "/Unsubscribe",
        $"<wse:Identifier xmlns:wse=\"{Eventing}\">{s.Identifier}</wse:Identifier>", $"<wse:Unsubscribe xmlns:wse=\"{Eventing}\"/>"));

    public void Dispose() => _http.Dispose();

    private string Envelope(string action, string headers, string body) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" " +
        "xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:wsman=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\" " +
        "xmlns:wsen=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\"><s:Header>" +
        $"<wsa:Action s:mustUnderstand=\"true\">{action}</wsa:Action><wsa:To s:mustUnderstand=\"true\">{SecurityElement.Escape(_url)}</wsa:To>" +
        $"<wsman:ResourceURI s:mustUnderstand=\"true\">{ResourceUri}</wsman:ResourceURI>" +
        $"<wsa:MessageID s:mustUnderstand=\"true\">uuid:{Guid.NewGuid()}</wsa:MessageID>" +
        "<wsa:ReplyTo><wsa:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:Address></wsa:ReplyTo>" +
        $"{headers}</s:Header><s:Body>{body}</s:Body></s:Envelope>";

    private async Task<byte[]> PostAsync(string envelope)
    {
        using var content = new StringContent(envelope, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/soap+xml;charset=UTF-8");
        using var response = await _http.PostAsync(_url, content);
        var reply = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new BenchException($"HTTP {(int)response.StatusCode}:\n{Head(reply)}");
        return reply;
    }

    private static string Head(byte[] reply) => Encoding.UTF8.GetString(reply, 0, Math.Min(reply.Length, 3000));
}
