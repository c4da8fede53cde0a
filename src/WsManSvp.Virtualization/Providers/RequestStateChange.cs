using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Jobs;
using WsManSvp.Virtualization.Management;
using WsManSvp.Virtualization.Model;
using static WsManSvp.Virtualization.Model.ModelElement;

namespace WsManSvp.Virtualization.Providers;

/// <summary>
/// CIM_EnabledLogicalElement.RequestStateChange for virtual systems (DSP1057): the request is checked at
/// once (an invalid transition fails with 4097 and changes nothing), then runs as a job (4096). One change
/// at a time per system: while one runs, RequestedState says where the system is going and another
/// request gets 4099 (Busy). The host's own state is not managed here.
/// </summary>
internal sealed class RequestStateChange(ModelSource source)
{
    // Return codes from the method's ValueMap in the CIM schema.
    public const uint NotSupported = 1;
    public const uint InvalidParameter = 5;
    public const uint InvalidStateTransition = 4097;
    public const uint TimeoutNotSupported = 4098;
    public const uint Busy = 4099;

    public async ValueTask<CimMethodResult> InvokeAsync(CimObjectPath target, IReadOnlyDictionary<string, CimValue> arguments, CimCallContext context)
    {
        if (target.StringKey("Name") is not { } name || !InstanceIds.TryParseSystemName(name, out var id))
            return MethodResults.Code(NotSupported); // the host system
        if (!arguments.TryGetValue("RequestedState", out var requestedValue) || requestedValue.IsNull)
            return MethodResults.Code(InvalidParameter);
        if (arguments.TryGetValue("TimeoutPeriod", out var timeout) && !timeout.IsNull &&
            !(timeout.AsDateTime() is { IsInterval: true, IntervalMicroseconds: 0 }))
            return MethodResults.Code(TimeoutNotSupported);

        var requested = (ushort)requestedValue.AsInt128();
        var system = await source.SystemAsync(id, context).ConfigureAwait(false)
            ?? throw new CimException(CimStatus.NotFound, $"Virtual system {id} no longer exists.");
        // A system in transition is busy whatever is asked: the state it is leaving cannot judge the request.
        if (source.PendingStateChanges.RequestedStateOf(id) is not null) return MethodResults.Code(Busy);
        if (EnabledStates.TransitionFor(system.State, requested) is not { } transition)
            return MethodResults.Code(IsKnownRequest(requested) ? InvalidStateTransition : InvalidParameter);
        if (!source.PendingStateChanges.TryBegin(id, requested)) return MethodResults.Code(Busy);
        try
        {
            var hypervisor = source.Hypervisor;
            var job = await source.Jobs.StartAsync(
                new JobStart("RequestStateChange", $"{Verb(transition, system.State)} {system.Definition.Name}", new VirtualComputerSystem(id),
                    context.UserName, [new JobEffect(new VirtualComputerSystem(id), JobEffect.Unknown)]),
                async job =>
                {
                    try
                    {
                        await hypervisor.ChangeStateAsync(id, transition, job.CancellationToken).ConfigureAwait(false);
                    }
                    catch (HypervisorException e) when (e.Error == HypervisorError.InvalidState)
                    {
                        throw new JobFailedException(new JobError((ushort)InvalidStateTransition, e.Message, (uint)CimStatus.Failed, JobErrorKind.Failed));
                    }
                    finally
                    {
                        source.PendingStateChanges.End(id);
                    }
                }).ConfigureAwait(false);
            return MethodResults.JobStarted(job, await source.PathsAsync(context).ConfigureAwait(false));
        }
        catch
        {
            source.PendingStateChanges.End(id);
            throw;
        }
    }

    private static bool IsKnownRequest(ushort requested) => requested is
        EnabledStates.Enabled or EnabledStates.Disabled or EnabledStates.ShutDown or EnabledStates.EnabledButOffline or
        EnabledStates.Quiesce or EnabledStates.Reboot or EnabledStates.Reset;

    private static string Verb(StateTransition transition, SystemState from) => transition switch
    {
        StateTransition.Start when from == SystemState.Saved => "Restore",
        StateTransition.Start => "Start",
        StateTransition.PowerOff => "Power off",
        StateTransition.Shutdown => "Shut down",
        StateTransition.Pause => "Pause",
        StateTransition.Resume => "Resume",
        StateTransition.Save => "Save",
        StateTransition.Reboot => "Reboot",
        _ => "Reset",
    };
}
