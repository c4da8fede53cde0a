using WsManSvp.WsMan.Eventing;
using WsManSvp.WsMan.Tests.Infrastructure;
using static WsManSvp.WsMan.Tests.Infrastructure.Subscriptions;

namespace WsManSvp.WsMan.Tests.Eventing;

public sealed class PushDeliveryTests
{
    private static EventingOptions Fast() => new()
    {
        MinHeartbeats = TimeSpan.FromMilliseconds(100),
        DeliveryTimeout = TimeSpan.FromSeconds(2),
        DefaultConnectionRetry = new ConnectionRetry(2, TimeSpan.FromMilliseconds(50)),
    };

    [Fact]
    public async Task Push_sends_each_event_in_its_own_message_to_NotifyTo_with_its_reference_parameters()
    {
        await using var host = await EventingHost.StartAsync(Fast());
        var delivery = $"<wse:NotifyTo><wsa:Address>{Sink}</wsa:Address><wsa:ReferenceParameters><c:Cookie xmlns:c=\"urn:collector\">42</c:Cookie></wsa:ReferenceParameters></wse:NotifyTo>";
        (await host.SendAsync(SubscribeOf(PushMode, delivery))).AssertOk();

        await host.PublishAsync("one", "two");
        await EventingHost.WaitUntilAsync(() => host.Sink.Messages.Count == 2);

        var messages = host.Sink.Messages.ToList();
        Assert.Equal(["one", "two"], messages.SelectMany(m => m.Events));
        Assert.All(messages, m =>
        {
            Assert.Equal("http://schemas.dmtf.org/wbem/wsman/1/wsman/Event", m.Action);
            Assert.Equal(new Uri(Sink), m.Uri);
            Assert.Equal(Sink, m.Header.Element(Ns.Wsa + "To")!.Value);
            Assert.Equal("42", m.Header.Element(System.Xml.Linq.XName.Get("Cookie", "urn:collector"))!.Value);
            Assert.False(m.AckRequested);
        });
    }

    [Fact]
    public async Task PushWithAck_asks_for_an_Ack_and_sends_again_until_it_comes()
    {
        await using var host = await EventingHost.StartAsync(Fast());
        (await host.SendAsync(Push(mode: PushWithAckMode))).AssertOk();
        host.Sink.Behaviour = SinkBehaviour.Accept; // answers 200 without an Ack: not delivered

        await host.PublishAsync("e");
        await EventingHost.WaitUntilAsync(() => host.Sink.Messages.Count >= 2);
        host.Sink.Behaviour = SinkBehaviour.Ack;
        var subscription = Assert.Single(host.Eventing.Store.All);
        await EventingHost.WaitUntilAsync(() => subscription.Delivered == 1);

        Assert.All(host.Sink.Messages, m => Assert.True(m.AckRequested));
        Assert.All(host.Sink.Messages, m => Assert.Equal(["e"], m.Events));
    }

    [Fact]
    public async Task Events_mode_batches_up_to_MaxElements_and_sends_a_partial_batch_after_MaxTime()
    {
        await using var host = await EventingHost.StartAsync(Fast());
        host.Sink.Behaviour = SinkBehaviour.Ack;
        (await host.SendAsync(Push("<wsman:MaxElements>3</wsman:MaxElements><wsman:MaxTime>PT0.5S</wsman:MaxTime>", mode: EventsMode))).AssertOk();

        await host.PublishAsync("1", "2", "3", "4");
        await EventingHost.WaitUntilAsync(() => host.Sink.Messages.Count == 2);

        var messages = host.Sink.Messages.ToList();
        Assert.All(messages, m => Assert.Equal("http://schemas.dmtf.org/wbem/wsman/1/wsman/Events", m.Action));
        Assert.Equal(["1", "2", "3"], messages[0].Events);
        Assert.Equal(["4"], messages[1].Events);
        Assert.Equal(3, messages[0].Body.Element(Ns.WsMan + "Events")!.Elements(Ns.WsMan + "Event").Count());
    }

    [Fact]
    public async Task An_idle_subscription_gets_heartbeats()
    {
        await using var host = await EventingHost.StartAsync(Fast());
        (await host.SendAsync(Push("<wsman:Heartbeats>PT0.2S</wsman:Heartbeats>"))).AssertOk();

        await EventingHost.WaitUntilAsync(() => host.Sink.Of("http://schemas.dmtf.org/wbem/wsman/1/wsman/Heartbeat").Count() >= 2);

        Assert.All(host.Sink.Messages, m => Assert.Empty(m.Body.Elements()));
    }

    [Fact]
    public async Task With_SendBookmarks_each_delivery_carries_its_bookmark()
    {
        await using var host = await EventingHost.StartAsync(Fast());
        var id = (await host.SendAsync(Push(rest: "<wsman:SendBookmarks/>"))).Identifier();

        await host.PublishAsync("a", "b");
        await EventingHost.WaitUntilAsync(() => host.Sink.Messages.Count == 2);

        Assert.Equal([id + "#1", id + "#2"], host.Sink.Messages.Select(m => m.Bookmark));
    }

