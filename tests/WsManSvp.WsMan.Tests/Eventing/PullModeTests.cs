using WsManSvp.WsMan.Eventing;
using WsManSvp.WsMan.Tests.Infrastructure;
using static WsManSvp.WsMan.Tests.Infrastructure.Subscriptions;

namespace WsManSvp.WsMan.Tests.Eventing;

public sealed class PullModeTests
{
    [Fact]
    public async Task Pull_returns_the_matching_events_in_order_and_each_once()
    {
        await using var host = await EventingHost.StartAsync();
        var context = (await host.SendAsync(Pull(Filter("disk")))).EventContext();

        await host.PublishAsync("disk 1", "cpu 1", "disk 2", "disk 3");
        var first = await host.SendAsync(Request.PullOf(context, maxElements: 2));
        var second = await host.SendAsync(Request.PullOf(context, maxElements: 10));

        Assert.Equal(Request.Pull + "Response", first.Action);
        Assert.Equal(["disk 1", "disk 2"], first.PulledEvents());
        Assert.Equal(context, first.Content.Element(Ns.Wsen + "EnumerationContext")!.Value);
        Assert.Null(first.Content.Element(Ns.Wsen + "EndOfSequence"));
        Assert.Equal(["disk 3"], second.PulledEvents());
    }

    [Fact]
    public async Task A_pull_without_events_times_out_and_the_subscription_goes_on()
    {
        await using var host = await EventingHost.StartAsync();
        var context = (await host.SendAsync(Pull())).EventContext();

        var empty = await host.SendAsync(Request.PullOf(context).WithOperationTimeout("PT0.3S"));
        var waiting = host.SendAsync(Request.PullOf(context).WithOperationTimeout("PT10S"));
        await Task.Delay(100);
        await host.PublishAsync("late");

        empty.AssertFault("s:Receiver", "wsman:TimedOut");
        Assert.Equal(["late"], (await waiting).PulledEvents());
    }

    [Fact]
    public async Task A_pull_waits_for_events_at_most_its_MaxTime()
    {
        await using var host = await EventingHost.StartAsync();
        var context = (await host.SendAsync(Pull())).EventContext();
        var pull = Request.PullOf(context) with
        {
            Body = $"<wsen:Pull><wsen:EnumerationContext>{context}</wsen:EnumerationContext><wsen:MaxTime>PT0.2S</wsen:MaxTime></wsen:Pull>",
        };

        var started = DateTime.UtcNow;
        var reply = await host.SendAsync(pull.WithOperationTimeout("PT30S"));

        reply.AssertFault("s:Receiver", "wsman:TimedOut");
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
        Assert.Equal(1, host.Eventing.Store.Count);
    }

    [Fact]
    public async Task With_SendBookmarks_each_PullResponse_carries_the_bookmark_of_its_last_event()
    {
        await using var host = await EventingHost.StartAsync();
        var subscribed = await host.SendAsync(Pull("<wsman:SendBookmarks/>"));
        var (id, context) = (subscribed.Identifier(), subscribed.EventContext());

        await host.PublishAsync("a", "b");
        var reply = await host.SendAsync(Request.PullOf(context, maxElements: 5));

        Assert.Equal(id + "#2", reply.Header.Element(Ns.WsMan + "Bookmark")!.Value);
    }

    [Fact]
    public async Task Events_beyond_the_log_capacity_are_reported_as_dropped()
    {
        await using var host = await EventingHost.StartAsync(new EventingOptions { MaxLoggedEvents = 3 });
        var context = (await host.SendAsync(Pull())).EventContext();

        await host.PublishAsync("1", "2", "3", "4", "5");
        var reply = await host.SendAsync(Request.PullOf(context, maxElements: 10));

        Assert.Equal(["3", "4", "5"], reply.PulledEvents());
        Assert.Equal("2", reply.Content.Element(Ns.Wsen + "Items")!.Element(Ns.WsMan + "DroppedEvents")!.Value);
    }

    [Fact]
    public async Task Release_ends_the_subscription_and_the_context_is_invalid_afterwards()
    {
        await using var host = await EventingHost.StartAsync();
        var subscribed = await host.SendAsync(Pull());
        var context = subscribed.EventContext();

        (await host.SendAsync(Request.ReleaseOf(context))).AssertOk();

        Assert.Equal(0, host.Eventing.Store.Count);
        (await host.SendAsync(Request.PullOf(context))).AssertFault("s:Receiver", "wsen:InvalidEnumerationContext");
        (await host.SendAsync(GetStatusOf(subscribed.Identifier()))).AssertSenderFault("wsa:DestinationUnreachable");
    }

    [Fact]
    public async Task Unsubscribe_ends_a_pull_that_waits_and_another_user_cannot_pull()
    {
        await using var host = await EventingHost.StartAsync();
        var subscribed = await host.SendAsync(Pull());
        var context = subscribed.EventContext();

        (await host.SendAsync(Request.PullOf(context), TestService.Bob)).AssertSenderFault("wsman:AccessDenied");
        var waiting = host.SendAsync(Request.PullOf(context).WithOperationTimeout("PT10S"));
        await Task.Delay(100);
        (await host.SendAsync(UnsubscribeOf(subscribed.Identifier()))).AssertOk();

        (await waiting).AssertFault("s:Receiver", "wsen:InvalidEnumerationContext");
    }

    [Fact]
    public async Task An_expired_pull_subscription_is_an_invalid_context()
    {
        var time = new ManualTimeProvider();
        await using var host = await EventingHost.StartAsync(time: time);
        var context = (await host.SendAsync(Pull("<wse:Expires>PT5S</wse:Expires>"))).EventContext();

        time.Advance(TimeSpan.FromSeconds(6));

        (await host.SendAsync(Request.PullOf(context))).AssertFault("s:Receiver", "wsen:InvalidEnumerationContext");
    }

    [Fact]
    public async Task Ordinary_enumerations_still_pull_alongside_subscriptions()
    {
        await using var host = await EventingHost.StartAsync();
        await host.SendAsync(Pull());

        var reply = await host.SendAsync(Request.PullOf("uuid:not-an-event-context"));

        reply.AssertFault("s:Receiver", "wsen:InvalidEnumerationContext");
    }
}
