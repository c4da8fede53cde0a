using WsManSvp.WsMan.Eventing;
using WsManSvp.WsMan.Tests.Infrastructure;
using static WsManSvp.WsMan.Tests.Infrastructure.Subscriptions;

namespace WsManSvp.WsMan.Tests.Eventing;

public sealed class SubscriptionManagerTests
{
    private const string CapturedIdentifier = "uuid:d16e8790-60cb-10cb-803c-01000000fc02";

    [Fact]
    public async Task The_wsmancli_renew_and_unsubscribe_address_the_subscription_by_its_identifier()
    {
        await using var host = await EventingHost.StartAsync();
        var id = (await host.SendAsync(InteropCaptures.Read("wsmancli/subscribe_push.xml"))).Identifier();

        var renewed = (await host.SendAsync(InteropCaptures.Read("wsmancli/renew.xml").Replace(CapturedIdentifier, id))).AssertOk();
        var unsubscribed = (await host.SendAsync(InteropCaptures.Read("wsmancli/unsubscribe.xml").Replace(CapturedIdentifier, id))).AssertOk();
        var again = await host.SendAsync(InteropCaptures.Read("wsmancli/unsubscribe.xml").Replace(CapturedIdentifier, id));

        Assert.Equal(Renew + "Response", renewed.Action);
        Assert.Equal("uuid:d174d29b-60cb-10cb-8002-01000000fc02", renewed.RelatesTo);
        Assert.Equal("PT20M", renewed.Expires());
        Assert.Equal(Unsubscribe + "Response", unsubscribed.Action);
        Assert.Empty(unsubscribed.Body.Elements());
        Assert.Equal(0, host.Eventing.Store.Count);
        again.AssertSenderFault("wsa:DestinationUnreachable");
    }

    [Fact]
    public async Task GetStatus_tells_the_expiry_and_Renew_moves_it()
    {
        var time = new ManualTimeProvider();
        await using var host = await EventingHost.StartAsync(time: time);
        var id = (await host.SendAsync(Pull("<wse:Expires>PT60S</wse:Expires>"))).Identifier();

        time.Advance(TimeSpan.FromSeconds(20));
        var status = await host.SendAsync(GetStatusOf(id));
        var renewed = await host.SendAsync(RenewOf(id, "PT90S"));
        time.Advance(TimeSpan.FromSeconds(80));
        var later = await host.SendAsync(GetStatusOf(id));

        Assert.Equal(GetStatus + "Response", status.Action);
        Assert.Equal("PT40S", status.Expires());
        Assert.Equal("PT1M30S", renewed.Expires());
        Assert.Equal("PT10S", later.Expires());
    }

    [Fact]
    public async Task An_expired_subscription_cannot_be_renewed_and_is_swept_with_its_log()
    {
        var time = new ManualTimeProvider();
        await using var host = await EventingHost.StartAsync(time: time);
        var id = (await host.SendAsync(Pull("<wse:Expires>PT10S</wse:Expires>"))).Identifier();

        time.Advance(TimeSpan.FromSeconds(11));
        var renew = await host.SendAsync(RenewOf(id, "PT60S"));

        renew.AssertFault("s:Receiver", "wse:UnableToRenew");
        await EventingHost.WaitUntilAsync(() => host.Eventing.Store.Count == 0);
        (await host.SendAsync(GetStatusOf(id))).AssertSenderFault("wsa:DestinationUnreachable");
    }

    [Fact]
    public async Task A_bad_renewal_expiry_is_refused_and_changes_nothing()
    {
        await using var host = await EventingHost.StartAsync();
        var id = (await host.SendAsync(Pull("<wse:Expires>PT60S</wse:Expires>"))).Identifier();

        (await host.SendAsync(RenewOf(id, "PT0S"))).AssertSenderFault("wse:InvalidExpirationTime");

        var expires = XmlDurationSeconds((await host.SendAsync(GetStatusOf(id))).Expires()!);
        Assert.InRange(expires, 50, 60);
    }

    [Fact]
    public async Task Another_users_subscription_is_AccessDenied_and_an_unknown_one_is_not_found()
    {
        await using var host = await EventingHost.StartAsync();
        var id = (await host.SendAsync(Pull())).Identifier();

        (await host.SendAsync(GetStatusOf(id), TestService.Bob)).AssertSenderFault("wsman:AccessDenied");
        (await host.SendAsync(UnsubscribeOf(id), TestService.Bob)).AssertSenderFault("wsman:AccessDenied");
        (await host.SendAsync(RenewOf("uuid:nothing", "PT1M"))).AssertFault("s:Receiver", "wse:UnableToRenew");
        (await host.SendAsync(GetStatusOf("uuid:nothing"))).AssertSenderFault("wsa:DestinationUnreachable");
        (await host.SendAsync(Request.For(GetStatus) with { Body = $"<wse:GetStatus xmlns:wse=\"{Wse}\"/>" })).AssertSenderFault("wsa:DestinationUnreachable");
        Assert.Equal(1, host.Eventing.Store.Count);
    }

    [Fact]
    public async Task Without_an_event_source_the_eventing_actions_are_not_supported()
    {
        await using var service = await TestService.StartAsync();

        (await service.SendAsync(Pull())).AssertSenderFault("wsa:ActionNotSupported");
        (await service.SendAsync(GetStatusOf("uuid:x"))).AssertSenderFault("wsa:ActionNotSupported");
    }

    private static double XmlDurationSeconds(string duration) => System.Xml.XmlConvert.ToTimeSpan(duration).TotalSeconds;
}
