using System.Net;
using System.Text;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Protocol;

/// <summary>Request bodies over the configured envelope limit are refused with 413, whether sized or chunked.</summary>
public sealed class RequestSizeLimitTests(SmallEnvelopeServerFixture server) : IClassFixture<SmallEnvelopeServerFixture>
{
    private const int Limit = SmallEnvelopeServerFixture.MaxEnvelopeSize;

    /// <summary>An Identify padded with trailing whitespace (allowed after the root element) to exactly <paramref name="size"/> bytes.</summary>
    private static string IdentifyOfSize(int size)
    {
        var identify = Envelopes.Identify();
        return identify + new string(' ', size - Encoding.UTF8.GetByteCount(identify));
    }

    [Fact]
    public async Task A_body_of_exactly_the_limit_is_accepted()
    {
        using var client = server.Client();
        var reply = (await client.PostAsync(IdentifyOfSize(Limit))).AssertOk();
        Assert.Equal(Ns.Wsmid + "IdentifyResponse", reply.Content.Name);
    }

    [Fact]
    public async Task A_body_one_byte_over_the_limit_is_413()
    {
        using var client = server.Client();
        var reply = await client.PostAsync(IdentifyOfSize(Limit + 1));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reply.Status);
        Assert.Empty(reply.Text);
    }

    [Fact]
    public async Task A_sized_body_over_the_limit_is_413_even_without_credentials()
    {
        using var client = new WsManClient(server.Endpoint, null, null);
        var reply = await client.PostAsync(IdentifyOfSize(2 * Limit));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reply.Status);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_413()
    {
        var response = await PostChunkedAsync(IdentifyOfSize(Limit + 2048));
        Assert.Equal(413, response.Status);
        Assert.Empty(response.Body);
    }

    [Fact]
    public async Task A_chunked_body_within_the_limit_is_answered()
    {
        var response = await PostChunkedAsync(IdentifyOfSize(Limit - 100));
        Assert.True(response.Status == 200, response.Text);
        Assert.Contains("<wsmid:IdentifyResponse>", response.Text);
    }

    /// <summary>Sends the body in 1000-byte chunks with no Content-Length, as streaming clients do.</summary>
    private async Task<RawHttpResponse> PostChunkedAsync(string body)
    {
        await using var connection = await RawHttpConnection.OpenAsync(server.Endpoint);
        var authorization = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ServerFixture.User}:{ServerFixture.Password}"));
        var request = new StringBuilder()
            .Append($"POST /wsman HTTP/1.1\r\nHost: {connection.Authority}\r\nAuthorization: Basic {authorization}\r\n")
            .Append($"Content-Type: {WsManClient.SoapUtf8}\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (var i = 0; i < body.Length; i += 1000)
        {
            var chunk = body.Substring(i, Math.Min(1000, body.Length - i));
            request.Append($"{chunk.Length:X}\r\n{chunk}\r\n");
        }
        request.Append("0\r\n\r\n");
        await connection.SendAsync(Encoding.ASCII.GetBytes(request.ToString()));
        return await connection.ReadResponseAsync();
    }
}
