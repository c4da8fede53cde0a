using WsManSvp.Hypervisor.Simulator;

namespace WsManSvp.Hypervisor.Tests;

public sealed class ActiveDefinitionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_system_runs_its_definition_from_its_start_through_pause_and_save_until_it_stops()
    {
        await using var hv = Systems.Simulator();
        var defined = await hv.DefineSystemAsync(Systems.Definition("life"), None);
        Assert.Null(defined.ActiveDefinition);

        var running = await hv.ChangeStateAsync(defined.Id, StateTransition.Start, None);
        Assert.Same(defined.Definition, running.ActiveDefinition);
        Assert.Same(defined.Definition, (await hv.ChangeStateAsync(defined.Id, StateTransition.Pause, None)).ActiveDefinition);
        Assert.Same(defined.Definition, (await hv.ChangeStateAsync(defined.Id, StateTransition.Save, None)).ActiveDefinition);
        Assert.Same(defined.Definition, (await hv.ChangeStateAsync(defined.Id, StateTransition.Start, None)).ActiveDefinition);
        Assert.Null((await hv.ChangeStateAsync(defined.Id, StateTransition.Shutdown, None)).ActiveDefinition);
    }

    [Fact]
    public async Task The_seeded_systems_that_run_pause_or_are_saved_run_their_definitions()
    {
        await using var hv = new SimulatedHypervisor(SimulatorSeed.DefaultHost("seedhost"));
        await SimulatorSeed.SeedAsync(hv, 0, None);

        foreach (var system in await Systems.ListAsync(hv))
        {
            if (system.State == SystemState.Off) Assert.Null(system.ActiveDefinition);
            else Assert.Same(system.Definition, system.ActiveDefinition);
        }
    }
}
