namespace WsManSvp.WsMan.Faults;

/// <summary>The SOAP 1.2 fault code (s:Code/s:Value).</summary>
public enum FaultCode { Sender, Receiver, MustUnderstand, VersionMismatch }

/// <summary>
/// One SOAP fault as DSP0226 clause 14 shapes it: code, subcode (a prefixed QName whose prefix the
/// envelope declares), reason, the wsman:FaultDetail URI, the fault's wsa:Action, and the Windows
/// error number Windows clients read from wsmanfault:WSManFault when one is known.
/// </summary>
public sealed record WsManFault(
    FaultCode Code,
    string? Subcode,
    string Reason,
    string? Detail,
    string Action,
    uint? WindowsCode = null)
{
    public const string DetailPrefix = "http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/";

    /// <summary>For MustUnderstand faults: the header not understood, as (namespace, local name).</summary>
    public (string Namespace, string LocalName)? NotUnderstood { get; init; }

    /// <summary>HTTP status: 500 for every SOAP fault (what pywinrm and Windows expect), 400 for unparsable requests.</summary>
    public int HttpStatus { get; init; } = 500;

    public string? DetailUri => Detail is null ? null : DetailPrefix + Detail;

    public WsManFaultException ToException() => new(this);
}

public sealed class WsManFaultException(WsManFault fault) : Exception(fault.Reason)
{
    public WsManFault Fault { get; } = fault;
}
