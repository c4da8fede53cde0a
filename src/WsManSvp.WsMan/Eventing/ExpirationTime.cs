using WsManSvp.Cim.Model;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Faults;

namespace WsManSvp.WsMan.Eventing;

/// <summary>wse:Expires of a Subscribe or Renew: an xs:duration, or an xs:dateTime, in the future.</summary>
public static class ExpirationTime
{
    public static (TimeSpan Lifetime, bool AsDateTime) Read(string text, DateTimeOffset now)
    {
        text = text.Trim();
        TimeSpan lifetime;
        bool asDateTime;
        if (XmlDuration.TryParseMicroseconds(text, out var micro))
        {
            lifetime = TimeSpan.FromTicks(Math.Min(micro, TimeSpan.MaxValue.Ticks / 10) * 10);
            asDateTime = false;
        }
        else if (CimDateTime.TryParseXmlDateTime(text, out var at))
        {
            lifetime = at!.Timestamp - now;
            asDateTime = true;
        }
        else throw Fault.EventingInvalidExpirationTime($"wse:Expires '{XmlReading.Clip(text)}' is neither an xs:duration nor an xs:dateTime.").ToException();
        if (lifetime <= TimeSpan.Zero)
            throw Fault.EventingInvalidExpirationTime($"wse:Expires '{XmlReading.Clip(text)}' is not in the future.").ToException();
        return (lifetime, asDateTime);
    }

    /// <summary>The granted expiry as the reply states it: the same form the client used.</summary>
    public static string Format(DateTimeOffset expires, bool asDateTime, DateTimeOffset now) => asDateTime
        ? expires.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture)
        : XmlDuration.FromMicroseconds(Math.Max(0, (expires - now).Ticks / 10));
}
