namespace WsManSvp.WsMan;

/// <summary>The wsa:Action URIs of the operations the service answers, and of its faults.</summary>
public static class Actions
{
    public const string TransferPrefix = "http://schemas.xmlsoap.org/ws/2004/09/transfer/";
    public const string Get = TransferPrefix + "Get";
    public const string Put = TransferPrefix + "Put";
    public const string Create = TransferPrefix + "Create";
    public const string Delete = TransferPrefix + "Delete";

    public const string EnumerationPrefix = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/";
    public const string Enumerate = EnumerationPrefix + "Enumerate";
    public const string Pull = EnumerationPrefix + "Pull";
    public const string Release = EnumerationPrefix + "Release";

    public const string EventingPrefix = "http://schemas.xmlsoap.org/ws/2004/08/eventing/";
    public const string Subscribe = EventingPrefix + "Subscribe";
    public const string Renew = EventingPrefix + "Renew";
    public const string GetStatus = EventingPrefix + "GetStatus";
    public const string Unsubscribe = EventingPrefix + "Unsubscribe";
    public const string SubscriptionEnd = EventingPrefix + "SubscriptionEnd";

    /// <summary>The messages a service sends to event sinks (DSP0226 10.2.9, 10.2.5, 10.6).</summary>
    public const string WsManPrefix = "http://schemas.dmtf.org/wbem/wsman/1/wsman/";
    public const string Event = WsManPrefix + "Event";
    public const string Events = WsManPrefix + "Events";
    public const string Heartbeat = WsManPrefix + "Heartbeat";
    public const string DroppedEvents = WsManPrefix + "DroppedEvents";
    public const string Ack = WsManPrefix + "Ack";

    public const string WsManFault = "http://schemas.dmtf.org/wbem/wsman/1/wsman/fault";
    public const string AddressingFault = "http://schemas.xmlsoap.org/ws/2004/08/addressing/fault";
    public const string EnumerationFault = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/fault";
    public const string EventingFault = "http://schemas.xmlsoap.org/ws/2004/08/eventing/fault";
    public const string TransferFault = "http://schemas.xmlsoap.org/ws/2004/09/transfer/fault";

    public static string ResponseTo(string action) => action + "Response";
}
