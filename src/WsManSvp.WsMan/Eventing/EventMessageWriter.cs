using System.Text;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Soap;

namespace WsManSvp.WsMan.Eventing;

/// <summary>
/// Writes the messages the service sends to subscribers (DSP0226 10.2.9, 10.6, 10.8): addressed to the EPR
/// with its reference parameters as headers, the event bodies as the resource layer wrote them.
/// </summary>
public static class EventMessageWriter
{
    /// <summary>Opens the envelope and header: wsa:To, wsa:Action, wsa:MessageID, the EPR's reference parameters.</summary>
    public static void WriteStart(Utf8XmlWriter w, EndpointReference to, string action, string messageId)
    {
        ResponseEnvelope.WriteStartWithoutAddressing(w);
        w.Element("wsa:To"u8, to.Address);
        w.Element("wsa:Action"u8, action);
        w.Element("wsa:MessageID"u8, messageId);
        if (to.ReferenceParameters is { } parameters) w.TextRaw(Encoding.UTF8.GetBytes(parameters));
    }

    /// <summary>The headers of a delivery that asks for an Ack (PushWithAck, Events): where to send it, and the request.</summary>
    public static void WriteAckRequested(Utf8XmlWriter w)
    {
        w.Start("wsa:ReplyTo"u8);
        w.Element("wsa:Address"u8, XmlNs.AnonymousAddress);
        w.End("wsa:ReplyTo"u8);
        w.Start("wsman:AckRequested"u8);
        w.End("wsman:AckRequested"u8);
    }

    public static void WriteBookmark(Utf8XmlWriter w, Bookmark bookmark) => w.Element("wsman:Bookmark"u8, bookmark.ToString());

    /// <summary>One event's body, or (Events mode) a wsman:Event wrapping it.</summary>
    public static void WriteEvent(Utf8XmlWriter w, LoggedEvent e, bool wrapped)
    {
        if (!wrapped)
        {
            w.TextRaw(e.Body.Span);
            return;
        }
        w.Start("wsman:Event"u8);
        w.Attribute("Action"u8, Actions.Event);
        w.TextRaw(e.Body.Span);
        w.End("wsman:Event"u8);
    }

    /// <summary>wsman:DroppedEvents (DSP0226 10.6): how many events the subscriber will never see.</summary>
    public static void WriteDroppedEvents(Utf8XmlWriter w, long count)
    {
        w.Start("wsman:DroppedEvents"u8);
        w.Attribute("Action"u8, Actions.Event);
        w.Text(count);
        w.End("wsman:DroppedEvents"u8);
    }

    /// <summary>The SubscriptionManager EPR: the service's address and the subscription's wse:Identifier.</summary>
    public static void WriteSubscriptionManager(Utf8XmlWriter w, Subscription s)
    {
        w.Start("wse:SubscriptionManager"u8);
        w.Element("wsa:Address"u8, s.ManagerAddress);
        w.Start("wsa:ReferenceParameters"u8);
        w.Element("wse:Identifier"u8, s.Id);
        w.End("wsa:ReferenceParameters"u8);
        w.End("wse:SubscriptionManager"u8);
    }

    /// <summary>wse:SubscriptionEnd to EndTo (WS-Eventing 3.5): why the service ended the subscription.</summary>
    public static void WriteSubscriptionEnd(Utf8XmlWriter w, Subscription s, string status, string reason)
    {
        WriteStart(w, s.EndTo!, Actions.SubscriptionEnd, NewMessageId());
        ResponseEnvelope.WriteBodyStart(w);
        w.Start("wse:SubscriptionEnd"u8);
        w.Attribute("xmlns:wse"u8, XmlNs.Eventing);
        WriteSubscriptionManager(w, s);
        w.Element("wse:Status"u8, status);
        w.Start("wse:Reason"u8);
        w.Attribute("xml:lang"u8, "en-US");
        w.Text(reason);
        w.End("wse:Reason"u8);
        w.End("wse:SubscriptionEnd"u8);
        ResponseEnvelope.WriteEnd(w);
    }

    public static string NewMessageId() => "uuid:" + Guid.NewGuid().ToString("D");
}
