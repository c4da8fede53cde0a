using WsManSvp.WsMan.Eventing;
using WsManSvp.WsMan.Tests.Infrastructure;
using static WsManSvp.WsMan.Tests.Infrastructure.Subscriptions;

namespace WsManSvp.WsMan.Tests.Eventing;

public sealed class SubscribeTests
{
    [Fact]
    public async Task The_wsmancli_push_subscribe_is_answered_with_the_subscription_manager_and_the_granted_expiry()
    {
        await using var host = await EventingHost.StartAsync();
        var capture = InteropCaptures.Read("wsmancli/subscribe_push.xml");

        var reply = (await host.SendAsync(capture)).AssertOk();

        Assert.Equal(Subscribe + "Response", reply.Action);
        Assert.Equal("uuid:d16e663b-60cb-10cb-8002-01000000fc02", reply.RelatesTo);
        var manager = reply.Content.Element(Wse + "SubscriptionManager")!;
        Assert.Equal("http://127.0.0.1:15990/wsman", manager.Element(Ns.Wsa + "Address")!.Value);
        Assert.StartsWith("uuid:", reply.Identifier());
        Assert.Equal("PT10M", reply.Expires());
        Assert.Null(reply.Content.Element(Ns.Wsen + "EnumerationContext"));
        var s = Assert.Single(host.Eventing.Store.All).Subscription;
        Assert.Equal(DeliveryMode.Push, s.Mode);
        Assert.Equal("http://127.0.0.1:15999/eventsink", s.NotifyTo!.Address);
        Assert.Equal(TimeSpan.FromSeconds(60), s.Heartbeats);
        Assert.Equal("select * from CIM_InstModification", s.FilterText);
        Assert.Equal("alice", s.Owner);
    }

    [Fact]
    public async Task A_pull_subscription_returns_its_enumeration_context()
    {
        await using var host = await EventingHost.StartAsync();

        var reply = await host.SendAsync(Pull("<wse:Expires>PT30S</wse:Expires>"));

        Assert.StartsWith("uuid:", reply.EventContext());
        Assert.NotEqual(reply.Identifier(), reply.EventContext());
        Assert.Equal("PT30S", reply.Expires());
    }

    [Fact]
    public async Task Expiry_asked_as_a_datetime_is_granted_as_a_datetime_and_a_longer_one_is_cut_to_the_maximum()
    {
        await using var host = await EventingHost.StartAsync(new EventingOptions { MaxExpiration = TimeSpan.FromHours(1) });
        var at = DateTimeOffset.UtcNow.AddMinutes(10).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

        var asDateTime = await host.SendAsync(Pull($"<wse:Expires>{at}</wse:Expires>"));
        var tooLong = await host.SendAsync(Pull("<wse:Expires>P3D</wse:Expires>"));
        var none = await host.SendAsync(Pull());

        Assert.Equal(DateTimeOffset.Parse(at), DateTimeOffset.Parse(asDateTime.Expires()!));
        Assert.Equal("PT1H", tooLong.Expires());
        Assert.Equal("PT1H", none.Expires());
    }

    [Theory]
    [InlineData("PT0S")]
    [InlineData("-PT5S")]
    [InlineData("2001-01-01T00:00:00Z")]
    [InlineData("tomorrow")]
    public async Task An_expiry_not_in_the_future_is_InvalidExpirationTime(string expires)
    {
        await using var host = await EventingHost.StartAsync();

        var reply = await host.SendAsync(Pull($"<wse:Expires>{expires}</wse:Expires>"));

        reply.AssertSenderFault("wse:InvalidExpirationTime");
        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/08/eventing/fault", reply.Action);
        Assert.Equal(0, host.Eventing.Store.Count);
    }

