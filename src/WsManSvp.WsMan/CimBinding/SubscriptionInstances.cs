using WsManSvp.Cim.Model;
using WsManSvp.Cim.Schema;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Eventing;

namespace WsManSvp.WsMan.CimBinding;

/// <summary>
/// A WS-Eventing subscription as DSP1054 models it in the interop namespace: a CIM_IndicationFilter (what it
/// selects), a CIM_ListenerDestinationWSManagement (where and how events go) and the CIM_IndicationSubscription
/// between them. Filter and destination are the subscription's own, so all three are named by its identifier.
/// </summary>
internal sealed class SubscriptionInstances(CimClassRepository repository, string @namespace, TimeProvider time)
{
    public const string FilterClass = "CIM_IndicationFilter";
    public const string DestinationClass = "CIM_ListenerDestinationWSManagement";
    public const string SubscriptionClass = "CIM_IndicationSubscription";

    private const string HostClass = "CIM_ComputerSystem";
    private const ushort ProtocolWsManagement = 4;
    private const ushort PersistenceTransient = 3;
    private const ushort StateEnabled = 2;
    private const ushort OnFatalErrorRemove = 4;
    private const string QueryLanguageWql = "WQL";
    private const string QueryLanguageCql = "DMTF:CQL";

    public CimInstance Filter(SubscriptionFacts s, string hostName)
    {
        var (query, language) = Query(s.Filter);
        return Scoped(FilterClass, s, hostName)
            .Set("Query", query)
            .Set("QueryLanguage", language)
            .Set("SourceNamespaces", s.Filter is IndicationFilter f ? CimValue.StringArray(f.Namespace) : CimValue.Null(CimType.String, true))
            // The filter exists for its one subscription; a second subscription to it cannot be made.
            .Set("IndividualSubscriptionSupported", CimValue.Boolean(false));
    }

    public CimInstance Destination(SubscriptionFacts s, string hostName)
    {
        var pushed = s.Mode.IsPushed();
        return Scoped(DestinationClass, s, hostName)
            // Pull has no NotifyTo: the class's description names the anonymous address for it.
            .Set("Destination", s.NotifyTo ?? XmlNs.AnonymousAddress)
            .Set("DestinationEndTo", s.EndTo)
            .Set("Protocol", CimValue.UInt16(ProtocolWsManagement))
            // A sink that stays unreachable ends its subscription (wse:DeliveryFailure): a transient destination.
            .Set("PersistenceType", pushed ? CimValue.UInt16(PersistenceTransient) : CimValue.Null(CimType.UInt16))
            .Set("DeliveryMode", CimValue.UInt16(DeliveryModeValue(s.Mode)))
            .Set("Heartbeat", Seconds(s.Heartbeats))
            .Set("SendBookmark", CimValue.Boolean(s.SendBookmarks))
            .Set("MaxTime", Seconds(s.MaxTime))
            .Set("DeliveryAuth", s.DeliveryAuth);
    }

    public CimInstance Subscription(SubscriptionFacts s, string hostName)
    {
        var now = time.GetUtcNow();
        var instance = New(SubscriptionClass)
            .Set("Filter", CimValue.Reference(Filter(s, hostName).GetPath()))
            .Set("Handler", CimValue.Reference(Destination(s, hostName).GetPath()))
            .Set("SubscriptionState", CimValue.UInt16(StateEnabled))
            .Set("SubscriptionTimeRemaining", Seconds(s.Expires > now ? s.Expires - now : TimeSpan.Zero))
            .Set("OnFatalErrorPolicy", s.Mode.IsPushed() ? CimValue.UInt16(OnFatalErrorRemove) : CimValue.Null(CimType.UInt16));
        if (s.Created is { } created)
        {
            // Enabled from the start until it ends; a Renew moves the end, so the duration is start to current expiry.
            instance.Set("SubscriptionStartTime", CimValue.DateTime(created))
                .Set("TimeOfLastStateChange", CimValue.DateTime(created))
                .Set("SubscriptionDuration", Seconds(s.Expires - created));
        }
        return instance;
    }

    /// <summary>The query a filter runs; a subscription without one selects its class URI's indications, which CQL says as SELECT *.</summary>
    private static (string Query, string Language) Query(IEventFilter filter)
    {
        if (filter.Text is { } text) return (text, filter.Dialect == FilterDialects.Wql ? QueryLanguageWql : QueryLanguageCql);
        var cls = filter is IndicationFilter { Class: { } c } ? c
            : ResourceUriScheme.TryParse(filter.ResourceUri, out _, out var className, out _) ? className
            : "CIM_Indication";
        return ($"SELECT * FROM {cls}", QueryLanguageCql);
    }

    private static ushort DeliveryModeValue(DeliveryMode mode) => mode switch
    {
        DeliveryMode.Push => 2,
        DeliveryMode.PushWithAck => 3,
        DeliveryMode.Events => 4,
        _ => 5,
    };

    private static CimValue Seconds(TimeSpan? span) =>
        span is { } s ? CimValue.UInt64((ulong)Math.Ceiling(s.TotalSeconds)) : CimValue.Null(CimType.UInt64);

    /// <summary>Filters and destinations are scoped by the host system, as DSP1054 scopes them by the managed system.</summary>
    private CimInstance Scoped(string className, SubscriptionFacts s, string hostName) => New(className)
        .Set("SystemCreationClassName", HostClass)
        .Set("SystemName", hostName)
        .Set("CreationClassName", className)
        .Set("Name", s.Id);

    private CimInstance New(string className) =>
        new(repository.GetClass(className) ?? throw new InvalidOperationException($"{className} is not declared."), @namespace);
}
