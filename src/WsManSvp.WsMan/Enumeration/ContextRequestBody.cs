using System.Xml;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Faults;

namespace WsManSvp.WsMan.Enumeration;

/// <summary>The body of a request on an open enumeration: wsen:Pull or wsen:Release (WS-Enumeration).</summary>
public sealed record ContextRequestBody(string? ContextId, int MaxElements, int? MaxCharacters, TimeSpan? MaxTime = null)
{
    /// <summary>Reads wsen:<paramref name="element"/>; MaxElements defaults to 1, as DSP0226 R8.3 says.</summary>
    public static ContextRequestBody Read(XmlReader body, string element)
    {
        if (body.NodeType != XmlNodeType.Element || body.LocalName != element || body.NamespaceURI != XmlNs.Enumeration)
            throw Fault.SchemaValidationError($"The body of a {element} request must be a wsen:{element} element.").ToException();
        string? id = null;
        var maxElements = 1;
        int? maxCharacters = null;
        TimeSpan? maxTime = null;
        if (body.EnterElement())
        {
            do
            {
                switch (body.NamespaceURI == XmlNs.Enumeration ? body.LocalName : null)
                {
                    case "EnumerationContext": id = body.ReadElementContentAsString().Trim(); break;
                    case "MaxElements": maxElements = EnumerateBody.ReadCount("wsen:MaxElements", body.ReadElementContentAsString()); break;
                    case "MaxCharacters": maxCharacters = EnumerateBody.ReadCount("wsen:MaxCharacters", body.ReadElementContentAsString()); break;
                    case "MaxTime": maxTime = ReadMaxTime(body.ReadElementContentAsString()); break;
                    default: body.Skip(); break;
                }
            } while (body.NextChildElement());
            body.LeaveElement();
        }
        return new ContextRequestBody(id, maxElements, maxCharacters, maxTime);
    }

    private static TimeSpan ReadMaxTime(string text)
    {
        if (!Cim.Model.XmlDuration.TryParseMicroseconds(text.Trim(), out var micro) || micro <= 0)
            throw Fault.SchemaValidationError($"wsen:MaxTime '{XmlReading.Clip(text)}' is not a positive xs:duration.").ToException();
        return TimeSpan.FromTicks(Math.Min(micro, TimeSpan.MaxValue.Ticks / 10) * 10);
    }
}
