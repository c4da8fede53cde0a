using System.Text;
using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Interop;

/// <summary>
/// openwsman's wsman client on the wire: its first request carries no credentials and it sends Basic only
/// after a 401 with a Basic challenge. Replayed over a socket with Host, Authorization and Content-Length
/// pointed at the server under test.
/// </summary>
public abstract class WsmancliHttpReplayTests(ServerFixture server)
{
    private Uri Endpoint => new(server.Endpoint);

    [Theory]
    [Replays("wsmancli/identify-first-try-req.http", "wsmancli/identify-first-try-resp.http")]
    public async Task A_first_try_without_credentials_gets_the_Basic_challenge_the_client_waits_for(string request, string capturedResponse)
    {
        var captured = HttpCapture.Load(capturedResponse);

        var response = await Prepare(request).ReplayAsync(Endpoint);

        Assert.Equal(captured.Status, response.Status);
        Assert.StartsWith("Basic realm=", captured.Header("WWW-Authenticate"));
        Assert.Equal("Basic realm=\"WsManSvp\"", response.Header("WWW-Authenticate"));
    }

    [Theory]
    [Replays("wsmancli/identify-with-basic-req.http")]
    public async Task The_retry_with_Basic_gets_the_IdentifyResponse(string request)
    {
        var response = await Prepare(request).With("Authorization", "Basic " + Convert.ToBase64String(
            Encoding.UTF8.GetBytes($"{ServerFixture.User}:{ServerFixture.Password}"))).ReplayAsync(Endpoint);

        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/soap+xml", response.Header("Content-Type"));
        InteropAssert.IsAuthenticatedIdentify(XDocument.Parse(response.BodyText));
    }

    private HttpCapture Prepare(string name)
    {
        var capture = HttpCapture.Load(name);
        return capture.With("Host", Endpoint.Authority).With("Content-Length", capture.Body.Length.ToString());
    }
}

public sealed class WsmancliHttpReplayOnSimulatorTests(ServerFixture server) : WsmancliHttpReplayTests(server), IClassFixture<ServerFixture>;

public sealed class WsmancliHttpReplayOnLibvirtTests(LibvirtServerFixture server) : WsmancliHttpReplayTests(server), IClassFixture<LibvirtServerFixture>;
