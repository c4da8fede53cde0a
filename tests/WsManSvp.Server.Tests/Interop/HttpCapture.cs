using System.Net.Sockets;
using System.Text;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Interop;

/// <summary>
/// An HTTP/1.1 message as captured on the wire (a .http file): start line, headers in order, body bytes.
/// Requests are replayed over a plain socket so that exactly these headers reach the server.
/// </summary>
public sealed record HttpCapture(string StartLine, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    private static readonly TimeSpan ReplayTimeout = TimeSpan.FromSeconds(10);

    public int Status => int.Parse(StartLine.Split(' ')[1]);

    public string? Header(string name) =>
        Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public string BodyText => Encoding.UTF8.GetString(Body);

    public static HttpCapture Load(string name)
    {
        var path = TestPaths.Interop(name);
        Assert.True(File.Exists(path), $"The capture {name} is missing: expected {path} (the read-only ../shared/interop folder).");
        return TryParse(File.ReadAllBytes(path), out var message) ? message! : throw new InvalidDataException($"{name} is not a complete HTTP message.");
    }

    /// <summary>The same message with a header's value replaced; the header must be there.</summary>
    public HttpCapture With(string name, string value)
    {
        Assert.True(Header(name) is not null, $"The captured message has no {name} header to replace.");
        return this with
        {
            Headers = Headers.Select(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase) ? KeyValuePair.Create(h.Key, value) : h).ToArray(),
        };
    }

    /// <summary>Sends this request to the endpoint's host and port and reads one response.</summary>
    public async Task<HttpCapture> ReplayAsync(Uri endpoint)
    {
        using var cancel = new CancellationTokenSource(ReplayTimeout);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(endpoint.Host, endpoint.Port, cancel.Token);
        var stream = tcp.GetStream();
        await stream.WriteAsync(ToBytes(), cancel.Token);
        var received = new MemoryStream();
        var chunk = new byte[8192];
        while (true)
        {
            var n = await stream.ReadAsync(chunk, cancel.Token);
            Assert.True(n > 0, $"The server closed the connection before a complete response:\n{Encoding.UTF8.GetString(received.ToArray())}");
            received.Write(chunk, 0, n);
            if (TryParse(received.ToArray(), out var response)) return response!;
        }
    }

    private byte[] ToBytes()
    {
        var head = new StringBuilder(StartLine).Append("\r\n");
        foreach (var (name, value) in Headers) head.Append(name).Append(": ").Append(value).Append("\r\n");
        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. Body];
    }

    /// <summary>Parses a message whose head and Content-Length body are all there.</summary>
    private static bool TryParse(byte[] bytes, out HttpCapture? message)
    {
        message = null;
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0) return false;
        var lines = Encoding.ASCII.GetString(bytes, 0, end).Split("\r\n");
        var headers = lines.Skip(1)
            .Select(line => line.Split(':', 2))
            .Select(parts => KeyValuePair.Create(parts[0].Trim(), parts[1].Trim()))
            .ToArray();
        var length = headers.Where(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(h => int.Parse(h.Value)).FirstOrDefault();
        if (bytes.Length - (end + 4) < length) return false;
        message = new HttpCapture(lines[0], headers, bytes[(end + 4)..(end + 4 + length)]);
        return true;
    }
}
