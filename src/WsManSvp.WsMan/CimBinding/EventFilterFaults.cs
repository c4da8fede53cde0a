using WsManSvp.WsMan.Faults;

namespace WsManSvp.WsMan.CimBinding;

/// <summary>The faults of a subscription's filter (DSP0226 10.2.2: wsman:CannotProcessFilter for eventing, not wsen's).</summary>
internal static class EventFilterFaults
{
    public static WsManFaultException CannotProcessFilter(string reason) =>
        new WsManFault(FaultCode.Sender, "wsman:CannotProcessFilter", reason, null, Actions.WsManFault, 2150858778).ToException();
}
