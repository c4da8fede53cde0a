using System.Xml;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Faults;

namespace WsManSvp.WsMan.Eventing;

/// <summary>
/// A subscriber's endpoint (NotifyTo, EndTo): its address, and the reference parameters (or the 2004/08
/// reference properties Windows sends) that go back as SOAP headers on every message to it, kept as raw XML.
/// </summary>
public sealed record EndpointReference(string Address, string? ReferenceParameters)
{
    /// <summary>The longest reference parameters accepted: they are repeated in every delivery.</summary>
    public const int MaxReferenceParametersLength = 4096;

    /// <summary>Reads an EPR element's content; the reader is on the element and ends past it.</summary>
    public static EndpointReference Read(XmlReader r, string element)
    {
        string? address = null;
        string? parameters = null;
        if (r.EnterElement())
        {
            do
            {
                switch (r.NamespaceURI == XmlNs.Addressing ? r.LocalName : null)
                {
                    case "Address": address = r.ReadElementContentAsString().Trim(); break;
                    case "ReferenceParameters" or "ReferenceProperties": parameters = ReadParameters(r, element); break;
                    default: r.Skip(); break;
                }
            } while (r.NextChildElement());
            r.LeaveElement();
        }
        if (string.IsNullOrEmpty(address))
            throw Fault.SchemaValidationError($"{element} has no wsa:Address.").ToException();
        return new EndpointReference(address, parameters);
    }

    /// <summary>The children of ReferenceParameters, each self-contained (ReadOuterXml declares the namespaces it uses).</summary>
    private static string? ReadParameters(XmlReader r, string element)
    {
        if (!r.EnterElement()) return null;
        var xml = new System.Text.StringBuilder();
        do xml.Append(r.ReadOuterXml());
        while (r.NextChildElement());
        r.LeaveElement();
        if (xml.Length > MaxReferenceParametersLength)
            throw Fault.EncodingLimit("MaxEnvelopeSize",
                $"The reference parameters of {element} take more than {MaxReferenceParametersLength} characters.").ToException();
        return xml.ToString();
    }

    /// <summary>The HTTP(S) URI of the address; faults when it is none (R10.2.3: the service cannot deliver there).</summary>
    public Uri HttpUri(string element)
    {
        if (!Uri.TryCreate(Address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw Fault.EventDeliverToUnusable($"The {element} address '{XmlReading.Clip(Address)}' is not an http or https URL.").ToException();
        return uri;
    }
}
