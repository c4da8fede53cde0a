using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Eventing;

/// <summary>
/// DSP1054 over HTTP: a subscription made with WS-Eventing is seen in root/interop as a CIM_IndicationFilter, a
/// CIM_ListenerDestinationWSManagement and the CIM_IndicationSubscription between them, until it is ended.
/// </summary>
public sealed class InteropSubscriptionTests
{
    private static readonly XNamespace Wse = "http://schemas.xmlsoap.org/ws/2004/08/eventing";
    private const string CapturedIdentifier = "uuid:d16e8790-60cb-10cb-803c-01000000fc02";
    private const string Sink = "http://127.0.0.1:9/eventsink";
    private const string Query = "SELECT * FROM CIM_InstModification";

    private static Enumeration Interop(string className) => new(Envelopes.ClassUri(className), Namespace: ModelEprs.Interop);

    [Fact]
    public async Task A_subscription_is_visible_in_root_interop_until_it_is_unsubscribed()
    {
        var fixture = new EventingServerFixture();
        await fixture.InitializeAsync();
        try
        {
            using var client = fixture.Client();
            var subscribe = Envelopes.Build("http://schemas.xmlsoap.org/ws/2004/08/eventing/Subscribe", Envelopes.ClassUri("CIM_InstModification"), body:
                $"<wse:Subscribe xmlns:wse=\"{Wse}\"><wse:Delivery Mode=\"http://schemas.dmtf.org/wbem/wsman/1/wsman/PushWithAck\">" +
                $"<wse:NotifyTo><wsa:Address>{Sink}</wsa:Address></wse:NotifyTo></wse:Delivery><wse:Expires>PT10M</wse:Expires>" +
                $"<wsman:Filter Dialect=\"{Filters.WqlDialect}\">{Query}</wsman:Filter></wse:Subscribe>");
            var id = (await client.PostAsync(subscribe)).AssertOk().Content
                .Element(Wse + "SubscriptionManager")!.Element(Ns.Wsa + "ReferenceParameters")!.Element(Wse + "Identifier")!.Value;

            var filter = Assert.Single(await client.NamedAsync(Interop("CIM_IndicationFilter")));
            var destination = Assert.Single(await client.NamedAsync(Interop("CIM_ListenerDestination")));
            var subscription = Assert.Single(await client.NamedAsync(Interop("CIM_IndicationSubscription")));
            var fetched = (await client.GetAsync(subscription.Path)).AssertOk();
            var deleted = await client.PostAsync(Envelopes.Build("http://schemas.xmlsoap.org/ws/2004/09/transfer/Delete", filter.Path.ResourceUri,
                extraHeaders: filter.Path.SelectorSet.ToString(SaveOptions.DisableFormatting)));
            (await client.PostAsync(Captures.Text("wsmancli/unsubscribe.xml").Replace(CapturedIdentifier, id))).AssertOk();
            var afterwards = await Task.WhenAll(new[] { "CIM_IndicationFilter", "CIM_ListenerDestination", "CIM_IndicationSubscription" }
                .Select(c => client.ItemsAsync(Interop(c))));

            Assert.Equal(id, filter.Prop("Name"));
            Assert.Equal(ServerFixture.HostName, filter.Prop("SystemName"));
            Assert.Equal(Query, filter.Prop("Query"));
            Assert.Equal("WQL", filter.Prop("QueryLanguage"));
            Assert.Equal(ModelEprs.Interop, filter.Path.Namespace);
            Assert.Equal("CIM_ListenerDestinationWSManagement", destination.ClassName);
            Assert.Equal(id, destination.Prop("Name"));
            Assert.Equal(Sink, destination.Prop("Destination"));
            Assert.Equal("3", destination.Prop("DeliveryMode"));
            Assert.Equal("4", destination.Prop("Protocol"));
            Assert.True(subscription.Ref("Filter").SameAs(filter.Path), $"{subscription.Ref("Filter")} is not {filter.Path}");
            Assert.True(subscription.Ref("Handler").SameAs(destination.Path), $"{subscription.Ref("Handler")} is not {destination.Path}");
            Assert.Equal("2", subscription.Prop("SubscriptionState"));
            Assert.Equal("600", subscription.Prop("SubscriptionDuration"));
            Assert.Equal("CIM_IndicationSubscription", fetched.Content.Name.LocalName);
            deleted.AssertFault("wsa:ActionNotSupported");
            Assert.Contains("wse:Unsubscribe", deleted.Content.ToString());
            Assert.All(afterwards, Assert.Empty);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }
}