    public static TheoryData<string, string, string?> BadSubscribes => new()
    {
        { SubscribeOf("http://example.com/CarrierPigeon").Body, "wse:DeliveryModeRequestedUnavailable", null },
        { SubscribeOf(PushMode).Body, "wsman:SchemaValidationError", null },
        { Push("<wsman:MaxElements>5</wsman:MaxElements>").Body, "wsman:UnsupportedFeature", "MaxElements" },
        { Push("<wsman:MaxTime>PT5S</wsman:MaxTime>").Body, "wsman:UnsupportedFeature", "MaxTime" },
        { Pull("").Body.Replace("</wse:Delivery>", "<wsman:ConnectionRetry Total=\"2\">PT1S</wsman:ConnectionRetry></wse:Delivery>"), "wsman:UnsupportedFeature", "DeliveryRetries" },
        { SubscribeOf(PushMode, "<wse:NotifyTo><wsa:Address>ftp://sink.test/x</wsa:Address></wse:NotifyTo>").Body, "wsman:EventDeliverToUnusable", null },
        { Push(rest: "<wse:EndTo><wsa:Address>not a url</wsa:Address></wse:EndTo>").Body, "wsman:EventDeliverToUnusable", null },
        { Push(rest: "<wsman:Filter Dialect=\"urn:unknown\">x</wsman:Filter>").Body, "wse:FilteringRequestedUnavailable", null },
        { Push("<wsman:Auth Profile=\"http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/https/basic\"/>").Body, "wsman:UnsupportedFeature", "InsecureAddress" },
        { Push("<wsman:Auth Profile=\"urn:kerberos\"/>").Body, "wsman:UnsupportedFeature", "NotSupported" },
        { Push("<wsman:Auth Profile=\"http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/basic\"/>").Body, "wsman:InvalidParameter", "MissingValues" },
        { Push("<wsman:Heartbeats>soon</wsman:Heartbeats>").Body, "wsman:SchemaValidationError", null },
        { Push("<wsman:ConnectionRetry Total=\"0\">PT5S</wsman:ConnectionRetry>").Body, "wsman:InvalidParameter", "InvalidValue" },
        { Push("<wsman:ContentEncoding>UTF-16</wsman:ContentEncoding>").Body, "wsman:UnsupportedFeature", "EncodingType" },
        { Push(rest: "<wsman:Bookmark>garbage</wsman:Bookmark>").Body, "wsman:InvalidBookmark", "Invalid" },
        { Push(rest: "<wsman:Bookmark>uuid:00000000-0000-0000-0000-000000000000#3</wsman:Bookmark>").Body, "wsman:InvalidBookmark", "Expired" },
        { "<wse:Subscrib xmlns:wse=\"http://schemas.xmlsoap.org/ws/2004/08/eventing\"/>", "wsman:SchemaValidationError", null },
    };

    [Theory]
    [MemberData(nameof(BadSubscribes))]
    public async Task Every_bad_subscribe_gets_its_precise_fault_and_creates_nothing(string body, string subcode, string? detail)
    {
        await using var host = await EventingHost.StartAsync();

        var reply = await host.SendAsync(Request.For(Subscribe, InstModification) with { Body = body });

        reply.AssertSenderFault(subcode, detail);
        Assert.Equal(0, host.Eventing.Store.Count);
    }

    [Fact]
    public async Task A_subscription_to_an_unknown_resource_is_DestinationUnreachable()
    {
        await using var host = await EventingHost.StartAsync();

        var reply = await host.SendAsync(Pull() with { ResourceUri = "http://example.com/nothing" });

        reply.AssertSenderFault("wsa:DestinationUnreachable", "InvalidResourceURI");
    }

    [Fact]
    public async Task Basic_credentials_for_the_sink_come_from_the_issued_username_token()
    {
        await using var host = await EventingHost.StartAsync();
        var request = Push("<wsman:Auth Profile=\"http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/basic\"/>").WithHeader(
            "<wst:IssuedTokens xmlns:wst=\"http://schemas.xmlsoap.org/ws/2005/02/trust\" xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\" xmlns:wsp=\"http://schemas.xmlsoap.org/ws/2004/09/policy\" s:mustUnderstand=\"true\">" +
            "<wst:RequestSecurityTokenResponse><wst:TokenType>http://schemas.dmtf.org/wbem/wsman/1/wsman/token/userName</wst:TokenType>" +
            "<wst:RequestedSecurityToken><wsse:UsernameToken><wsse:Username>collector</wsse:Username><wsse:Password>s3cret</wsse:Password></wsse:UsernameToken></wst:RequestedSecurityToken>" +
            $"<wsp:AppliesTo><wsa:EndpointReference><wsa:Address>{Sink}</wsa:Address></wsa:EndpointReference></wsp:AppliesTo></wst:RequestSecurityTokenResponse></wst:IssuedTokens>");

        (await host.SendAsync(request)).AssertOk();

        var credentials = Assert.Single(host.Eventing.Store.All).Subscription.Credentials!;
        Assert.Equal(("collector", "s3cret"), (credentials.UserName, credentials.Password));
    }

    [Fact]
    public async Task Subscriptions_are_bounded_per_caller_and_in_all()
    {
        await using var host = await EventingHost.StartAsync(new EventingOptions { MaxSubscriptions = 3, MaxSubscriptionsPerUser = 2 });

        (await host.SendAsync(Pull())).AssertOk();
        (await host.SendAsync(Pull())).AssertOk();
        var third = await host.SendAsync(Pull());
        (await host.SendAsync(Pull(), TestService.Bob)).AssertOk();
        var fourth = await host.SendAsync(Pull(), TestService.Bob);

        third.AssertSenderFault("wsman:QuotaLimit");
        fourth.AssertSenderFault("wsman:QuotaLimit");
        Assert.Equal(3, host.Eventing.Store.Count);
    }
}
