using System.Globalization;
using System.Xml;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Faults;
using WsManSvp.WsMan.Resources;

namespace WsManSvp.WsMan.Eventing;

/// <summary>The wse:Subscribe body as DSP0226 10.2 profiles it: delivery and its options, expiry, filter, bookmarks.</summary>
public sealed class SubscribeBody
{
    public const string BasicOverHttp = "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/basic";
    public const string BasicOverHttps = "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/https/basic";

    public DeliveryMode Mode { get; private set; } = DeliveryMode.Push;
    public EndpointReference? NotifyTo { get; private set; }
    public EndpointReference? EndTo { get; private set; }
    public string? Expires { get; private set; }
    public TimeSpan? Heartbeats { get; private set; }
    public ConnectionRetry? ConnectionRetry { get; private set; }
    public int? MaxElements { get; private set; }
    public TimeSpan? MaxTime { get; private set; }
    public string? AuthProfile { get; private set; }
    public bool SendBookmarks { get; private set; }
    public string? Bookmark { get; private set; }
    public IEventFilter? Filter { get; private set; }

    public static SubscribeBody Read(XmlReader r, IEventService events, ResourceRequest request)
    {
        if (r.NodeType != XmlNodeType.Element || r.LocalName != "Subscribe" || r.NamespaceURI != XmlNs.Eventing)
            throw Fault.SchemaValidationError("The body of a Subscribe request must be a wse:Subscribe element.").ToException();
        var body = new SubscribeBody();
        if (r.EnterElement())
        {
            do
            {
                switch (r.NamespaceURI, r.LocalName)
                {
                    case (XmlNs.Eventing, "EndTo"): body.EndTo = EndpointReference.Read(r, "wse:EndTo"); break;
                    case (XmlNs.Eventing, "Delivery"): body.ReadDelivery(r); break;
                    case (XmlNs.Eventing, "Expires"): body.Expires = r.ReadElementContentAsString(); break;
                    case (XmlNs.Eventing or XmlNs.WsMan, "Filter"):
                        body.Filter = events.ReadEventFilter(request, r.GetAttribute("Dialect"), r);
                        break;
                    case (XmlNs.WsMan, "SendBookmarks"): body.SendBookmarks = true; r.Skip(); break;
                    case (XmlNs.WsMan, "Bookmark"): body.Bookmark = r.ReadInnerXml().Trim(); break;
                    case (XmlNs.CimBinding, "PolymorphismMode"):
                        // MS-WSMV 3.1.4.6: not a modifier of Subscribe.
                        throw Fault.UnsupportedFeature("NotSupported", "wsmb:PolymorphismMode does not apply to subscriptions.").ToException();
                    default: r.Skip(); break;
                }
            } while (r.NextChildElement());
            r.LeaveElement();
        }
        body.Filter ??= events.ReadEventFilter(request, null, null);
        body.Check();
        return body;
    }

    private void ReadDelivery(XmlReader r)
    {
        var modeUri = r.GetAttribute("Mode");
        Mode = DeliveryModes.Parse(modeUri) ?? throw Fault.DeliveryModeRequestedUnavailable(modeUri).ToException();
        if (!r.EnterElement()) return;
        do
        {
            switch (r.NamespaceURI, r.LocalName)
            {
                case (XmlNs.Eventing, "NotifyTo"): NotifyTo = EndpointReference.Read(r, "wse:NotifyTo"); break;
                case (XmlNs.WsMan, "Heartbeats"): Heartbeats = ReadDuration("wsman:Heartbeats", r.ReadElementContentAsString()); break;
                case (XmlNs.WsMan, "ConnectionRetry"): ConnectionRetry = ReadRetry(r); break;
                case (XmlNs.WsMan, "MaxElements"): MaxElements = ReadPositive("wsman:MaxElements", r.ReadElementContentAsString()); break;
                case (XmlNs.WsMan, "MaxTime"): MaxTime = ReadDuration("wsman:MaxTime", r.ReadElementContentAsString()); break;
                case (XmlNs.WsMan, "Auth"): AuthProfile = r.GetAttribute("Profile")?.Trim() ?? ""; r.Skip(); break;
                case (XmlNs.WsMan, "ContentEncoding"):
                    var encoding = r.ReadElementContentAsString().Trim();
                    if (!encoding.Equals("UTF-8", StringComparison.OrdinalIgnoreCase))
                        throw Fault.UnsupportedFeature("EncodingType", $"Events are delivered in UTF-8 only, not '{XmlReading.Clip(encoding)}'.").ToException();
                    break;
                default: r.Skip(); break; // wsman:Locale, wsman:MaxEnvelopeSize: deliveries stay within the service's own limits
            }
        } while (r.NextChildElement());
        r.LeaveElement();
    }

