using WsManSvp.WsMan.Resources;
using WsManSvp.WsMan.Tests.Infrastructure;

namespace WsManSvp.WsMan.Tests;

public sealed class AuthenticationTests : IAsyncLifetime
{
    private const string BasicHttp = "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/basic";
    private const string BasicHttps = "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/https/basic";

    private TestService _service = null!;

    public async Task InitializeAsync() => _service = await TestService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    public static TheoryData<string> NonIdentifyRequests() => new()
    {
        Request.GetOf("CIM_ComputerSystem", ("Name", TestService.HostName)).Build(),
        Request.EnumerateOf().Build(),
        Request.PullOf("uuid:00000000-0000-0000-0000-000000000000").Build(),
        (Request.GetOf("CIM_ComputerSystem") with { MessageId = null }).Build(),
    };

    [Theory]
    [MemberData(nameof(NonIdentifyRequests))]
    public async Task An_unauthenticated_caller_is_told_to_authenticate_for_anything_but_Identify(string envelope)
    {
        var reply = await _service.SendAsync(envelope, TestService.Anonymous);

        Assert.True(reply.IsUnauthorized);
        Assert.Equal(401, reply.StatusCode);
        Assert.Empty(reply.Bytes);
        Assert.Equal(0, _service.Contexts.Count);
    }

    [Fact]
    public async Task An_unauthenticated_Identify_is_answered_without_security_profiles()
    {
        var reply = (await _service.SendAsync(Request.Identify(), TestService.Anonymous)).AssertOk();

        var identify = reply.Content;
        Assert.Equal(Ns.Wsmid + "IdentifyResponse", identify.Name);
        Assert.Equal(
            [Ns.Wsmid + "ProtocolVersion", Ns.Wsmid + "ProductVendor", Ns.Wsmid + "ProductVersion"],
            identify.Elements().Select(e => e.Name));
        Assert.Equal("http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd", identify.Element(Ns.Wsmid + "ProtocolVersion")!.Value);
        Assert.Equal(_service.Options.ProductVendor, identify.Element(Ns.Wsmid + "ProductVendor")!.Value);
        Assert.Equal(_service.Options.ProductVersion, identify.Element(Ns.Wsmid + "ProductVersion")!.Value);
        Assert.Null(reply.Action);
        Assert.Empty(reply.Header.Elements());
    }

    [Theory]
    [InlineData(false, BasicHttp)]
    [InlineData(true, BasicHttps)]
    public async Task An_authenticated_Identify_lists_the_security_profile_of_its_transport(bool https, string profile)
    {
        var reply = (await _service.SendAsync(Request.Identify(), new Caller(true, "alice", https))).AssertOk();

        var profiles = reply.Content.Element(Ns.Wsmid + "SecurityProfiles")!;
        Assert.Equal(profile, Assert.Single(profiles.Elements(Ns.Wsmid + "SecurityProfileName")).Value);
    }

    [Fact]
    public async Task Identify_in_the_older_identify_namespace_is_answered_too()
    {
        var reply = (await _service.SendAsync(Request.Identify("http://schemas.dmtf.org/wbem/wsman/identify/1/wsmanidentity.xsd"), TestService.Anonymous)).AssertOk();

        Assert.Equal(Ns.Wsmid + "IdentifyResponse", reply.Content.Name);
    }

    [Fact]
    public async Task An_Identify_with_a_mustUnderstand_header_not_understood_gets_the_MustUnderstand_fault()
    {
        var envelope = Request.Identify().Replace("<s:Header/>", "<s:Header><x:Custom xmlns:x=\"urn:custom\" s:mustUnderstand=\"true\"/></s:Header>");

        var reply = await _service.SendAsync(envelope, TestService.Anonymous);

        reply.AssertFault("s:MustUnderstand", null);
    }
}
