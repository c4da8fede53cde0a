using System.Net.Http.Headers;
using System.Text;

namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>An HTTP client speaking SOAP to the server under test, with Basic credentials.</summary>
public sealed class WsManClient : IDisposable
{
    public const string SoapUtf8 = "application/soap+xml;charset=UTF-8";

    private readonly HttpClient _http;

    public WsManClient(string endpoint, string? user, string? password)
        : this(endpoint, user, password, new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
    }

    /// <summary>With a handler of the test's choosing, e.g. one that trusts a test certificate.</summary>
    public WsManClient(string endpoint, string? user, string? password, HttpMessageHandler handler)
    {
        Endpoint = endpoint;
        _http = new HttpClient(handler);
        if (user is not null)
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    public string Endpoint { get; }

    /// <summary>How long a request may take before it fails (HttpClient's default is 100 s).</summary>
    public TimeSpan Timeout { get => _http.Timeout; init => _http.Timeout = value; }

    public Task<WsManReply> PostAsync(string envelope, string contentType = SoapUtf8, IDictionary<string, string>? headers = null, string? url = null) =>
        PostAsync(new StringContent(envelope, Encoding.UTF8), contentType, headers, url);

    public async Task<WsManReply> PostAsync(HttpContent content, string contentType = SoapUtf8, IDictionary<string, string>? headers = null, string? url = null)
    {
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, url ?? Endpoint) { Content = content };
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        var response = await _http.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var charset = response.Content.Headers.ContentType?.CharSet;
        var text = charset is not null && charset.StartsWith("UTF-16", StringComparison.OrdinalIgnoreCase)
            ? Encoding.Unicode.GetString(bytes).TrimStart('\uFEFF')
            : Encoding.UTF8.GetString(bytes);
        return new WsManReply(response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "", text, response);
    }

    public Task<WsManReply> GetAsync(string className, params (string Name, string Value)[] selectors) =>
        PostAsync(Envelopes.Build(Envelopes.Get, Envelopes.ClassUri(className), selectors));

    public Task<WsManReply> EnumerateAsync(string className, string enumerateChildren = "", string extraHeaders = "") =>
        PostAsync(Envelopes.Build(Envelopes.Enumerate, Envelopes.ClassUri(className),
            body: $"<wsen:Enumerate>{enumerateChildren}</wsen:Enumerate>", extraHeaders: extraHeaders));

    public Task<WsManReply> PullAsync(string className, string context, string pullChildren = "") =>
        PostAsync(Envelopes.Build(Envelopes.Pull, Envelopes.ClassUri(className),
            body: $"<wsen:Pull><wsen:EnumerationContext>{context}</wsen:EnumerationContext>{pullChildren}</wsen:Pull>"));

    public Task<WsManReply> ReleaseAsync(string className, string context) =>
        PostAsync(Envelopes.Build(Envelopes.Release, Envelopes.ClassUri(className),
            body: $"<wsen:Release><wsen:EnumerationContext>{context}</wsen:EnumerationContext></wsen:Release>"));

    public Task<WsManReply> InvokeAsync(string className, string method, string inputChildren, params (string Name, string Value)[] selectors) =>
        PostAsync(Envelopes.Build(Envelopes.ClassUri(className) + "/" + method, Envelopes.ClassUri(className), selectors,
            body: $"<p:{method}_INPUT xmlns:p=\"{Envelopes.ClassUri(className)}\">{inputChildren}</p:{method}_INPUT>"));

    public void Dispose() => _http.Dispose();
}
