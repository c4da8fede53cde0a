namespace WsManSvp.Hypervisor.Tests;

public sealed class UndefineSystemTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(SystemState.Off)]
    [InlineData(SystemState.Saved)]
    public async Task A_stopped_system_is_undefined_and_its_name_can_be_reused(SystemState state)
    {
        await using var hv = Systems.Simulator();
        var system = await Systems.InStateAsync(hv, state, "gone");

        await hv.UndefineSystemAsync(system.Id, None);

        Assert.Null(await hv.GetSystemAsync(system.Id, None));
        Assert.Equal(0, hv.Count);
        var again = await hv.DefineSystemAsync(Systems.Definition("gone"), None);
        Assert.NotEqual(system.Id, again.Id);
    }

    [Theory]
    [InlineData(SystemState.Running)]
    [InlineData(SystemState.Paused)]
    public async Task A_system_that_runs_is_not_undefined(SystemState state)
    {
        await using var hv = Systems.Simulator();
        var system = await Systems.InStateAsync(hv, state);

        var e = await Assert.ThrowsAsync<HypervisorException>(() => hv.UndefineSystemAsync(system.Id, None).AsTask());

        Assert.Equal(HypervisorError.InvalidState, e.Error);
        Assert.Contains(state.ToString(), e.Message);
        Assert.Equal(system, await hv.GetSystemAsync(system.Id, None));
    }

    [Fact]
    public async Task Undefining_an_unknown_system_is_NotFound()
    {
        await using var hv = Systems.Simulator();
        var id = Guid.NewGuid();

        var e = await Assert.ThrowsAsync<HypervisorException>(() => hv.UndefineSystemAsync(id, None).AsTask());

        Assert.Equal(HypervisorError.NotFound, e.Error);
        Assert.Contains(id.ToString(), e.Message);
    }

    [Fact]
    public async Task Undefining_twice_is_NotFound_the_second_time()
    {
        await using var hv = Systems.Simulator();
        var system = await Systems.InStateAsync(hv, SystemState.Off);
        await hv.UndefineSystemAsync(system.Id, None);

        var e = await Assert.ThrowsAsync<HypervisorException>(() => hv.UndefineSystemAsync(system.Id, None).AsTask());

        Assert.Equal(HypervisorError.NotFound, e.Error);
    }
}
