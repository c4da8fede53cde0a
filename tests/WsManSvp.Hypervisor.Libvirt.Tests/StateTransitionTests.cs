using static WsManSvp.Hypervisor.Testing.StateTransitionTable;

namespace WsManSvp.Hypervisor.Libvirt.Tests;

public sealed class StateTransitionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(ValidCases), MemberType = typeof(StateTransitionTable))]
    public async Task A_valid_transition_changes_the_state_and_the_time_of_change_and_is_announced(SystemState from, StateTransition transition)
    {
        await using var host = await TestHost.OpenAsync();
        var before = await host.InStateAsync(from);
        await Task.Delay(20);
        await using var watcher = new EventWatcher(host.Hypervisor);

        var after = await host.Hypervisor.ChangeStateAsync(before.Id, transition, None);

        Assert.Equal(Allowed[(from, transition)], after.State);
        Assert.True(after.TimeOfLastStateChange > before.TimeOfLastStateChange);
        Assert.Equal(Systems.Content(before.Definition), Systems.Content(after.Definition));
        Assert.Equal(Systems.Content(after), Systems.Content(await host.Hypervisor.GetSystemAsync(before.Id, None)));
        var e = await watcher.NextAsync();
        Assert.Equal(HypervisorEventKind.StateChanged, e.Kind);
        Assert.Equal(before.Id, e.SystemId);
        Assert.Equal(Systems.Content(before), Systems.Content(e.Previous));
        Assert.Equal(Systems.Content(after), Systems.Content(e.Current));
        Assert.Equal(after.TimeOfLastStateChange, e.Time);
        Assert.True(await watcher.QuietAsync());
    }

    [Theory]
    [MemberData(nameof(InvalidCases), MemberType = typeof(StateTransitionTable))]
    public async Task An_invalid_transition_is_refused_with_InvalidState_before_libvirt_is_asked(SystemState from, StateTransition transition)
    {
        await using var host = await TestHost.OpenAsync();
        var before = await host.InStateAsync(from);
        await using var watcher = new EventWatcher(host.Hypervisor);

        var e = await Assert.ThrowsAsync<HypervisorException>(() => host.Hypervisor.ChangeStateAsync(before.Id, transition, None).AsTask());

        Assert.Equal(HypervisorError.InvalidState, e.Error);
        Assert.Equal($"Cannot {transition} system '{before.Definition.Name}': it is {from}.", e.Message);
        Assert.Equal(Systems.Content(before), Systems.Content(await host.Hypervisor.GetSystemAsync(before.Id, None)));
        Assert.True(await watcher.QuietAsync());
    }

    [Fact]
    public async Task A_transition_of_an_unknown_system_is_NotFound()
    {
        await using var host = await TestHost.OpenAsync();
        var id = Guid.NewGuid();

        var e = await Assert.ThrowsAsync<HypervisorException>(() => host.Hypervisor.ChangeStateAsync(id, StateTransition.Start, None).AsTask());

        Assert.Equal(HypervisorError.NotFound, e.Error);
        Assert.Contains(id.ToString(), e.Message);
    }

    [Fact]
    public async Task A_saved_system_resumes_with_what_it_ran()
    {
        await using var host = await TestHost.OpenAsync();
        var saved = await host.InStateAsync(SystemState.Saved);

        Assert.NotNull(saved.ActiveDefinition);
        var started = await host.Hypervisor.ChangeStateAsync(saved.Id, StateTransition.Start, None);

        Assert.Equal(SystemState.Running, started.State);
        Assert.Equal(Systems.Content(saved.ActiveDefinition), Systems.Content(started.ActiveDefinition));
    }
}
