using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Providers;

/// <summary>
/// CIM_EnabledLogicalElement.RequestStateChange for computer systems: a virtual system moves through the
/// hypervisor's state operations; the host's own state is not managed here.
/// </summary>
internal sealed class RequestStateChange(IHypervisor hypervisor)
{
    // Return codes from the method's ValueMap in the CIM schema.
    public const uint Completed = 0;
    public const uint NotSupported = 1;
    public const uint Failed = 4;
    public const uint InvalidParameter = 5;
    public const uint InvalidStateTransition = 4097;
    public const uint TimeoutNotSupported = 4098;

    public async ValueTask<CimMethodResult> InvokeAsync(CimObjectPath target, IReadOnlyDictionary<string, CimValue> arguments, CimCallContext context)
    {
        if (target.StringKey("Name") is not { } name || !InstanceIds.TryParseSystemName(name, out var id))
            return Result(NotSupported); // the host system
        if (!arguments.TryGetValue("RequestedState", out var requestedValue) || requestedValue.IsNull)
            return Result(InvalidParameter);
        if (arguments.TryGetValue("TimeoutPeriod", out var timeout) && !timeout.IsNull &&
            !(timeout.AsDateTime() is { IsInterval: true, IntervalMicroseconds: 0 }))
            return Result(TimeoutNotSupported);

        var requested = (ushort)requestedValue.AsInt128();
        var system = await HypervisorCalls.Call(() => hypervisor.GetSystemAsync(id, context.CancellationToken)).ConfigureAwait(false)
            ?? throw new CimException(CimStatus.NotFound, $"Virtual system {id} no longer exists.");
        if (EnabledStates.TransitionFor(system.State, requested) is not { } transition)
            return Result(IsKnownRequest(requested) ? InvalidStateTransition : InvalidParameter);
        try
        {
            await hypervisor.ChangeStateAsync(id, transition, context.CancellationToken).ConfigureAwait(false);
            return Result(Completed);
        }
        catch (HypervisorException e) when (e.Error == HypervisorError.InvalidState)
        {
            return Result(InvalidStateTransition); // the state moved under us
        }
        catch (HypervisorException e)
        {
            throw e.ToCim();
        }
    }

    private static bool IsKnownRequest(ushort requested) => requested is
        EnabledStates.Enabled or EnabledStates.Disabled or EnabledStates.ShutDown or EnabledStates.EnabledButOffline or
        EnabledStates.Quiesce or EnabledStates.Reboot or EnabledStates.Reset;

    private static CimMethodResult Result(uint code) => CimMethodResult.Of(CimValue.UInt32(code));
}