    /// <summary>The rules between the parts, checked once all of them are read.</summary>
    private void Check()
    {
        if (Mode.IsPushed() && NotifyTo is null)
            throw Fault.SchemaValidationError("A push delivery mode needs wse:NotifyTo: the address events are delivered to.").ToException();
        if (Mode != DeliveryMode.Events && MaxElements is not null)
            throw Fault.UnsupportedFeature("MaxElements", "wsman:MaxElements applies to the Events delivery mode only.").ToException();
        if (Mode != DeliveryMode.Events && MaxTime is not null)
            throw Fault.UnsupportedFeature("MaxTime", "wsman:MaxTime applies to the Events delivery mode only.").ToException();
        if (Mode == DeliveryMode.Pull && (ConnectionRetry is not null || AuthProfile is not null))
            throw Fault.UnsupportedFeature("DeliveryRetries", "The Pull delivery mode connects to no subscriber: wsman:ConnectionRetry and wsman:Auth do not apply.").ToException();
        NotifyTo?.HttpUri("wse:NotifyTo");
        EndTo?.HttpUri("wse:EndTo");
        if (AuthProfile is not null and not BasicOverHttp and not BasicOverHttps)
            throw Fault.UnsupportedFeature("NotSupported", $"The security profile '{XmlReading.Clip(AuthProfile)}' is not supported for event delivery (HTTP or HTTPS Basic).").ToException();
        if (AuthProfile == BasicOverHttps && NotifyTo!.HttpUri("wse:NotifyTo").Scheme != Uri.UriSchemeHttps)
            throw Fault.UnsupportedFeature("InsecureAddress", "The HTTPS Basic profile needs an https NotifyTo address.").ToException();
    }

    private static TimeSpan ReadDuration(string element, string text)
    {
        if (!XmlDuration.TryParseMicroseconds(text.Trim(), out var micro) || micro < 0)
            throw Fault.SchemaValidationError($"{element} '{XmlReading.Clip(text)}' is not a non-negative xs:duration.").ToException();
        return TimeSpan.FromTicks(Math.Min(micro, TimeSpan.MaxValue.Ticks / 10) * 10);
    }

    private static int ReadPositive(string element, string text)
    {
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n == 0)
            throw Fault.SchemaValidationError($"{element} '{XmlReading.Clip(text)}' is not a positive integer.").ToException();
        return n;
    }

    /// <summary>wsman:ConnectionRetry Total="n" holding the interval; MS-WSMV: both zero (no retry) or both not.</summary>
    private static ConnectionRetry ReadRetry(XmlReader r)
    {
        var totalText = r.GetAttribute("Total") ?? "1";
        if (!int.TryParse(totalText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var total))
            throw Fault.SchemaValidationError($"wsman:ConnectionRetry/@Total '{XmlReading.Clip(totalText)}' is not a non-negative integer.").ToException();
        var interval = ReadDuration("wsman:ConnectionRetry", r.ReadElementContentAsString());
        if ((total == 0) != (interval == TimeSpan.Zero))
            throw Fault.InvalidParameter("InvalidValue", "wsman:ConnectionRetry and its Total must both be zero (no retries) or both not.").ToException();
        return new ConnectionRetry(total, interval);
    }
}
