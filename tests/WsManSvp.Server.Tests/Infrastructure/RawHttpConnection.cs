using System.Net.Sockets;
using System.Text;

namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>A response read off a raw connection: status, headers (case-insensitive), body.</summary>
public sealed record RawHttpResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// One TCP connection on which a test writes HTTP/1.1 requests byte for byte, as clients like openwsman
/// do, and reads the responses; it proves what happens on the same connection.
/// </summary>
public sealed class RawHttpConnection : IAsyncDisposable
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(15);

    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly List<byte> _received = [];

    private RawHttpConnection(TcpClient tcp, string authority)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        Authority = authority;
    }

    /// <summary>host:port, for the Host header.</summary>
    public string Authority { get; }

    public static async Task<RawHttpConnection> OpenAsync(string endpoint)
    {
        var uri = new Uri(endpoint);
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(uri.Host, uri.Port);
        return new RawHttpConnection(tcp, uri.Authority);
    }

    public async Task SendAsync(byte[] bytes) => await _stream.WriteAsync(bytes);

    /// <summary>Writes a POST with a Content-Length body and reads its response.</summary>
    public async Task<RawHttpResponse> PostAsync(string path, string body, params (string Name, string Value)[] headers)
    {
        var bodyBytes = Encoding.UTF8.GetBytes(body);
        var head = new StringBuilder($"POST {path} HTTP/1.1\r\nHost: {Authority}\r\n");
        foreach (var (name, value) in headers) head.Append($"{name}: {value}\r\n");
        head.Append($"Content-Type: {WsManClient.SoapUtf8}\r\nContent-Length: {bodyBytes.Length}\r\n\r\n");
        await SendAsync([.. Encoding.ASCII.GetBytes(head.ToString()), .. bodyBytes]);
        return await ReadResponseAsync();
    }

    /// <summary>Reads one response; the server must give its length (it always does: Content-Length).</summary>
    public async Task<RawHttpResponse> ReadResponseAsync()
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        int headEnd;
        while ((headEnd = IndexOfHeadEnd()) < 0) await ReceiveAsync(timeout.Token);
        var lines = Encoding.ASCII.GetString(_received.GetRange(0, headEnd).ToArray()).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1]);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        Assert.True(headers.TryGetValue("Content-Length", out var lengthText),
            $"The response has no Content-Length:\n{string.Join("\n", lines)}");
        var length = int.Parse(lengthText!);
        _received.RemoveRange(0, headEnd + 4);
        while (_received.Count < length) await ReceiveAsync(timeout.Token);
        var body = _received.GetRange(0, length).ToArray();
        _received.RemoveRange(0, length);
        return new RawHttpResponse(status, headers, body);
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[16384];
        var n = await _stream.ReadAsync(buffer, cancellationToken);
        if (n == 0) throw new IOException("The server closed the connection.");
        _received.AddRange(buffer.AsSpan(0, n));
    }

    private int IndexOfHeadEnd()
    {
        for (var i = 0; i + 3 < _received.Count; i++)
            if (_received[i] == '\r' && _received[i + 1] == '\n' && _received[i + 2] == '\r' && _received[i + 3] == '\n') return i;
        return -1;
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }
}
