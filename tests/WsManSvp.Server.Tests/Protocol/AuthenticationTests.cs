using System.Net;
using System.Text;
using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Protocol;

/// <summary>HTTP Basic: nothing but an Identify marked unauthenticated gets through without valid credentials.</summary>
public sealed class AuthenticationTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Challenge = "Basic realm=\"WsManSvp\"";
    private const string Unauthenticated = "unauthenticated";
    private const string HttpBasicProfile = "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/basic";

    private static readonly (string Name, string Value)[] HostSelectors =
        [("CreationClassName", "CIM_ComputerSystem"), ("Name", ServerFixture.HostName)];

    public static TheoryData<string, string> RequestsAndCredentials()
    {
        string[] requests = ["Identify", "Get", "Enumerate", "Pull", "Release", "RequestStateChange", "Put", "Delete", "NotXml"];
        string[] credentials = ["none", "wrong password", "unknown user", "empty password", "not base64", "no colon", "Bearer scheme"];
        var data = new TheoryData<string, string>();
        foreach (var request in requests)
            foreach (var credential in credentials)
                data.Add(request, credential);
        return data;
    }

    private static string RequestOf(string kind) => kind switch
    {
        "Identify" => Envelopes.Identify(),
        "Get" => Envelopes.Build(Envelopes.Get, Envelopes.ClassUri("CIM_ComputerSystem"), HostSelectors),
        "Enumerate" => Envelopes.Build(Envelopes.Enumerate, Envelopes.ClassUri("CIM_ComputerSystem"), body: "<wsen:Enumerate/>"),
        "Pull" => Envelopes.Build(Envelopes.Pull, Envelopes.ClassUri("CIM_ComputerSystem"),
            body: "<wsen:Pull><wsen:EnumerationContext>uuid:5c1c6f5e-2f8e-4a51-9b43-6c37c0f9a001</wsen:EnumerationContext></wsen:Pull>"),
        "Release" => Envelopes.Build(Envelopes.Release, Envelopes.ClassUri("CIM_ComputerSystem"),
            body: "<wsen:Release><wsen:EnumerationContext>uuid:5c1c6f5e-2f8e-4a51-9b43-6c37c0f9a001</wsen:EnumerationContext></wsen:Release>"),
        "RequestStateChange" => RequestStateChange(ServerFixture.HostName, "3"),
        "Put" => Envelopes.Build("http://schemas.xmlsoap.org/ws/2004/09/transfer/Put", Envelopes.ClassUri("CIM_ComputerSystem"), HostSelectors),
        "Delete" => Envelopes.Build("http://schemas.xmlsoap.org/ws/2004/09/transfer/Delete", Envelopes.ClassUri("CIM_ComputerSystem"), HostSelectors),
        "NotXml" => "this is not an envelope",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string RequestStateChange(string systemName, string requestedState) =>
        Envelopes.Build(Envelopes.ClassUri("CIM_ComputerSystem") + "/RequestStateChange", Envelopes.ClassUri("CIM_ComputerSystem"),
            [("CreationClassName", "CIM_ComputerSystem"), ("Name", systemName)],
            body: $"<p:RequestStateChange_INPUT xmlns:p=\"{Envelopes.ClassUri("CIM_ComputerSystem")}\"><p:RequestedState>{requestedState}</p:RequestedState></p:RequestStateChange_INPUT>");

    private static string Basic(string userAndPassword) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(userAndPassword));

    /// <summary>The Authorization header a credential variant sends (null: none).</summary>
    private static string? AuthorizationOf(string credential) => credential switch
    {
        "none" => null,
        "wrong password" => Basic($"{ServerFixture.User}:not-the-password"),
        "unknown user" => Basic($"nobody:{ServerFixture.Password}"),
        "empty password" => Basic($"{ServerFixture.User}:"),
        "not base64" => "Basic !!!not-base64!!!",
        "no colon" => Basic(ServerFixture.User + ServerFixture.Password),
        "Bearer scheme" => "Bearer " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ServerFixture.User}:{ServerFixture.Password}")),
        _ => throw new ArgumentOutOfRangeException(nameof(credential), credential, null),
    };

    private static Task<WsManReply> PostAsync(WsManClient client, string envelope, string? authorization = null, string? identifyHeader = null, string? url = null)
    {
        var headers = new Dictionary<string, string>();
        if (authorization is not null) headers["Authorization"] = authorization;
        if (identifyHeader is not null) headers["WSMANIDENTIFY"] = identifyHeader;
        return client.PostAsync(envelope, headers: headers, url: url);
    }

    private string AnonymousIdentifyUrl => new Uri(new Uri(server.Endpoint), "/wsman-anon/identify").ToString();

    private static void AssertChallenged(WsManReply reply)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, reply.Status);
        Assert.Equal(Challenge, Assert.Single(reply.Message.Headers.WwwAuthenticate).ToString());
        Assert.Empty(reply.Text);
    }

    [Theory]
    [MemberData(nameof(RequestsAndCredentials))]
    public async Task Requests_without_valid_credentials_are_challenged(string request, string credential)
    {
        using var anonymous = new WsManClient(server.Endpoint, null, null);
        var reply = await PostAsync(anonymous, RequestOf(request), AuthorizationOf(credential));
        AssertChallenged(reply);
    }

    [Fact]
    public async Task RequestStateChange_without_credentials_changes_nothing()
    {
        using var client = server.Client();
        using var anonymous = new WsManClient(server.Endpoint, null, null);
        var db01 = await SeededSystems.NameOfAsync(client, "db01");

        AssertChallenged(await PostAsync(anonymous, RequestStateChange(db01, "2")));
        AssertChallenged(await PostAsync(anonymous, RequestStateChange(db01, "2"), Basic($"{ServerFixture.User}:wrong")));
        AssertChallenged(await PostAsync(anonymous, RequestStateChange(db01, "2"), identifyHeader: Unauthenticated));

        var after = (await SeededSystems.GetAsync(client, db01)).AssertOk();
        Assert.Equal("3", after.Content.Prop("EnabledState"));
    }

    [Fact]
    public async Task Release_without_credentials_leaves_the_enumeration_open()
    {
        using var client = server.Client();
        using var anonymous = new WsManClient(server.Endpoint, null, null);
        var context = (await client.EnumerateAsync("CIM_ComputerSystem")).AssertOk().Content.Element(Ns.Wsen + "EnumerationContext")!.Value;

        AssertChallenged(await anonymous.ReleaseAsync("CIM_ComputerSystem", context));

        var pull = (await client.PullAsync("CIM_ComputerSystem", context, "<wsen:MaxElements>10</wsen:MaxElements>")).AssertOk();
        Assert.Equal(5, pull.Content.Element(Ns.Wsen + "Items")!.Elements().Count());
    }

    [Fact]
    public async Task Identify_marked_unauthenticated_answers_without_security_profiles()
    {
        using var anonymous = new WsManClient(server.Endpoint, null, null);
        var reply = (await PostAsync(anonymous, Envelopes.Identify(), identifyHeader: Unauthenticated)).AssertOk();
        AssertIdentifyResponse(reply, securityProfile: null);
    }

    [Fact]
    public async Task Identify_on_the_anonymous_path_answers_without_security_profiles()
    {
        using var anonymous = new WsManClient(server.Endpoint, null, null);
        var reply = (await PostAsync(anonymous, Envelopes.Identify(), url: AnonymousIdentifyUrl)).AssertOk();
        AssertIdentifyResponse(reply, securityProfile: null);
    }

    [Theory]
    [InlineData("authenticated")]
    [InlineData("yes")]
    [InlineData("")]
    public async Task Identify_with_another_WSMANIDENTIFY_value_is_challenged(string value)
    {
        using var anonymous = new WsManClient(server.Endpoint, null, null);
        AssertChallenged(await PostAsync(anonymous, Envelopes.Identify(), identifyHeader: value));
    }

    [Fact]
    public async Task Other_requests_marked_unauthenticated_are_challenged()
    {
        using var anonymous = new WsManClient(server.Endpoint, null, null);
        AssertChallenged(await PostAsync(anonymous, RequestOf("Get"), identifyHeader: Unauthenticated));
        AssertChallenged(await PostAsync(anonymous, RequestOf("Enumerate"), identifyHeader: Unauthenticated));
        AssertChallenged(await PostAsync(anonymous, RequestOf("Get"), url: AnonymousIdentifyUrl));
    }

    [Fact]
    public async Task Authenticated_Identify_lists_the_http_basic_profile()
    {
        using var client = server.Client();
        var reply = (await client.PostAsync(Envelopes.Identify())).AssertOk();
        AssertIdentifyResponse(reply, HttpBasicProfile);
    }

    [Fact]
    public async Task Identify_in_the_alternate_identify_namespace_is_answered()
    {
        using var client = server.Client();
        var envelope = Envelopes.Identify().Replace("/identity/1/", "/identify/1/");
        var reply = (await client.PostAsync(envelope)).AssertOk();
        AssertIdentifyResponse(reply, HttpBasicProfile);
    }

    /// <summary>
    /// openwsman's wsman client first sends without Authorization, waits for the 401 challenge, then
    /// repeats the request with Basic on the same connection.
    /// </summary>
    [Fact]
    public async Task The_openwsman_sequence_succeeds_on_the_same_connection()
    {
        var firstTry = Captures.Bytes("wsmancli/identify-first-try-req.http");
        var withBasic = Captures.Bytes("wsmancli/identify-with-basic-req.http");
        await using var connection = await RawHttpConnection.OpenAsync(server.Endpoint);

        await connection.SendAsync(Rewrite(firstTry, connection.Authority, authorization: null));
        var challenge = await connection.ReadResponseAsync();
        Assert.Equal(401, challenge.Status);
        Assert.Equal(Challenge, challenge.Headers["WWW-Authenticate"]);

        await connection.SendAsync(Rewrite(withBasic, connection.Authority, Basic($"{ServerFixture.User}:{ServerFixture.Password}")));
        var answer = await connection.ReadResponseAsync();
        Assert.True(answer.Status == 200, $"The retry on the same connection got {answer.Status}:\n{answer.Text}");
        var identify = XDocument.Parse(answer.Text).Root!.Element(Ns.S + "Body")!.Element(Ns.Wsmid + "IdentifyResponse")!;
        Assert.Equal(HttpBasicProfile, identify.Element(Ns.Wsmid + "SecurityProfiles")!.Element(Ns.Wsmid + "SecurityProfileName")!.Value);
    }

    private static void AssertIdentifyResponse(WsManReply reply, string? securityProfile)
    {
        Assert.Null(reply.Action);
        var identify = reply.Content;
        Assert.Equal(Ns.Wsmid + "IdentifyResponse", identify.Name);
        Assert.Equal("http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd", identify.Element(Ns.Wsmid + "ProtocolVersion")!.Value);
        Assert.Equal("WsManSvp", identify.Element(Ns.Wsmid + "ProductVendor")!.Value);
        Assert.Matches(@"^\d+\.\d+\.\d+$", identify.Element(Ns.Wsmid + "ProductVersion")!.Value);
        var profiles = identify.Element(Ns.Wsmid + "SecurityProfiles");
        if (securityProfile is null) Assert.Null(profiles);
        else Assert.Equal([securityProfile], profiles!.Elements(Ns.Wsmid + "SecurityProfileName").Select(e => e.Value));
    }

    /// <summary>The captured request with the Host and Authorization of this server, and a Content-Length matching its body.</summary>
    private static byte[] Rewrite(byte[] capture, string authority, string? authorization)
    {
        var text = Encoding.UTF8.GetString(capture);
        var headEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var body = text[(headEnd + 4)..];
        var lines = text[..headEnd].Split("\r\n")
            .Where(l => !l.StartsWith("Authorization:", StringComparison.OrdinalIgnoreCase))
            .Select(l => l.StartsWith("Host:", StringComparison.OrdinalIgnoreCase) ? "Host: " + authority
                : l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase) ? "Content-Length: " + Encoding.UTF8.GetByteCount(body)
                : l)
            .ToList();
        Assert.Contains(lines, l => l.StartsWith("Content-Length:", StringComparison.Ordinal));
        if (authorization is not null) lines.Insert(2, "Authorization: " + authorization);
        return Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n\r\n" + body);
    }
}
