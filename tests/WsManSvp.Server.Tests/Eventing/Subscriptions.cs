using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Eventing;

/// <summary>Subscribe requests as a client writes them (DSP0226 10.2), and what their replies hold.</summary>
public static class Subscriptions
{
    public static readonly XNamespace Wse = "http://schemas.xmlsoap.org/ws/2004/08/eventing";
    public const string Push = "http://schemas.xmlsoap.org/ws/2004/08/eventing/DeliveryModes/Push";
    public const string Events = "http://schemas.dmtf.org/wbem/wsman/1/wsman/Events";
    public const string Pull = "http://schemas.dmtf.org/wbem/wsman/1/wsman/Pull";
    public const string EventAction = "http://schemas.dmtf.org/wbem/wsman/1/wsman/Event";
    public const string EventsAction = "http://schemas.dmtf.org/wbem/wsman/1/wsman/Events";

    /// <summary>Issue 6's example: the EnabledState changes of computer systems, and nothing else.</summary>
    public const string EnabledStateChanges =
        "SELECT * FROM CIM_InstModification WHERE SourceInstance ISA CIM_ComputerSystem AND SourceInstance.EnabledState <> PreviousInstance.EnabledState";

    public static string Subscribe(string indicationClass, string mode, string delivery = "", string rest = "") =>
        Envelopes.Build("http://schemas.xmlsoap.org/ws/2004/08/eventing/Subscribe", Envelopes.ClassUri(indicationClass), body:
            $"<wse:Subscribe xmlns:wse=\"{Wse}\"><wse:Delivery Mode=\"{mode}\">{delivery}</wse:Delivery>{rest}</wse:Subscribe>");

    public static string NotifyTo(HttpEventSink sink) => $"<wse:NotifyTo><wsa:Address>{sink.Url()}</wsa:Address></wse:NotifyTo>";

    public static string Wql(string query) =>
        $"<wsman:Filter Dialect=\"http://schemas.microsoft.com/wbem/wsman/1/WQL\">{Envelopes.Escape(query)}</wsman:Filter>";

    public static string Identifier(WsManReply subscribed) =>
        subscribed.AssertOk().Content.Element(Wse + "SubscriptionManager")!.Element(Ns.Wsa + "ReferenceParameters")!.Element(Wse + "Identifier")!.Value;

    /// <summary>A Pull-mode subscription's enumeration context.</summary>
    public static string Context(WsManReply subscribed) => subscribed.AssertOk().Content.Element(Ns.Wsen + "EnumerationContext")!.Value;

    /// <summary>The indications a sink has received, in the order received.</summary>
    public static List<ReceivedIndication> Received(HttpEventSink sink) =>
        sink.Messages.Where(m => m.Action is EventAction or EventsAction).SelectMany(ReceivedIndication.In).ToList();

    /// <summary>The indications about one instance, by its key: a system's Name, a job's InstanceID.</summary>
    public static List<ReceivedIndication> About(this IEnumerable<ReceivedIndication> received, string key) =>
        received.Where(i => i.Source("Name") == key || i.Source("InstanceID") == key).ToList();
}
