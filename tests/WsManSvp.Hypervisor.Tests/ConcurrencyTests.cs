namespace WsManSvp.Hypervisor.Tests;

public sealed class ConcurrencyTests
{
    private const int Tasks = 8;
    private const int Rounds = 50;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Parallel_defines_and_undefines_lose_and_duplicate_nothing()
    {
        await using var hv = Systems.Simulator();
        await using var watcher = new EventWatcher(hv);

        // Each task defines 50 systems and undefines every other one.
        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < Rounds; i++)
            {
                var vm = await hv.DefineSystemAsync(Systems.Definition($"t{t}-{i}"), None);
                if (i % 2 == 1) await hv.UndefineSystemAsync(vm.Id, None);
            }
        })));

        var systems = await Systems.ListAsync(hv);
        Assert.Equal(Tasks * Rounds / 2, systems.Count);
        Assert.Equal(systems.Count, hv.Count);
        var expectedNames = Enumerable.Range(0, Tasks).SelectMany(t => Enumerable.Range(0, Rounds).Where(i => i % 2 == 0).Select(i => $"t{t}-{i}"));
        Assert.Equal(expectedNames.Order(StringComparer.Ordinal), systems.Select(s => s.Definition.Name).Order(StringComparer.Ordinal));
        Assert.Equal(systems.Count, systems.Select(s => s.Id).Distinct().Count());

        var events = await watcher.NextAsync(Tasks * Rounds * 3 / 2);
        Assert.Equal(Tasks * Rounds, events.Count(e => e.Kind == HypervisorEventKind.Defined));
        Assert.Equal(Tasks * Rounds / 2, events.Count(e => e.Kind == HypervisorEventKind.Undefined));
        // Every undefine follows the define of the same system.
        var definedAt = events.Select((e, i) => (e, i)).Where(x => x.e.Kind == HypervisorEventKind.Defined).ToDictionary(x => x.e.SystemId, x => x.i);
        Assert.All(events.Select((e, i) => (e, i)).Where(x => x.e.Kind == HypervisorEventKind.Undefined),
            x => Assert.True(definedAt[x.e.SystemId] < x.i));
    }

    [Fact]
    public async Task Parallel_transitions_of_one_system_are_serialized_and_each_success_is_one_consistent_event()
    {
        await using var hv = Systems.Simulator();
        var vm = await Systems.InStateAsync(hv, SystemState.Off);
        await using var watcher = new EventWatcher(hv);
        var successes = 0;

        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            var transition = t % 2 == 0 ? StateTransition.Start : StateTransition.PowerOff;
            for (var i = 0; i < Rounds; i++)
            {
                try
                {
                    await hv.ChangeStateAsync(vm.Id, transition, None);
                    Interlocked.Increment(ref successes);
                }
                catch (HypervisorException e) when (e.Error == HypervisorError.InvalidState)
                {
                    // lost the race: the system was already in the other state
                }
            }
        })));

        Assert.True(successes > 0);
        var events = await watcher.NextAsync(successes);
        var state = SystemState.Off;
        foreach (var e in events)
        {
            Assert.Equal(HypervisorEventKind.StateChanged, e.Kind);
            Assert.Equal(state, e.Previous!.State);
            Assert.NotEqual(state, e.Current!.State);
            state = e.Current.State;
        }
        Assert.Equal(state, (await hv.GetSystemAsync(vm.Id, None))!.State);
        // No event beyond the successes: the next one is the marker.
        var marker = await hv.DefineSystemAsync(Systems.Definition("marker"), None);
        Assert.Equal(marker.Id, (await watcher.NextAsync()).SystemId);
    }

    [Fact]
    public async Task Parallel_defines_of_the_same_name_let_exactly_one_through()
    {
        await using var hv = Systems.Simulator();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Tasks * 4).Select(_ => Task.Run(async () =>
        {
            try
            {
                await hv.DefineSystemAsync(Systems.Definition("contested"), None);
                return true;
            }
            catch (HypervisorException e) when (e.Error == HypervisorError.AlreadyExists)
            {
                return false;
            }
        })));

        Assert.Single(outcomes, won => won);
        Assert.Equal(1, hv.Count);
    }
}
