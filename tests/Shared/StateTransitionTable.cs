namespace WsManSvp.Hypervisor.Testing;

/// <summary>
/// The state machine both backends follow: libvirt's domain operations from the states a system reaches
/// through them (off, running, paused, saved); every other pair is refused.
/// </summary>
public static class StateTransitionTable
{
    public static readonly IReadOnlyDictionary<(SystemState, StateTransition), SystemState> Allowed = new Dictionary<(SystemState, StateTransition), SystemState>
    {
        [(SystemState.Off, StateTransition.Start)] = SystemState.Running,
        [(SystemState.Saved, StateTransition.Start)] = SystemState.Running,
        [(SystemState.Running, StateTransition.PowerOff)] = SystemState.Off,
        [(SystemState.Paused, StateTransition.PowerOff)] = SystemState.Off,
        [(SystemState.Running, StateTransition.Shutdown)] = SystemState.Off,
        [(SystemState.Running, StateTransition.Pause)] = SystemState.Paused,
        [(SystemState.Paused, StateTransition.Resume)] = SystemState.Running,
        [(SystemState.Running, StateTransition.Save)] = SystemState.Saved,
        [(SystemState.Paused, StateTransition.Save)] = SystemState.Saved,
        [(SystemState.Running, StateTransition.Reboot)] = SystemState.Running,
        [(SystemState.Running, StateTransition.Reset)] = SystemState.Running,
    };

    public static readonly SystemState[] Reachable = [SystemState.Off, SystemState.Running, SystemState.Paused, SystemState.Saved];

    public static TheoryData<SystemState, StateTransition> ValidCases()
    {
        var data = new TheoryData<SystemState, StateTransition>();
        foreach (var (from, transition) in Allowed.Keys) data.Add(from, transition);
        return data;
    }

    public static TheoryData<SystemState, StateTransition> InvalidCases()
    {
        var data = new TheoryData<SystemState, StateTransition>();
        foreach (var from in Reachable)
            foreach (var transition in Enum.GetValues<StateTransition>())
                if (!Allowed.ContainsKey((from, transition))) data.Add(from, transition);
        return data;
    }
}
