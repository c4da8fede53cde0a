namespace WsManSvp.Hypervisor;

/// <summary>Which transitions libvirt allows from which state, and where they lead.</summary>
internal static class StateMachine
{
    public static SystemState? Next(SystemState from, StateTransition transition) => (transition, from) switch
    {
        (StateTransition.Start, SystemState.Off or SystemState.Saved or SystemState.Crashed) => SystemState.Running,
        (StateTransition.PowerOff, SystemState.Running or SystemState.Paused or SystemState.ShuttingDown or SystemState.Starting) => SystemState.Off,
        (StateTransition.Shutdown, SystemState.Running) => SystemState.Off,
        (StateTransition.Pause, SystemState.Running) => SystemState.Paused,
        (StateTransition.Resume, SystemState.Paused) => SystemState.Running,
        (StateTransition.Save, SystemState.Running or SystemState.Paused) => SystemState.Saved,
        (StateTransition.Reboot or StateTransition.Reset, SystemState.Running) => SystemState.Running,
        _ => null,
    };

    /// <summary>
    /// The system after moving to <paramref name="next"/>: a start from off or crashed runs the definition as
    /// it is then; an instance keeps what it runs with while it runs, pauses or is saved (a saved system
    /// resumes with it); off and crashed systems run nothing.
    /// </summary>
    public static VirtualSystem Moved(VirtualSystem system, SystemState next, DateTimeOffset now) => system with
    {
        State = next,
        TimeOfLastStateChange = now,
        ActiveDefinition = next is SystemState.Off or SystemState.Crashed ? null : system.ActiveDefinition ?? system.Definition,
    };
}
