using System.Globalization;
using System.Xml;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Faults;
using WsManSvp.WsMan.Resources;

namespace WsManSvp.WsMan.Enumeration;

/// <summary>The wsen:Enumerate body (WS-Enumeration with DSP0226 clause 8 and DSP0227 extensions).</summary>
public sealed class EnumerateBody
{
    public EnumerationMode Mode { get; private set; }
    public bool Optimize { get; private set; }
    public int MaxElements { get; private set; } = 1;
    public TimeSpan? Expires { get; private set; }
    public IEnumerationFilter? Filter { get; private set; }
    public string? PolymorphismMode { get; private set; }

    public static EnumerateBody Read(XmlReader r, IResourceService resources, ResourceRequest request, DateTimeOffset now)
    {
        if (r.NodeType != XmlNodeType.Element || r.LocalName != "Enumerate" || r.NamespaceURI != XmlNs.Enumeration)
            throw Fault.SchemaValidationError("The body of an Enumerate request must be a wsen:Enumerate element.").ToException();
        var body = new EnumerateBody();
        if (!r.EnterElement()) return body;
        do
        {
            switch (r.NamespaceURI, r.LocalName)
            {
                case (XmlNs.Enumeration, "EndTo"):
                    throw Fault.UnsupportedFeature("AddressingMode", "wsen:EndTo is not supported: enumerations end by Release or expiry.").ToException();
                case (XmlNs.Enumeration, "Expires"):
                    body.Expires = ReadExpires(r.ReadElementContentAsString().Trim(), now);
                    break;
                case (XmlNs.Enumeration or XmlNs.WsMan, "Filter"):
                    body.Filter = resources.ReadFilter(request, r.GetAttribute("Dialect"), r);
                    break;
                case (XmlNs.WsMan, "OptimizeEnumeration"):
                    body.Optimize = true;
                    r.Skip();
                    break;
                case (XmlNs.WsMan, "MaxElements"):
                    body.MaxElements = ReadCount("wsman:MaxElements", r.ReadElementContentAsString());
                    break;
                case (XmlNs.WsMan, "EnumerationMode"):
                    body.Mode = ReadMode(r.ReadElementContentAsString().Trim());
                    break;
                case (XmlNs.CimBinding, "PolymorphismMode"):
                    body.PolymorphismMode = r.ReadElementContentAsString().Trim();
                    break;
                default:
                    r.Skip();
                    break;
            }
        } while (r.NextChildElement());
        r.LeaveElement();
        return body;
    }

    /// <summary>A positive count; 0 is read as 1 (as OMI does), anything else not a number is refused.</summary>
    public static int ReadCount(string element, string text)
    {
        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            throw Fault.SchemaValidationError($"{element} '{XmlReading.Clip(text)}' is not a non-negative integer.").ToException();
        return (int)Math.Clamp(n, 1, int.MaxValue);
    }

    private static EnumerationMode ReadMode(string text) => text switch
    {
        "EnumerateObject" => EnumerationMode.EnumerateObject,
        "EnumerateEPR" => EnumerationMode.EnumerateEPR,
        "EnumerateObjectAndEPR" => EnumerationMode.EnumerateObjectAndEPR,
        _ => throw Fault.UnsupportedFeature("EnumerationMode",
            $"EnumerationMode '{XmlReading.Clip(text)}' is not supported (EnumerateObject, EnumerateEPR, EnumerateObjectAndEPR).").ToException(),
    };

    /// <summary>wsen:Expires as an xs:duration, or an xs:dateTime taken relative to now.</summary>
    private static TimeSpan ReadExpires(string text, DateTimeOffset now)
    {
        TimeSpan expires;
        if (XmlDuration.TryParseMicroseconds(text, out var micro)) expires = TimeSpan.FromTicks(Math.Min(micro, TimeSpan.MaxValue.Ticks / 10) * 10);
        else if (CimDateTime.TryParseXmlDateTime(text, out var at)) expires = at!.Timestamp - now;
        else throw Fault.InvalidExpirationTime($"wsen:Expires '{XmlReading.Clip(text)}' is neither an xs:duration nor an xs:dateTime.").ToException();
        if (expires <= TimeSpan.Zero)
            throw Fault.InvalidExpirationTime($"wsen:Expires '{text}' is not in the future.").ToException();
        return expires;
    }
}
