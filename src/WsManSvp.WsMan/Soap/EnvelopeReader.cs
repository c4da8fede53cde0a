using System.Runtime.InteropServices;
using System.Xml;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Faults;

namespace WsManSvp.WsMan.Soap;

/// <summary>
/// Reads a SOAP 1.2 envelope: checks its shape, reads the headers, and leaves the reader on the first
/// element of the body (or on the body's end). XML is read with DTDs prohibited and nothing resolved.
/// </summary>
public static class EnvelopeReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    public static XmlReader Open(ReadOnlyMemory<byte> body, WsManOptions options)
    {
        var stream = MemoryMarshal.TryGetArray(body, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(body.ToArray(), writable: false);
        return new BoundedXmlReader(XmlReader.Create(stream, Settings), options.MaxXmlDepth, options.MaxXmlElements);
    }

    public static RequestHeaders ReadHeaders(XmlReader r)
    {
        r.MoveToContent();
        if (r.NodeType != XmlNodeType.Element || r.LocalName != "Envelope")
            throw Fault.Malformed($"The request is not a SOAP envelope (its root element is {r.Name}).").ToException();
        if (r.NamespaceURI != XmlNs.Soap)
            throw Fault.VersionMismatch(r.NamespaceURI).ToException();

        var headers = new RequestHeaders();
        if (!r.EnterElement()) throw MissingBody();
        if (r.LocalName == "Header" && r.NamespaceURI == XmlNs.Soap)
        {
            if (r.EnterElement())
            {
                do ReadHeader(r, headers);
                while (r.NextChildElement());
                r.LeaveElement();
            }
            if (!r.NextChildElement()) throw MissingBody();
        }
        if (r.LocalName != "Body" || r.NamespaceURI != XmlNs.Soap) throw MissingBody();
        if (r.IsEmptyElement) r.Read();
        else
        {
            r.Read();
            r.NextChildElement();
        }
        return headers;
    }

    /// <summary>
    /// Reads whatever of the envelope the operation did not, to its end: nothing acts on a request
    /// before all of it is known to be well-formed and within the limits.
    /// </summary>
    public static void ReadToEnd(XmlReader r)
    {
        while (r.Read()) { }
    }

    private static WsManFaultException MissingBody() =>
        Fault.Malformed("The SOAP envelope has no s:Body.").ToException();

    private static void ReadHeader(XmlReader r, RequestHeaders h)
    {
        var mustUnderstand = XmlReading.IsTrue(r.GetAttribute("mustUnderstand", XmlNs.Soap) ?? r.GetAttribute("mustUnderstand"));
        var ns = r.NamespaceURI;
        var local = r.LocalName;
        switch (ns)
        {
            case XmlNs.Addressing:
                switch (local)
                {
                    case "To": h.To = Text(r); return;
                    case "Action": h.Action = Text(r); return;
                    case "MessageID": h.MessageId = Text(r); return;
                    case "ReplyTo": h.HasReplyTo = true; h.ReplyTo = Address(r); return;
                    case "FaultTo": h.FaultTo = Address(r); return;
                    case "From" or "RelatesTo": r.Skip(); return;
                }
                break;
            case XmlNs.WsMan:
                switch (local)
                {
                    case "ResourceURI": h.ResourceUri = Text(r); return;
                    case "SelectorSet": h.Selectors = ReadSelectors(r); return;
                    case "OptionSet": h.Options = ReadOptions(r); return;
                    case "OperationTimeout": h.OperationTimeout = Text(r); return;
                    case "MaxEnvelopeSize": h.MaxEnvelopeSize = Text(r); return;
                    case "Locale":
                        h.Locale = r.GetAttribute("lang", XmlNs.Xml) ?? "";
                        h.LocaleMustUnderstand = mustUnderstand;
                        r.Skip();
                        return;
                    case "FragmentTransfer":
                        h.FragmentDialect = r.GetAttribute("Dialect");
                        h.FragmentTransfer = Text(r);
                        return;
                    case "RequestTotalItemsCountEstimate": h.RequestTotalItemsCountEstimate = true; r.Skip(); return;
                    case "RequestEPR": r.Skip(); return;
                }
                break;
            case XmlNs.Eventing when local == "Identifier":
                h.SubscriptionIdentifier = Text(r);
                return;
            case IssuedToken.TrustNamespace when local == "IssuedTokens":
                h.IssuedTokens = IssuedToken.ReadAll(r);
                return;
            case XmlNs.MsWsMan:
                switch (local)
                {
                    case "DataLocale":
                        h.DataLocale = r.GetAttribute("lang", XmlNs.Xml) ?? "";
                        h.DataLocaleMustUnderstand = mustUnderstand;
                        r.Skip();
                        return;
                    // Windows clients send these for their own bookkeeping (MS-WSMV); nothing to do.
                    case "SessionId" or "OperationID" or "SequenceId": r.Skip(); return;
                }
                break;
        }
        if (mustUnderstand) h.NotUnderstood.Add((ns, local));
        r.Skip();
    }

    private static string Text(XmlReader r) => r.ReadElementContentAsString().Trim();

    private static string? Address(XmlReader r)
    {
        string? address = null;
        if (r.EnterElement())
        {
            do
            {
                if (r.LocalName == "Address" && r.NamespaceURI == XmlNs.Addressing) address = Text(r);
                else r.Skip();
            } while (r.NextChildElement());
            r.LeaveElement();
        }
        return address;
    }

    private static IReadOnlyList<Selector> ReadSelectors(XmlReader r)
    {
        try
        {
            return EndpointReferenceReader.ReadSelectorSet(r);
        }
        catch (CimXmlException e)
        {
            throw Fault.InvalidSelectors("InvalidValue", e.Message).ToException();
        }
    }

    private static IReadOnlyList<WsManOption> ReadOptions(XmlReader r)
    {
        var options = new List<WsManOption>();
        if (!r.EnterElement()) return options;
        do
        {
            if (r.LocalName == "Option" && r.NamespaceURI == XmlNs.WsMan)
            {
                var name = r.GetAttribute("Name") ?? "";
                var mustComply = XmlReading.IsTrue(r.GetAttribute("MustComply") ?? r.GetAttribute("mustComply"));
                options.Add(new WsManOption(name, r.ReadElementContentAsString(), mustComply));
            }
            else r.Skip();
        } while (r.NextChildElement());
        r.LeaveElement();
        return options;
    }
}
