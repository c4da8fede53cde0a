using WsManSvp.WsMan.Eventing;
using WsManSvp.WsMan.Tests.Infrastructure;
using static WsManSvp.WsMan.Tests.Infrastructure.Subscriptions;

namespace WsManSvp.WsMan.Tests.Eventing;

/// <summary>The eventing service's read-only view of its subscriptions (<see cref="ISubscriptionDirectory"/>).</summary>
public sealed class SubscriptionDirectoryTests
{
    [Fact]
    public async Task The_directory_lists_the_callers_live_subscriptions_as_granted_and_forgets_them_when_they_end()
    {
        var time = new ManualTimeProvider();
        await using var host = await EventingHost.StartAsync(time: time);
        var push = (await host.SendAsync(Push("<wsman:Heartbeats>PT30S</wsman:Heartbeats>", Filter("started") + "<wse:Expires>PT10M</wse:Expires>"))).Identifier();
        var pull = (await host.SendAsync(Pull("<wse:Expires>PT1M</wse:Expires>"))).Identifier();
        var bobs = (await host.SendAsync(Pull(), TestService.Bob)).Identifier();
        ISubscriptionDirectory directory = host.Eventing;

        var alices = directory.SubscriptionsOf("alice");
        var pushed = directory.FindSubscription(push, "alice")!;
        var hidden = directory.FindSubscription(bobs, "alice");
        time.Advance(TimeSpan.FromMinutes(2)); // the Pull subscription expires
        var afterExpiry = directory.SubscriptionsOf("alice").Select(s => s.Id);
        (await host.SendAsync(UnsubscribeOf(push))).AssertOk();

        Assert.Equal(new[] { push, pull }.Order(StringComparer.Ordinal), alices.Select(s => s.Id));
        Assert.Equal(DeliveryMode.Push, pushed.Mode);
        Assert.Equal(Sink, pushed.NotifyTo);
        Assert.Equal(("started", FakeEventService.ContainsDialect), (pushed.Filter.Text, pushed.Filter.Dialect));
        Assert.Equal(TimeSpan.FromSeconds(30), pushed.Heartbeats);
        Assert.Equal(TimeSpan.FromMinutes(10), pushed.Expires - pushed.Created);
        Assert.Null(hidden);
        Assert.Equal([push], afterExpiry);
        Assert.Empty(directory.SubscriptionsOf("alice"));
        Assert.Equal([bobs], directory.SubscriptionsOf("bob").Select(s => s.Id));
    }
}
