using System.Globalization;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Faults;

namespace WsManSvp.WsMan.Soap;

/// <summary>Writes a SOAP 1.2 fault envelope (DSP0226 clause 14), with the Windows WSManFault detail.</summary>
public static class FaultWriter
{
    public static void Write(Utf8XmlWriter w, WsManFault fault, string? relatesTo, string? lang)
    {
        ResponseEnvelope.WriteStart(w, fault.Action, relatesTo, lang);
        if (fault.NotUnderstood is { } header)
        {
            w.Start("s:NotUnderstood"u8);
            w.Attribute("qname"u8, "h:" + header.LocalName);
            w.Attribute("xmlns:h"u8, header.Namespace);
            w.End("s:NotUnderstood"u8);
        }
        if (fault.Code == FaultCode.VersionMismatch)
        {
            w.Start("s:Upgrade"u8);
            w.Start("s:SupportedEnvelope"u8);
            w.Attribute("qname"u8, "s:Envelope");
            w.End("s:SupportedEnvelope"u8);
            w.End("s:Upgrade"u8);
        }
        ResponseEnvelope.WriteBodyStart(w);
        w.Start("s:Fault"u8);
        w.Start("s:Code"u8);
        w.Element("s:Value"u8, fault.Code switch
        {
            FaultCode.Sender => "s:Sender",
            FaultCode.Receiver => "s:Receiver",
            FaultCode.MustUnderstand => "s:MustUnderstand",
            _ => "s:VersionMismatch",
        });
        if (fault.Subcode is not null)
        {
            w.Start("s:Subcode"u8);
            // The envelope declares every prefix replies use but wxf and wse, which only these faults do.
            if (fault.Subcode.StartsWith("wxf:", StringComparison.Ordinal)) w.Attribute("xmlns:wxf"u8, XmlNs.Transfer);
            if (fault.Subcode.StartsWith("wse:", StringComparison.Ordinal)) w.Attribute("xmlns:wse"u8, XmlNs.Eventing);
            w.Element("s:Value"u8, fault.Subcode);
            w.End("s:Subcode"u8);
        }
        w.End("s:Code"u8);
        w.Start("s:Reason"u8);
        w.Start("s:Text"u8);
        w.Attribute("xml:lang"u8, lang ?? "en-US");
        w.Text(fault.Reason);
        w.End("s:Text"u8);
        w.End("s:Reason"u8);
        if (fault.DetailUri is not null || fault.WindowsCode is not null)
        {
            w.Start("s:Detail"u8);
            if (fault.DetailUri is not null) w.Element("wsman:FaultDetail"u8, fault.DetailUri);
            if (fault.WindowsCode is { } code)
            {
                w.Start("f:WSManFault"u8);
                w.Attribute("xmlns:f"u8, XmlNs.MsWsManFault);
                w.Attribute("Code"u8, code.ToString(CultureInfo.InvariantCulture));
                w.Attribute("Machine"u8, Environment.MachineName);
                w.Element("f:Message"u8, fault.Reason);
                w.End("f:WSManFault"u8);
            }
            w.End("s:Detail"u8);
        }
        w.End("s:Fault"u8);
        ResponseEnvelope.WriteEnd(w);
    }
}
