using static WsManSvp.Hypervisor.Testing.StateTransitionTable;

namespace WsManSvp.Hypervisor.Tests;

public sealed class StateTransitionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public void Every_transition_from_every_reachable_state_is_covered()
    {
        Assert.Equal(Reachable.Length * Enum.GetValues<StateTransition>().Length, ValidCases().Count() + InvalidCases().Count());
    }

    [Theory]
    [MemberData(nameof(ValidCases), MemberType = typeof(StateTransitionTable))]
    public async Task A_valid_transition_changes_the_state_and_the_time_of_change_and_is_announced(SystemState from, StateTransition transition)
    {
        var time = new ManualTimeProvider();
        await using var hv = Systems.Simulator(time);
        var before = await Systems.InStateAsync(hv, from);
        time.Advance(TimeSpan.FromMinutes(5));
        await using var watcher = new EventWatcher(hv);

        var after = await hv.ChangeStateAsync(before.Id, transition, None);

        Assert.Equal(Allowed[(from, transition)], after.State);
        Assert.Equal(time.GetUtcNow(), after.TimeOfLastStateChange);
        Assert.NotEqual(before.TimeOfLastStateChange, after.TimeOfLastStateChange);
        Assert.Equal(before.Definition, after.Definition);
        Assert.Equal(after, await hv.GetSystemAsync(before.Id, None));
        var e = await watcher.NextAsync();
        Assert.Equal(HypervisorEventKind.StateChanged, e.Kind);
        Assert.Equal(before.Id, e.SystemId);
        Assert.Equal(before, e.Previous);
        Assert.Equal(after, e.Current);
        Assert.Equal(after.TimeOfLastStateChange, e.Time);
    }

    [Theory]
    [MemberData(nameof(InvalidCases), MemberType = typeof(StateTransitionTable))]
    public async Task An_invalid_transition_is_refused_with_InvalidState_and_changes_nothing(SystemState from, StateTransition transition)
    {
        var time = new ManualTimeProvider();
        await using var hv = Systems.Simulator(time);
        var before = await Systems.InStateAsync(hv, from);
        var marker = await Systems.InStateAsync(hv, SystemState.Off, "marker");
        time.Advance(TimeSpan.FromMinutes(5));
        await using var watcher = new EventWatcher(hv);

        var e = await Assert.ThrowsAsync<HypervisorException>(() => hv.ChangeStateAsync(before.Id, transition, None).AsTask());

        Assert.Equal(HypervisorError.InvalidState, e.Error);
        Assert.Contains(transition.ToString(), e.Message);
        Assert.Contains(from.ToString(), e.Message);
        Assert.Equal(before, await hv.GetSystemAsync(before.Id, None));
        // The refused transition published nothing: the next event is the marker's.
        await hv.ChangeStateAsync(marker.Id, StateTransition.Start, None);
        Assert.Equal(marker.Id, (await watcher.NextAsync()).SystemId);
    }

    [Fact]
    public async Task A_transition_of_an_unknown_system_is_NotFound()
    {
        await using var hv = Systems.Simulator();
        var id = Guid.NewGuid();

        var e = await Assert.ThrowsAsync<HypervisorException>(() => hv.ChangeStateAsync(id, StateTransition.Start, None).AsTask());

        Assert.Equal(HypervisorError.NotFound, e.Error);
        Assert.Contains(id.ToString(), e.Message);
    }

    [Fact]
    public async Task A_full_lifecycle_takes_a_system_through_every_reachable_state()
    {
        await using var hv = Systems.Simulator();
        var id = (await hv.DefineSystemAsync(Systems.Definition("life"), None)).Id;
        (StateTransition, SystemState)[] steps =
        [
            (StateTransition.Start, SystemState.Running), (StateTransition.Pause, SystemState.Paused),
            (StateTransition.Resume, SystemState.Running), (StateTransition.Save, SystemState.Saved),
            (StateTransition.Start, SystemState.Running), (StateTransition.Reboot, SystemState.Running),
            (StateTransition.Shutdown, SystemState.Off),
        ];

        foreach (var (transition, expected) in steps)
            Assert.Equal(expected, (await hv.ChangeStateAsync(id, transition, None)).State);
    }
}
