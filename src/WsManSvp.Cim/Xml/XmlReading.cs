using System.Xml;

namespace WsManSvp.Cim.Xml;

/// <summary>Small XmlReader helpers shared by the readers of this project.</summary>
public static class XmlReading
{
    /// <summary>Moves to the next element child of the current element, or to its end tag; false at the end.</summary>
    public static bool NextChildElement(this XmlReader r)
    {
        while (true)
        {
            switch (r.NodeType)
            {
                case XmlNodeType.Element:
                    return true;
                case XmlNodeType.EndElement:
                case XmlNodeType.None when r.EOF:
                    return false;
                case XmlNodeType.Text or XmlNodeType.CDATA when !string.IsNullOrWhiteSpace(r.Value):
                    throw new XmlException($"Unexpected text '{Clip(r.Value)}' where elements were expected.", null, Line(r), Column(r));
                default:
                    if (!r.Read()) return false;
                    break;
            }
        }
    }

    /// <summary>
    /// Enters the current element: true and positioned on its first child element when it has children,
    /// false (and past the element) when it is empty.
    /// </summary>
    public static bool EnterElement(this XmlReader r)
    {
        if (r.IsEmptyElement)
        {
            r.Read();
            return false;
        }
        r.Read();
        if (r.NextChildElement()) return true;
        r.Read(); // the end tag
        return false;
    }

    /// <summary>After the last child: consumes the parent's end tag.</summary>
    public static void LeaveElement(this XmlReader r)
    {
        if (r.NodeType == XmlNodeType.EndElement) r.Read();
    }

    /// <summary>True when the attribute holds xs:boolean true ("true" or "1").</summary>
    public static bool IsTrue(string? attribute) =>
        attribute is not null && (attribute.Trim() is "true" or "1");

    public static bool IsNil(this XmlReader r) => IsTrue(r.GetAttribute("nil", XmlNs.Xsi));

    public static int Line(XmlReader r) => (r as IXmlLineInfo)?.LineNumber ?? 0;

    public static int Column(XmlReader r) => (r as IXmlLineInfo)?.LinePosition ?? 0;

    public static string Clip(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
