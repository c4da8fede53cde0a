using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EventLatency;

/// <summary>
/// One message the sink received: when (a <see cref="Stopwatch"/> timestamp, taken once the body is in), which
/// subscriber it was for (the BenchSubscriber reference parameter), its action and the changes it carries.
/// </summary>
internal sealed record Received(long At, int Subscriber, string Action, List<SystemChange> Changes);

/// <summary>
/// The event sink: Kestrel on loopback in this process, taking WS-Man deliveries for every subscription (told apart
/// by their reference parameter). Answers an Ack when one is requested; anything it cannot read is counted as an
/// error and answered 400, which fails the bench.
/// </summary>
internal sealed class EventSink : IAsyncDisposable
{
    public const string Namespace = "urn:wsmansvp:bench";
    private const string AckAction = "http://schemas.dmtf.org/wbem/wsman/1/wsman/Ack";

    private readonly WebApplication _app;
    private readonly Channel<Received> _received = Channel.CreateUnbounded<Received>(new UnboundedChannelOptions { SingleReader = true });
    private int _errors;

    private EventSink(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public ChannelReader<Received> Received => _received.Reader;

    /// <summary>Messages the sink could not read (each answered 400).</summary>
    public int Errors => Volatile.Read(ref _errors);

    public static async Task<EventSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var sink = new EventSink(builder.Build());
        sink._app.Run(sink.HandleAsync);
        await sink._app.StartAsync();
        sink.Url = sink._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/events";
        return sink;
    }

    /// <summary>The NotifyTo reference parameter that marks a subscriber's deliveries.</summary>
    public static string ReferenceParameter(int subscriber) =>
        $"<b:BenchSubscriber xmlns:b=\"{Namespace}\">{subscriber.ToString(CultureInfo.InvariantCulture)}</b:BenchSubscriber>";

    private async Task HandleAsync(HttpContext http)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        var at = Stopwatch.GetTimestamp();
        try
        {
            var message = body.GetBuffer().AsSpan(0, (int)body.Length);
            var header = XmlScan.Find(message, "Header"u8) ?? throw new BenchException("no soap:Header");
            var headers = message[header];
            var subscriber = int.Parse(XmlScan.Text(headers, "BenchSubscriber"u8) ?? throw new BenchException("no BenchSubscriber header"), CultureInfo.InvariantCulture);
            var action = XmlScan.Text(headers, "Action"u8) ?? throw new BenchException("no wsa:Action");
            var ackOf = XmlScan.Find(headers, "AckRequested"u8) is null ? null : XmlScan.Text(headers, "MessageID"u8);
            _received.Writer.TryWrite(new Received(at, subscriber, action, SystemChange.All(message[header.End.Value..])));
            if (ackOf is null) return;
            http.Response.ContentType = "application/soap+xml;charset=UTF-8";
            await http.Response.WriteAsync("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\">" +
                                           $"<s:Header><wsa:Action>{AckAction}</wsa:Action><wsa:RelatesTo>{ackOf}</wsa:RelatesTo></s:Header><s:Body/></s:Envelope>");
        }
        catch (Exception e) when (e is BenchException or FormatException or OverflowException)
        {
            Interlocked.Increment(ref _errors);
            Console.Error.WriteLine($"EventLatency: the sink could not read a message ({e.Message})");
            http.Response.StatusCode = 400;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
