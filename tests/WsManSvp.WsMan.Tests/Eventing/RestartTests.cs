using WsManSvp.WsMan.Eventing;
using WsManSvp.WsMan.Tests.Infrastructure;
using static WsManSvp.WsMan.Tests.Infrastructure.Subscriptions;

namespace WsManSvp.WsMan.Tests.Eventing;

public sealed class RestartTests
{
    [Fact]
    public async Task A_subscription_and_its_undelivered_events_survive_a_restart()
    {
        await using var host = await EventingHost.StartAsync();
        var subscribed = await host.SendAsync(Pull(Filter("vm")));
        var context = subscribed.EventContext();
        await host.PublishAsync("vm 1", "vm 2", "vm 3");
        Assert.Equal(["vm 1"], (await host.SendAsync(Request.PullOf(context))).PulledEvents());

        await host.RestartAsync();
        await host.PublishAsync("vm 4", "other");
        var after = await host.SendAsync(Request.PullOf(context, maxElements: 10));

        Assert.Equal(1, host.Events.RestoredFilters);
        Assert.Equal(["vm 2", "vm 3", "vm 4"], after.PulledEvents());
        (await host.SendAsync(GetStatusOf(subscribed.Identifier()))).AssertOk();
    }

    [Fact]
    public async Task A_push_subscription_resumes_after_a_restart_with_what_it_had_not_delivered_and_nothing_twice()
    {
        await using var host = await EventingHost.StartAsync(new EventingOptions { DefaultConnectionRetry = new ConnectionRetry(20, TimeSpan.FromMilliseconds(50)) });
        (await host.SendAsync(Push())).AssertOk();
        await host.PublishAsync("1", "2");
        await EventingHost.WaitUntilAsync(() => host.Sink.Messages.Count == 2);
        host.Sink.Behaviour = SinkBehaviour.Down;
        await host.PublishAsync("3");

        await host.RestartAsync(() => host.Sink.Behaviour = SinkBehaviour.Accept);
        await host.PublishAsync("4");
        await EventingHost.WaitUntilAsync(() => host.Sink.Messages.Count(m => m.Events.Count > 0) >= 4);

        Assert.Equal(["1", "2", "3", "4"], host.Sink.Messages.SelectMany(m => m.Events));
    }

    [Fact]
    public async Task A_subscription_that_expired_while_the_service_was_down_is_gone_after_the_restart()
    {
        var time = new ManualTimeProvider();
        await using var host = await EventingHost.StartAsync(time: time);
        var subscribed = await host.SendAsync(Pull("<wse:Expires>PT30S</wse:Expires>"));
        await host.PublishAsync("x");

        await host.RestartAsync(() => time.Advance(TimeSpan.FromMinutes(1)));

        Assert.Equal(0, host.Eventing.Store.Count);
        (await host.SendAsync(Request.PullOf(subscribed.EventContext()))).AssertFault("s:Receiver", "wsen:InvalidEnumerationContext");
    }

    [Fact]
    public async Task A_subscribe_with_a_bookmark_gets_what_was_missed_once_then_the_new_events()
    {
        await using var host = await EventingHost.StartAsync();
        var first = await host.SendAsync(Pull("<wsman:SendBookmarks/>"));
        await host.PublishAsync("1", "2");
        var pulled = await host.SendAsync(Request.PullOf(first.EventContext()));
        var bookmark = pulled.Header.Element(Ns.WsMan + "Bookmark")!.Value;
        await host.PublishAsync("3", "4");

        await host.RestartAsync();
        var second = await host.SendAsync(Pull($"<wsman:SendBookmarks/><wsman:Bookmark>{bookmark}</wsman:Bookmark>"));
        await host.PublishAsync("5");
        var replayed = await host.SendAsync(Request.PullOf(second.EventContext(), maxElements: 10));
        var nothingMore = await host.SendAsync(Request.PullOf(second.EventContext(), maxElements: 10).WithOperationTimeout("PT0.3S"));

        Assert.Equal(first.Identifier() + "#1", bookmark);
        Assert.Equal(["2", "3", "4", "5"], replayed.PulledEvents());
        Assert.Equal(second.Identifier() + "#5", replayed.Header.Element(Ns.WsMan + "Bookmark")!.Value);
        nothingMore.AssertFault("s:Receiver", "wsman:TimedOut");
    }

    [Fact]
    public async Task The_earliest_bookmark_is_accepted()
    {
        await using var host = await EventingHost.StartAsync();

        var reply = await host.SendAsync(Pull($"<wsman:Bookmark>{Bookmark.Earliest}</wsman:Bookmark>"));

        reply.AssertOk();
    }

    [Fact]
    public async Task A_bookmark_of_another_users_subscription_is_refused()
    {
        await using var host = await EventingHost.StartAsync();
        var id = (await host.SendAsync(Pull())).Identifier();

        var reply = await host.SendAsync(Pull($"<wsman:Bookmark>{id}#0</wsman:Bookmark>"), TestService.Bob);

        reply.AssertSenderFault("wsman:InvalidBookmark", "Expired");
    }
}