    [Fact]
    public async Task Basic_credentials_go_with_every_delivery()
    {
        await using var host = await EventingHost.StartAsync(Fast());
        var request = Push("<wsman:Auth Profile=\"http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/basic\"/>").WithHeader(
            "<wst:IssuedTokens xmlns:wst=\"http://schemas.xmlsoap.org/ws/2005/02/trust\" xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">" +
            "<wst:RequestSecurityTokenResponse><wst:RequestedSecurityToken><wsse:UsernameToken><wsse:Username>collector</wsse:Username>" +
            "<wsse:Password>s3cret</wsse:Password></wsse:UsernameToken></wst:RequestedSecurityToken></wst:RequestSecurityTokenResponse></wst:IssuedTokens>");
        (await host.SendAsync(request)).AssertOk();

        await host.PublishAsync("x");
        await EventingHost.WaitUntilAsync(() => host.Sink.Messages.Count == 1);

        Assert.Equal("Basic " + Convert.ToBase64String("collector:s3cret"u8.ToArray()), host.Sink.Messages.Single().Authorization);
    }

    [Fact]
    public async Task A_sink_down_past_the_retries_ends_the_subscription_with_a_SubscriptionEnd_to_EndTo()
    {
        await using var host = await EventingHost.StartAsync(Fast());
        var id = (await host.SendAsync(Push("<wsman:ConnectionRetry Total=\"2\">PT0.05S</wsman:ConnectionRetry>",
            $"<wse:EndTo><wsa:Address>{EndToSink}</wsa:Address></wse:EndTo>"))).Identifier();
        host.Sink.Behaviour = SinkBehaviour.Down;

        await host.PublishAsync("lost");
        await EventingHost.WaitUntilAsync(() => host.Sink.Of(SubscriptionEndAction).Any());

        Assert.Equal(3, host.Sink.Failures); // the first attempt and two retries
        Assert.Equal(0, host.Eventing.Store.Count);
        var end = host.Sink.Of(SubscriptionEndAction).Single();
        Assert.Equal(new Uri(EndToSink), end.Uri);
        var body = end.Body.Element(Wse + "SubscriptionEnd")!;
        Assert.Equal(id, body.Element(Wse + "SubscriptionManager")!.Element(Ns.Wsa + "ReferenceParameters")!.Element(Wse + "Identifier")!.Value);
        Assert.Equal("wse:DeliveryFailure", body.Element(Wse + "Status")!.Value);
        (await host.SendAsync(GetStatusOf(id))).AssertSenderFault("wsa:DestinationUnreachable");
    }

    [Fact]
    public async Task A_sink_that_recovers_gets_the_queued_events_and_a_DroppedEvents_for_what_the_bounded_log_lost()
    {
        var options = Fast();
        options.MaxLoggedEvents = 2;
        options.DefaultConnectionRetry = new ConnectionRetry(100, TimeSpan.FromMilliseconds(50));
        await using var host = await EventingHost.StartAsync(options);
        (await host.SendAsync(Push())).AssertOk();
        host.Sink.Behaviour = SinkBehaviour.Down;

        await host.PublishAsync("1", "2", "3", "4");
        await EventingHost.WaitUntilAsync(() => host.Sink.Failures >= 2);
        host.Sink.Behaviour = SinkBehaviour.Accept;
        await EventingHost.WaitUntilAsync(() => host.Sink.Of("http://schemas.dmtf.org/wbem/wsman/1/wsman/Event").Count() >= 2);

        var messages = host.Sink.Messages.ToList();
        var delivered = messages.Where(m => m.Action == "http://schemas.dmtf.org/wbem/wsman/1/wsman/Event").SelectMany(m => m.Events).ToList();
        var dropped = messages.Where(m => m.Action == "http://schemas.dmtf.org/wbem/wsman/1/wsman/DroppedEvents")
            .Sum(m => long.Parse(m.Body.Element(Ns.WsMan + "DroppedEvents")!.Value));
        Assert.Equal(4, delivered.Count + dropped);
        Assert.Equal(["3", "4"], delivered.TakeLast(2));
    }

    [Fact]
    public async Task A_sink_that_refuses_delivery_ends_the_subscription_without_a_SubscriptionEnd()
    {
        await using var host = await EventingHost.StartAsync(Fast());
        (await host.SendAsync(Push(rest: $"<wse:EndTo><wsa:Address>{EndToSink}</wsa:Address></wse:EndTo>"))).AssertOk();
        host.Sink.Behaviour = SinkBehaviour.Refuse;

        await host.PublishAsync("no");
        await EventingHost.WaitUntilAsync(() => host.Eventing.Store.Count == 0);

        Assert.Empty(host.Sink.Of(SubscriptionEndAction));
    }

    [Fact]
    public async Task Push_delivery_resumes_after_a_restart_from_where_it_stood()
    {
        await using var host = await EventingHost.StartAsync(Fast());
        (await host.SendAsync(Push())).AssertOk();
        await host.PublishAsync("before");
        await EventingHost.WaitUntilAsync(() => host.Sink.Messages.Count == 1);
        host.Sink.Behaviour = SinkBehaviour.Down;
        await host.PublishAsync("while failing");

        await host.RestartAsync(() => host.Sink.Behaviour = SinkBehaviour.Accept);
        await host.PublishAsync("after");
        await EventingHost.WaitUntilAsync(() => host.Sink.Messages.Count == 3);

        Assert.Equal(["before", "while failing", "after"], host.Sink.Messages.SelectMany(m => m.Events));
    }

    private const string SubscriptionEndAction = "http://schemas.xmlsoap.org/ws/2004/08/eventing/SubscriptionEnd";
}
