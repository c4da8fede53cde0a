using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization;

/// <summary>
/// CIM_EnabledLogicalElement state values (DSP1057 with Hyper-V and libvirt-cim as references) and how
/// hypervisor states and RequestStateChange requests map onto them.
/// </summary>
public static class EnabledStates
{
    public const ushort Enabled = 2;
    public const ushort Disabled = 3;
    public const ushort ShutDown = 4;
    public const ushort EnabledButOffline = 6;
    public const ushort Quiesce = 9;
    public const ushort Reboot = 10;
    public const ushort Reset = 11;
    public const ushort Starting = 10;
    public const ushort NotApplicable = 12;

    public const ushort OperationalOk = 2;
    public const ushort OperationalError = 6;
    public const ushort HealthOk = 5;
    public const ushort HealthCriticalFailure = 25;

    public static ushort EnabledState(SystemState state) => state switch
    {
        SystemState.Running => Enabled,
        SystemState.Off or SystemState.Crashed => Disabled,
        SystemState.ShuttingDown => ShutDown,
        SystemState.Saved => EnabledButOffline,
        SystemState.Paused => Quiesce,
        SystemState.Starting => Starting,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>The RequestedState values RequestStateChange accepts from this state.</summary>
    public static ushort[] AvailableRequestedStates(SystemState state) => state switch
    {
        SystemState.Running => [Disabled, ShutDown, EnabledButOffline, Quiesce, Reboot, Reset],
        SystemState.Off or SystemState.Crashed => [Enabled],
        SystemState.Paused => [Enabled, Disabled, EnabledButOffline],
        SystemState.Saved => [Enabled],
        SystemState.ShuttingDown or SystemState.Starting => [Disabled],
        _ => [],
    };

    /// <summary>The hypervisor operation that moves a system in <paramref name="state"/> to <paramref name="requested"/>, or null when none does.</summary>
    public static StateTransition? TransitionFor(SystemState state, ushort requested) => (requested, state) switch
    {
        (Enabled, SystemState.Off or SystemState.Saved or SystemState.Crashed) => StateTransition.Start,
        (Enabled, SystemState.Paused) => StateTransition.Resume,
        (Disabled, SystemState.Running or SystemState.Paused or SystemState.ShuttingDown or SystemState.Starting) => StateTransition.PowerOff,
        (ShutDown, SystemState.Running) => StateTransition.Shutdown,
        (EnabledButOffline, SystemState.Running or SystemState.Paused) => StateTransition.Save,
        (Quiesce, SystemState.Running) => StateTransition.Pause,
        (Reboot, SystemState.Running) => StateTransition.Reboot,
        (Reset, SystemState.Running) => StateTransition.Reset,
        _ => null,
    };
}
