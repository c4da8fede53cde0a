using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Eventing;

/// <summary>
/// Subscriptions over real HTTP, delivered to real HTTP sinks on loopback, with the test event source standing in
/// for the CIM indications so that each protocol path is driven by events the test controls (the real indications:
/// IndicationDeliveryTests).
/// </summary>
public sealed class EventingOverHttpTests
{
    private static readonly XNamespace Wse = "http://schemas.xmlsoap.org/ws/2004/08/eventing";
    private const string CapturedSink = "http://127.0.0.1:15999/eventsink";
    private const string CapturedIdentifier = "uuid:d16e8790-60cb-10cb-803c-01000000fc02";
    private const string EventAction = "http://schemas.dmtf.org/wbem/wsman/1/wsman/Event";

    private static string Identifier(WsManReply reply) =>
        reply.AssertOk().Content.Element(Wse + "SubscriptionManager")!.Element(Ns.Wsa + "ReferenceParameters")!.Element(Wse + "Identifier")!.Value;

    private static string Subscribe(string mode, string delivery, string rest = "") =>
        Envelopes.Build("http://schemas.xmlsoap.org/ws/2004/08/eventing/Subscribe", Envelopes.ClassUri("CIM_InstModification"), body:
            $"<wse:Subscribe xmlns:wse=\"{Wse}\"><wse:Delivery Mode=\"{mode}\">{delivery}</wse:Delivery>{rest}</wse:Subscribe>");

    [Fact]
    public async Task The_wsmancli_subscribe_renew_and_unsubscribe_work_over_http_and_events_reach_the_sink()
    {
        await using var sink = await HttpEventSink.StartAsync();
        var fixture = new EventingServerFixture();
        await fixture.InitializeAsync();
        try
        {
            using var client = fixture.Client();
            var subscribe = Captures.Text("wsmancli/subscribe_push.xml").Replace(CapturedSink, sink.Url());
            var id = Identifier(await client.PostAsync(subscribe));

            fixture.Events.Publish("vm started");
            await EventingServerFixture.WaitUntilAsync(() => sink.Of(EventAction).Any());
            var renewed = (await client.PostAsync(Captures.Text("wsmancli/renew.xml").Replace(CapturedIdentifier, id))).AssertOk();
            (await client.PostAsync(Captures.Text("wsmancli/unsubscribe.xml").Replace(CapturedIdentifier, id))).AssertOk();
            var again = await client.PostAsync(Captures.Text("wsmancli/unsubscribe.xml").Replace(CapturedIdentifier, id));

            Assert.Equal(["vm started"], sink.Of(EventAction).Single().Events);
            Assert.Equal("PT20M", renewed.Content.Element(Wse + "Expires")!.Value);
            again.AssertFault("wsa:DestinationUnreachable");
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    [Fact]
    public async Task Pull_mode_over_http_and_the_subscription_survives_a_server_restart()
    {
        var fixture = new EventingServerFixture();
        await fixture.InitializeAsync();
        try
        {
            using (var client = fixture.Client())
            {
                var reply = (await client.PostAsync(Subscribe("http://schemas.dmtf.org/wbem/wsman/1/wsman/Pull", ""))).AssertOk();
                var context = reply.Content.Element(Ns.Wsen + "EnumerationContext")!.Value;
                fixture.Events.Publish("one");
                await Task.Delay(200);
                var first = (await client.PullAsync("CIM_InstModification", context, "<wsen:MaxElements>5</wsen:MaxElements>")).AssertOk();
                Assert.Equal(["one"], Events(first));
                fixture.Events.Publish("two");
                await Task.Delay(200);

                await fixture.RestartAsync();
                using var after = fixture.Client();
                fixture.Events.Publish("three");
                await Task.Delay(200);
                var second = (await after.PullAsync("CIM_InstModification", context, "<wsen:MaxElements>5</wsen:MaxElements>")).AssertOk();
                Assert.Equal(["two", "three"], Events(second));
            }
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_sink_that_demands_Basic_gets_the_issued_credentials_and_an_outage_is_bridged_by_retries()
    {
        await using var sink = await HttpEventSink.StartAsync();
        sink.RequiredCredentials = "collector:s3cret";
        var fixture = new EventingServerFixture();
        await fixture.InitializeAsync();
        try
        {
            using var client = fixture.Client();
            var subscribe = Subscribe("http://schemas.dmtf.org/wbem/wsman/1/wsman/PushWithAck",
                $"<wse:NotifyTo><wsa:Address>{sink.Url()}</wsa:Address></wse:NotifyTo>" +
                "<wsman:ConnectionRetry Total=\"50\">PT0.1S</wsman:ConnectionRetry>" +
                "<wsman:Auth Profile=\"http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/basic\"/>")
                .Replace("</s:Header>",
                    "<wst:IssuedTokens xmlns:wst=\"http://schemas.xmlsoap.org/ws/2005/02/trust\" xmlns:wsse=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\">" +
                    "<wst:RequestSecurityTokenResponse><wst:RequestedSecurityToken><wsse:UsernameToken><wsse:Username>collector</wsse:Username>" +
                    "<wsse:Password>s3cret</wsse:Password></wsse:UsernameToken></wst:RequestedSecurityToken></wst:RequestSecurityTokenResponse></wst:IssuedTokens></s:Header>");
            (await client.PostAsync(subscribe)).AssertOk();

            fixture.Events.Publish("first");
            await EventingServerFixture.WaitUntilAsync(() => sink.Of(EventAction).Count() == 1);
            await sink.StopAsync();
            fixture.Events.Publish("during the outage");
            await Task.Delay(400);
            await sink.RestartAsync();
            await EventingServerFixture.WaitUntilAsync(() => sink.Of(EventAction).Count() == 2);

            Assert.Equal(["first", "during the outage"], sink.Of(EventAction).SelectMany(m => m.Events));
            Assert.All(sink.Messages, m => Assert.Equal("Basic Y29sbGVjdG9yOnMzY3JldA==", m.Authorization));
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    private static List<string> Events(WsManReply pull) =>
        pull.Content.Element(Ns.Wsen + "Items")!.Elements(XNamespace.Get(TestEventSource.EventNs) + "Event").Select(e => e.Value).ToList();
}
