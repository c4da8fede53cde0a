using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Tests;

public sealed class EnabledStatesTests
{
    private static readonly ushort[] KnownRequests = [2, 3, 4, 6, 9, 10, 11];

    public static TheoryData<SystemState> AllStates() => new(Enum.GetValues<SystemState>());

    [Theory]
    [MemberData(nameof(AllStates))]
    public void The_advertised_requests_are_exactly_those_with_a_transition(SystemState state)
    {
        var advertised = EnabledStates.AvailableRequestedStates(state);

        Assert.Equal(advertised.Order(), KnownRequests.Where(r => EnabledStates.TransitionFor(state, r) is not null));
    }

    [Theory]
    [MemberData(nameof(AllStates))]
    public void Every_state_has_an_EnabledState_from_the_CIM_value_map(SystemState state)
    {
        Assert.Contains(EnabledStates.EnabledState(state), new ushort[] { 2, 3, 4, 6, 9, 10 });
    }

    [Theory]
    [InlineData(SystemState.Off, 2, StateTransition.Start)]
    [InlineData(SystemState.Saved, 2, StateTransition.Start)]
    [InlineData(SystemState.Crashed, 2, StateTransition.Start)]
    [InlineData(SystemState.Paused, 2, StateTransition.Resume)]
    [InlineData(SystemState.Running, 3, StateTransition.PowerOff)]
    [InlineData(SystemState.Running, 4, StateTransition.Shutdown)]
    [InlineData(SystemState.Running, 6, StateTransition.Save)]
    [InlineData(SystemState.Paused, 6, StateTransition.Save)]
    [InlineData(SystemState.Running, 9, StateTransition.Pause)]
    [InlineData(SystemState.Running, 10, StateTransition.Reboot)]
    [InlineData(SystemState.Running, 11, StateTransition.Reset)]
    public void Each_request_maps_onto_the_libvirt_operation(SystemState state, ushort requested, StateTransition expected)
    {
        Assert.Equal(expected, EnabledStates.TransitionFor(state, requested));
    }

    [Theory]
    [InlineData(SystemState.Off, 9)] // pause a defined system
    [InlineData(SystemState.Paused, 9)] // pause twice
    [InlineData(SystemState.Off, 6)] // suspend a defined system
    [InlineData(SystemState.Running, 2)]
    [InlineData(SystemState.Off, 3)]
    [InlineData(SystemState.Running, 5)]
    public void Requests_that_make_no_sense_from_a_state_have_no_transition(SystemState state, ushort requested)
    {
        Assert.Null(EnabledStates.TransitionFor(state, requested));
    }
}
