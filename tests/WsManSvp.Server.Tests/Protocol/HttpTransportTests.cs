using System.Net;
using System.Text;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Protocol;

/// <summary>What the HTTP layer refuses before any SOAP processing, and connection reuse.</summary>
public sealed class HttpTransportTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Get_is_405_with_Allow_POST()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(server.Endpoint);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("text/xml;charset=UTF-8")]
    [InlineData("application/soap+xml;charset=iso-8859-1")]
    [InlineData("application/json")]
    public async Task Other_content_types_and_charsets_are_415(string contentType)
    {
        using var client = server.Client();
        var reply = await client.PostAsync(Envelopes.Identify(), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, reply.Status);
        Assert.Empty(reply.Text);
    }

    [Fact]
    public async Task Soap_content_type_without_charset_is_accepted()
    {
        using var client = server.Client();
        var reply = (await client.PostAsync(Envelopes.Identify(), "application/soap+xml")).AssertOk();
        Assert.Equal(Ns.Wsmid + "IdentifyResponse", reply.Content.Name);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/wsman/extra")]
    [InlineData("/wsmanx")]
    [InlineData("/wsman-anon/other")]
    public async Task Other_paths_are_404(string path)
    {
        using var client = server.Client();
        var reply = await client.PostAsync(Envelopes.Identify(), url: new Uri(new Uri(server.Endpoint), path).ToString());

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Empty(reply.Text);
    }

    [Fact]
    public async Task Keep_alive_serves_many_requests_on_one_connection()
    {
        await using var connection = await RawHttpConnection.OpenAsync(server.Endpoint);
        var authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ServerFixture.User}:{ServerFixture.Password}"));

        for (var i = 0; i < 25; i++)
        {
            var envelope = i % 2 == 0
                ? Envelopes.Identify()
                : Envelopes.Build(Envelopes.Get, Envelopes.ClassUri("CIM_ComputerSystem"),
                    [("CreationClassName", "CIM_ComputerSystem"), ("Name", ServerFixture.HostName)], messageId: $"uuid:00000000-0000-0000-0000-{i:D12}");
            var response = await connection.PostAsync("/wsman", envelope, ("Authorization", authorization));

            Assert.True(response.Status == 200, $"Request {i} on the kept-alive connection got {response.Status}:\n{response.Text}");
            Assert.False(response.Headers.TryGetValue("Connection", out var connectionHeader) && connectionHeader.Contains("close", StringComparison.OrdinalIgnoreCase),
                $"The server closed the connection after request {i}.");
            Assert.Contains(i % 2 == 0 ? "IdentifyResponse" : $"<wsa:RelatesTo>uuid:00000000-0000-0000-0000-{i:D12}</wsa:RelatesTo>", response.Text);
        }
    }
}
