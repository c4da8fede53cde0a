using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Eventing;

/// <summary>One message an event sink received.</summary>
public sealed record ReceivedMessage(string Path, string? Authorization, XDocument Envelope)
{
    public XElement Header => Envelope.Root!.Element(Ns.S + "Header")!;
    public XElement Body => Envelope.Root!.Element(Ns.S + "Body")!;
    public string? Action => Header.Element(Ns.Wsa + "Action")?.Value;
    public IReadOnlyList<string> Events => Body.Descendants(XNamespace.Get(TestEventSource.EventNs) + "Event").Select(e => e.Value).ToList();
}

/// <summary>
/// A real event sink on loopback (Kestrel): records what it receives, answers Acks when asked, can demand
/// Basic credentials, and can be stopped and started again on the same port (an outage). With a certificate
/// it listens over HTTPS.
/// </summary>
public sealed class HttpEventSink : IAsyncDisposable
{
    private readonly X509Certificate2? _certificate;
    private WebApplication? _app;
    private int _port;

    private HttpEventSink(X509Certificate2? certificate) => _certificate = certificate;

    public ConcurrentQueue<ReceivedMessage> Messages { get; } = new();

    /// <summary>"user:password" the sink demands (401 otherwise); null: none.</summary>
    public string? RequiredCredentials { get; set; }

    public string Url(string path = "/events") => $"{(_certificate is null ? "http" : "https")}://127.0.0.1:{_port}{path}";

    public IEnumerable<ReceivedMessage> Of(string action) => Messages.Where(m => m.Action == action);

    public static async Task<HttpEventSink> StartAsync(X509Certificate2? certificate = null)
    {
        var sink = new HttpEventSink(certificate);
        await sink.RestartAsync();
        return sink;
    }

    /// <summary>Listens again (on the port it had, if any).</summary>
    public async Task RestartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.UseUrls(Url("").TrimEnd('/'));
        if (_certificate is not null) builder.WebHost.ConfigureKestrel(k => k.ConfigureHttpsDefaults(https => https.ServerCertificate = _certificate));
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync();
        _port = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
    }

    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (RequiredCredentials is { } required && authorization != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(required)))
        {
            http.Response.StatusCode = 401;
            http.Response.Headers.WWWAuthenticate = "Basic realm=\"sink\"";
            return;
        }
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var message = new ReceivedMessage(http.Request.Path, authorization.Length == 0 ? null : authorization, XDocument.Parse(await reader.ReadToEndAsync()));
        Messages.Enqueue(message);
        if (message.Header.Element(Ns.WsMan + "AckRequested") is null) return;
        http.Response.ContentType = "application/soap+xml;charset=UTF-8";
        await http.Response.WriteAsync($"<s:Envelope xmlns:s=\"{Ns.S}\" xmlns:wsa=\"{Ns.Wsa}\"><s:Header>" +
                                       "<wsa:Action>http://schemas.dmtf.org/wbem/wsman/1/wsman/Ack</wsa:Action>" +
                                       $"<wsa:RelatesTo>{message.Header.Element(Ns.Wsa + "MessageID")!.Value}</wsa:RelatesTo></s:Header><s:Body/></s:Envelope>");
    }

    /// <summary>A self-signed certificate for 127.0.0.1 (its own root).</summary>
    public static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
