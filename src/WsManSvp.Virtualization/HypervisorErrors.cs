using WsManSvp.Cim.Providers;
using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization;

/// <summary>Maps hypervisor failures onto CIM errors.</summary>
public static class HypervisorErrors
{
    public static CimException ToCim(this HypervisorException e) => e.Error switch
    {
        HypervisorError.NotFound => new CimException(CimStatus.NotFound, e.Message, inner: e),
        HypervisorError.InvalidArgument => new CimException(CimStatus.InvalidParameter, e.Message, inner: e),
        HypervisorError.AlreadyExists => new CimException(CimStatus.AlreadyExists, e.Message, inner: e),
        HypervisorError.NotSupported => new CimException(CimStatus.NotSupported, e.Message, inner: e),
        HypervisorError.Unavailable => new CimException(CimStatus.Failed, e.Message, unavailable: true, inner: e),
        _ => new CimException(CimStatus.Failed, e.Message, inner: e),
    };
}
