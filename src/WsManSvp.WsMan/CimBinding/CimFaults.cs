using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Faults;

namespace WsManSvp.WsMan.CimBinding;

/// <summary>How CIM errors become WS-Man faults (DSP0227 clause 9, Table of CIM status mappings).</summary>
public static class CimFaults
{
    public static WsManFaultException ToFault(this CimException e) => (e.Status switch
    {
        _ when e.Unavailable => Fault.EndpointUnavailable(e.Message),
        CimStatus.NotFound => Fault.DestinationUnreachable(e.Message),
        CimStatus.InvalidNamespace => Fault.DestinationUnreachable(e.Message),
        CimStatus.InvalidClass => Fault.DestinationUnreachable(e.Message, "InvalidResourceURI"),
        CimStatus.InvalidParameter => Fault.InvalidParameter("InvalidValue", e.Message),
        CimStatus.TypeMismatch => Fault.InvalidParameter("TypeMismatch", e.Message),
        CimStatus.NoSuchProperty => Fault.SchemaValidationError(e.Message),
        CimStatus.NotSupported or CimStatus.MethodNotAvailable or CimStatus.MethodNotFound => Fault.ActionRefused(e.Message),
        CimStatus.AlreadyExists => Fault.AlreadyExists(e.Message),
        CimStatus.AccessDenied => Fault.AccessDenied(e.Message),
        CimStatus.QueryLanguageNotSupported => Fault.FilterDialectRequestedUnavailable(e.Message),
        CimStatus.InvalidQuery => Fault.CannotProcessFilter(e.Message),
        CimStatus.ServerLimitsExceeded => Fault.QuotaLimit(e.Message),
        CimStatus.ServerIsShuttingDown => Fault.EndpointUnavailable(e.Message),
        _ => Fault.InternalError(e.Message),
    }).ToException();

    public static WsManFaultException ToFault(this CimSelectorException e) =>
        Fault.InvalidSelectors(e.Problem.ToString(), e.Message).ToException();

    public static WsManFaultException ToFault(this CimXmlException e) =>
        Fault.InvalidParameter(e.IsUnknownName ? "InvalidName" : "TypeMismatch", e.Message).ToException();

    /// <summary>Runs a CIM-layer call, translating its errors into faults.</summary>
    public static async ValueTask<T> Guard<T>(Func<ValueTask<T>> call)
    {
        try { return await call().ConfigureAwait(false); }
        catch (CimException e) { throw e.ToFault(); }
        catch (CimSelectorException e) { throw e.ToFault(); }
        catch (CimXmlException e) { throw e.ToFault(); }
    }
}
