using System.Xml;

namespace WsManSvp.Cim.Xml;

/// <summary>Reads wsman:SelectorSet and endpoint references (DSP0226 clause 5, DSP0227).</summary>
public static class EndpointReferenceReader
{
    /// <summary>Reads a wsman:SelectorSet element (the reader is on it) and consumes it.</summary>
    public static IReadOnlyList<Selector> ReadSelectorSet(XmlReader r)
    {
        var selectors = new List<Selector>();
        if (!r.EnterElement()) return selectors;
        do
        {
            if (r.LocalName != "Selector" || r.NamespaceURI != XmlNs.WsMan)
                throw new CimXmlException($"A SelectorSet holds wsman:Selector elements, not {r.Name}.");
            var name = r.GetAttribute("Name") ?? throw new CimXmlException("A wsman:Selector has no Name attribute.");
            selectors.Add(ReadSelector(r, name));
        } while (r.NextChildElement());
        r.LeaveElement();
        return selectors;
    }

    private static Selector ReadSelector(XmlReader r, string name)
    {
        if (r.IsEmptyElement)
        {
            r.Read();
            return new Selector(name, "", null);
        }
        r.Read();
        string text = "";
        EndpointReference? reference = null;
        while (r.NodeType != XmlNodeType.EndElement)
        {
            switch (r.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    text += r.Value;
                    r.Read();
                    break;
                case XmlNodeType.Element when r.LocalName == "EndpointReference" && r.NamespaceURI == XmlNs.Addressing:
                    reference = ReadEndpointReference(r);
                    break;
                case XmlNodeType.Element:
                    throw new CimXmlException($"Selector '{name}' holds an unexpected element {r.Name}.", name);
                default:
                    r.Read();
                    break;
            }
        }
        r.Read();
        return reference is null ? new Selector(name, text, null) : new Selector(name, null, reference);
    }

    /// <summary>Reads an element whose content is an EPR (wsa:EndpointReference itself, or a property holding one).</summary>
    public static EndpointReference ReadEndpointReference(XmlReader r)
    {
        var address = XmlNs.AnonymousAddress;
        string? resourceUri = null;
        IReadOnlyList<Selector> selectors = [];
        if (!r.EnterElement()) throw new CimXmlException("An endpoint reference is empty.");
        do
        {
            if (r.NamespaceURI == XmlNs.Addressing && r.LocalName == "Address")
            {
                address = r.ReadElementContentAsString().Trim();
            }
            else if (r.NamespaceURI == XmlNs.Addressing && r.LocalName is "ReferenceParameters" or "ReferenceProperties")
            {
                if (r.EnterElement())
                {
                    do ReadReferenceParameter(r, ref resourceUri, ref selectors);
                    while (r.NextChildElement());
                    r.LeaveElement();
                }
            }
            else if (r.NamespaceURI == XmlNs.Addressing && r.LocalName == "EndpointReference")
            {
                // A property wrapping a whole EPR: the wrapper's end tag must be consumed too.
                var wrapped = ReadEndpointReference(r);
                while (r.NextChildElement()) r.Skip();
                r.LeaveElement();
                return wrapped;
            }
            else
            {
                // Some clients put the reference parameters directly in the EPR.
                ReadReferenceParameter(r, ref resourceUri, ref selectors);
            }
        } while (r.NextChildElement());
        r.LeaveElement();
        return new EndpointReference(address, resourceUri, selectors);
    }

    private static void ReadReferenceParameter(XmlReader r, ref string? resourceUri, ref IReadOnlyList<Selector> selectors)
    {
        if (r.NamespaceURI == XmlNs.WsMan && r.LocalName == "ResourceURI") resourceUri = r.ReadElementContentAsString().Trim();
        else if (r.NamespaceURI == XmlNs.WsMan && r.LocalName == "SelectorSet") selectors = ReadSelectorSet(r);
        else r.Skip();
    }
}
