using System.Net;
using System.Net.Http.Headers;
using System.Security;
using System.Text;

namespace LibvirtOverhead;

/// <summary>A CIM_ConcreteJob's address as a RequestStateChange reply gives it.</summary>
internal sealed record JobAddress(string ResourceUri, string SelectorSet);

/// <summary>
/// The service side: WS-Man requests over one keep-alive HTTP/1.1 connection with Basic credentials. Replies
/// are checked by searching their bytes (status 200, the item or value expected), not parsed as XML, so that
/// the client's own share of a round trip stays small.
/// </summary>
internal sealed class WsManCalls : IDisposable
{
    private const string ClassPrefix = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
    private const string ComputerSystemUri = ClassPrefix + "CIM_ComputerSystem";

    private readonly HttpClient _http;
    private readonly string _url;
    private byte[] _reply = new byte[1 << 20];
    private int _length;

    public WsManCalls(string url, string user, string password)
    {
        _url = url;
        _http = new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            MaxConnectionsPerServer = 1,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        });
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    private ReadOnlySpan<byte> Reply => _reply.AsSpan(0, _length);

    /// <summary>WS-Transfer Get of a virtual system's CIM_ComputerSystem.</summary>
    public async Task GetSystemAsync(Guid id)
    {
        await PostAsync(Envelope("http://schemas.xmlsoap.org/ws/2004/09/transfer/Get", ComputerSystemUri, SystemSelectors(id), ""));
        if (Reply.IndexOf("<p:CIM_ComputerSystem "u8) < 0 || Reply.IndexOf(Encoding.UTF8.GetBytes(id.ToString("D"))) < 0)
            throw new BenchException($"Get of system {id} returned no instance of it:\n{Head()}");
    }

    /// <summary>Optimized Enumerate of every CIM_ComputerSystem, then Pull until EndOfSequence; returns the items.</summary>
    public async Task<int> EnumerateSystemsAsync(int maxElements)
    {
        await PostAsync(Envelope("http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate", ComputerSystemUri, "",
            $"<wsen:Enumerate><wsman:OptimizeEnumeration/><wsman:MaxElements>{maxElements}</wsman:MaxElements></wsen:Enumerate>"));
        var items = 0;
        while (true)
        {
            for (var rest = Reply; rest.IndexOf("<p:CIM_ComputerSystem "u8) is var at and >= 0; rest = rest[(at + 1)..]) items++;
            if (Reply.IndexOf("EndOfSequence"u8) >= 0) return items;
            var context = Between("<wsen:EnumerationContext>", "</wsen:EnumerationContext>")
                ?? throw new BenchException($"An enumeration reply without EndOfSequence names no context:\n{Head()}");
            await PostAsync(Envelope("http://schemas.xmlsoap.org/ws/2004/09/enumeration/Pull", ComputerSystemUri, "",
                $"<wsen:Pull><wsen:EnumerationContext>{context}</wsen:EnumerationContext><wsen:MaxElements>{maxElements}</wsen:MaxElements></wsen:Pull>"));
        }
    }

    /// <summary>RequestStateChange on a virtual system; the reply must be 4096 (job started) with the job's address.</summary>
    public async Task<JobAddress> RequestStateChangeAsync(Guid id, int requestedState)
    {
        await PostAsync(Envelope(ComputerSystemUri + "/RequestStateChange", ComputerSystemUri, SystemSelectors(id),
            $"<p:RequestStateChange_INPUT xmlns:p=\"{ComputerSystemUri}\"><p:RequestedState>{requestedState}</p:RequestedState></p:RequestStateChange_INPUT>"));
        if (Between(":ReturnValue>", "</") != "4096")
            throw new BenchException($"RequestStateChange({requestedState}) of {id} did not start a job:\n{Head()}");
        var body = Encoding.UTF8.GetString(Reply[Reply.IndexOf("Body>"u8)..]);
        var uri = Between(body, "<wsman:ResourceURI>", "</wsman:ResourceURI>");
        var from = body.IndexOf("<wsman:SelectorSet>", StringComparison.Ordinal);
        var to = body.IndexOf("</wsman:SelectorSet>", StringComparison.Ordinal);
        if (uri is null || from < 0 || to < from) throw new BenchException($"RequestStateChange({requestedState}) of {id} named no job:\n{Head()}");
        return new JobAddress(uri, body[from..(to + "</wsman:SelectorSet>".Length)]);
    }

    /// <summary>Get of the job; its JobState.</summary>
    public async Task<int> JobStateAsync(JobAddress job)
    {
        await PostAsync(Envelope("http://schemas.xmlsoap.org/ws/2004/09/transfer/Get", job.ResourceUri, job.SelectorSet, ""));
        return int.TryParse(Between(":JobState>", "</"), out var state) ? state : throw new BenchException($"The job has no JobState:\n{Head()}");
    }

    public void Dispose() => _http.Dispose();

    private static string SystemSelectors(Guid id) =>
        "<wsman:SelectorSet><wsman:Selector Name=\"CreationClassName\">CIM_ComputerSystem</wsman:Selector>" +
        $"<wsman:Selector Name=\"Name\">{id:D}</wsman:Selector></wsman:SelectorSet>";

    private byte[] Envelope(string action, string resourceUri, string selectors, string body) => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" " +
        "xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" xmlns:wsman=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\" " +
        "xmlns:wsen=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\"><s:Header>" +
        $"<wsa:Action s:mustUnderstand=\"true\">{action}</wsa:Action><wsa:To s:mustUnderstand=\"true\">{SecurityElement.Escape(_url)}</wsa:To>" +
        $"<wsman:ResourceURI s:mustUnderstand=\"true\">{resourceUri}</wsman:ResourceURI>" +
        $"<wsa:MessageID s:mustUnderstand=\"true\">uuid:{Guid.NewGuid()}</wsa:MessageID>" +
        "<wsa:ReplyTo><wsa:Address>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</wsa:Address></wsa:ReplyTo>" +
        $"{selectors}</s:Header><s:Body>{body}</s:Body></s:Envelope>");

    /// <summary>Posts an envelope and reads the whole reply into the reused buffer; anything but 200 fails the bench.</summary>
    private async Task PostAsync(byte[] envelope)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(envelope) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/soap+xml;charset=UTF-8");
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await using var stream = await response.Content.ReadAsStreamAsync();
        _length = 0;
        while (true)
        {
            if (_length == _reply.Length) Array.Resize(ref _reply, _reply.Length * 2);
            var read = await stream.ReadAsync(_reply.AsMemory(_length));
            if (read == 0) break;
            _length += read;
        }
        if (response.StatusCode != HttpStatusCode.OK) throw new BenchException($"HTTP {(int)response.StatusCode}:\n{Head()}");
    }

    private string? Between(string start, string end) => Between(Encoding.UTF8.GetString(Reply), start, end);

    private static string? Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        if (from < 0) return null;
        from += start.Length;
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        return to < from ? null : text[from..to];
    }

    private string Head() => Encoding.UTF8.GetString(Reply[..Math.Min(_length, 3000)]);
}
