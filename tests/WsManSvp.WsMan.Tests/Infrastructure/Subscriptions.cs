using System.Xml.Linq;

namespace WsManSvp.WsMan.Tests.Infrastructure;

/// <summary>Eventing requests, as openwsman and Windows write them.</summary>
public static class Subscriptions
{
    public static readonly XNamespace Wse = "http://schemas.xmlsoap.org/ws/2004/08/eventing";
    public const string Subscribe = "http://schemas.xmlsoap.org/ws/2004/08/eventing/Subscribe";
    public const string Renew = "http://schemas.xmlsoap.org/ws/2004/08/eventing/Renew";
    public const string GetStatus = "http://schemas.xmlsoap.org/ws/2004/08/eventing/GetStatus";
    public const string Unsubscribe = "http://schemas.xmlsoap.org/ws/2004/08/eventing/Unsubscribe";
    public const string PushMode = "http://schemas.xmlsoap.org/ws/2004/08/eventing/DeliveryModes/Push";
    public const string PullMode = "http://schemas.dmtf.org/wbem/wsman/1/wsman/Pull";
    public const string PushWithAckMode = "http://schemas.dmtf.org/wbem/wsman/1/wsman/PushWithAck";
    public const string EventsMode = "http://schemas.dmtf.org/wbem/wsman/1/wsman/Events";
    public const string Sink = "http://sink.test:8080/events";
    public const string EndToSink = "http://sink.test:8080/end";
    public const string InstModification = "CIM_InstModification";

    /// <summary>A Subscribe; <paramref name="delivery"/> and <paramref name="rest"/> are raw XML inside wse:Delivery and wse:Subscribe.</summary>
    public static Request SubscribeOf(string mode, string delivery = "", string rest = "", string className = InstModification) =>
        Request.For(Subscribe, className) with
        {
            Body = $"<wse:Subscribe xmlns:wse=\"{Wse}\"><wse:Delivery Mode=\"{mode}\">{delivery}</wse:Delivery>{rest}</wse:Subscribe>",
        };

    public static Request Push(string delivery = "", string rest = "", string mode = PushMode) =>
        SubscribeOf(mode, $"<wse:NotifyTo><wsa:Address>{Sink}</wsa:Address></wse:NotifyTo>{delivery}", rest);

    public static Request Pull(string rest = "") => SubscribeOf(PullMode, "", rest);

    public static string Filter(string text) => $"<wsman:Filter Dialect=\"{FakeEventService.ContainsDialect}\">{Request.Escape(text)}</wsman:Filter>";

    public static Request To(string action, string identifier, string body) =>
        Request.For(action, InstModification) with
        {
            Headers = $"<wse:Identifier xmlns:wse=\"{Wse}\">{Request.Escape(identifier)}</wse:Identifier>",
            Body = body,
        };

    public static Request RenewOf(string identifier, string? expires) =>
        To(Renew, identifier, $"<wse:Renew xmlns:wse=\"{Wse}\">{(expires is null ? "" : $"<wse:Expires>{expires}</wse:Expires>")}</wse:Renew>");

    public static Request GetStatusOf(string identifier) => To(GetStatus, identifier, $"<wse:GetStatus xmlns:wse=\"{Wse}\"/>");

    public static Request UnsubscribeOf(string identifier) => To(Unsubscribe, identifier, $"<wse:Unsubscribe xmlns:wse=\"{Wse}\"/>");

    /// <summary>The wse:Identifier of a SubscribeResponse's SubscriptionManager.</summary>
    public static string Identifier(this Reply reply) =>
        reply.AssertOk().Content.Element(Wse + "SubscriptionManager")!.Element(Ns.Wsa + "ReferenceParameters")!.Element(Wse + "Identifier")!.Value;

    public static string EventContext(this Reply reply) => reply.AssertOk().Content.Element(Ns.Wsen + "EnumerationContext")!.Value;

    public static string? Expires(this Reply reply) => reply.AssertOk().Content.Element(Wse + "Expires")?.Value;

    /// <summary>The event texts of a PullResponse.</summary>
    public static List<string> PulledEvents(this Reply reply) =>
        reply.AssertOk().Content.Element(Ns.Wsen + "Items")!.Elements(XNamespace.Get(FakeEventService.EventNs) + "Event").Select(e => e.Value).ToList();
}
