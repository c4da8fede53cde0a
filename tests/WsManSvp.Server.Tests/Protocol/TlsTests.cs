using System.Net;
using System.Security.Authentication;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Protocol;

/// <summary>The service over HTTPS with a certificate given as PEM (certificate and key files) or as a password-protected PFX.</summary>
public sealed class TlsTests(PemTlsServerFixture pem, PfxTlsServerFixture pfx)
    : IClassFixture<PemTlsServerFixture>, IClassFixture<PfxTlsServerFixture>
{
    private const string HttpsBasicProfile = "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/https/basic";

    private TlsServerFixture Server(string form) => form == "pem" ? pem : pfx;

    [Theory]
    [InlineData("pem")]
    [InlineData("pfx")]
    public async Task Identify_over_TLS_lists_the_https_basic_profile(string form)
    {
        var server = Server(form);
        Assert.StartsWith("https://127.0.0.1:", server.Endpoint);
        using var client = server.TrustingClient();

        var reply = (await client.PostAsync(Envelopes.Identify())).AssertOk();

        var profiles = reply.Content.Element(Ns.Wsmid + "SecurityProfiles")!.Elements(Ns.Wsmid + "SecurityProfileName").Select(e => e.Value);
        Assert.Equal([HttpsBasicProfile], profiles);
    }

    [Theory]
    [InlineData("pem")]
    [InlineData("pfx")]
    public async Task Get_over_TLS_returns_the_host(string form)
    {
        using var client = Server(form).TrustingClient();
        var reply = (await client.GetAsync("CIM_ComputerSystem", ("CreationClassName", "CIM_ComputerSystem"), ("Name", ServerFixture.HostName))).AssertOk();
        Assert.Equal(ServerFixture.HostName, reply.Content.Prop("Name"));
    }

    [Theory]
    [InlineData("pem")]
    [InlineData("pfx")]
    public async Task Credentials_are_still_required_over_TLS(string form)
    {
        using var client = Server(form).TrustingClient(password: "wrong");
        var reply = await client.PostAsync(Envelopes.Identify());

        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal("Basic realm=\"WsManSvp\"", Assert.Single(reply.Message.Headers.WwwAuthenticate).ToString());
    }

    [Fact]
    public async Task A_client_that_does_not_trust_the_certificate_cannot_connect()
    {
        using var client = pem.Client();
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(Envelopes.Identify()));
        Assert.IsType<AuthenticationException>(error.InnerException);
    }

    [Fact]
    public async Task Each_fixture_serves_its_own_certificate()
    {
        Assert.NotEqual(pem.Thumbprint, pfx.Thumbprint);
        using var trustingTheOther = pfx.ClientTrusting(pem.Thumbprint);
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => trustingTheOther.PostAsync(Envelopes.Identify()));
        Assert.IsType<AuthenticationException>(error.InnerException);
    }
}
