using WsManSvp.Hypervisor;

namespace EventLatency;

/// <summary>
/// The backend events: a seeded running system paused and resumed in turn, directly through the hypervisor (the
/// simulator raises the event inside the call), each giving one CIM_InstModification of its CIM_ComputerSystem.
/// </summary>
internal sealed class SystemToggle(IHypervisor hypervisor, Guid system)
{
    // CIM_EnabledLogicalElement.EnabledState of a paused system (Quiesce) and a running one (Enabled).
    private const int Quiesce = 9, Enabled = 2;

    private bool _paused;

    public static async Task<SystemToggle> OfRunningSystemAsync(IHypervisor hypervisor)
    {
        await foreach (var s in hypervisor.ListSystemsAsync(CancellationToken.None))
            if (s.State == SystemState.Running) return new SystemToggle(hypervisor, s.Id);
        throw new BenchException("The simulator has no running system");
    }

    /// <summary>Pauses or resumes the system; the change its event must report.</summary>
    public async Task<SystemChange> ChangeAsync()
    {
        await hypervisor.ChangeStateAsync(system, _paused ? StateTransition.Resume : StateTransition.Pause, CancellationToken.None);
        _paused = !_paused;
        return new SystemChange(system.ToString("D"), _paused ? Quiesce : Enabled);
    }
}
