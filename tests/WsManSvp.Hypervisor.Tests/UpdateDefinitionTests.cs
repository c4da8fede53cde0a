namespace WsManSvp.Hypervisor.Tests;

public sealed class UpdateDefinitionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static SystemDefinition Bigger(VirtualSystem system) => system.Definition with
    {
        VirtualCpus = 4,
        MemoryMiB = 4096,
        Disks = [.. system.Definition.Disks, new VirtualDisk("vdb", "/images/extra.qcow2", 2L << 30)],
        Description = "grown",
    };

    [Fact]
    public async Task An_off_system_takes_the_new_definition_keeps_its_state_and_announces_ConfigurationChanged()
    {
        var time = new ManualTimeProvider();
        await using var hv = Systems.Simulator(time);
        var before = await Systems.InStateAsync(hv, SystemState.Off);
        time.Advance(TimeSpan.FromMinutes(1));
        await using var watcher = new EventWatcher(hv);

        var after = await hv.UpdateDefinitionAsync(before.Id, Bigger(before), None);

        Assert.Equal((4, 4096L, "grown"), (after.Definition.VirtualCpus, after.Definition.MemoryMiB, after.Definition.Description));
        Assert.Equal(["vda", "vdb"], after.Definition.Disks.Select(d => d.Device));
        Assert.Equal(before.Id, after.Definition.Uuid);
        Assert.Equal((SystemState.Off, before.TimeOfLastStateChange), (after.State, after.TimeOfLastStateChange));
        Assert.Null(after.ActiveDefinition);
        Assert.Equal(after, await hv.GetSystemAsync(before.Id, None));
        var e = await watcher.NextAsync();
        Assert.Equal(HypervisorEventKind.ConfigurationChanged, e.Kind);
        Assert.Equal((before.Id, before, after), (e.SystemId, e.Previous, e.Current));
        Assert.Equal(time.GetUtcNow(), e.Time);
    }

    [Fact]
    public async Task A_running_system_keeps_running_its_old_definition_until_it_starts_again_from_off()
    {
        await using var hv = Systems.Simulator();
        var running = await Systems.InStateAsync(hv, SystemState.Running);
        var original = running.Definition;

        var updated = await hv.UpdateDefinitionAsync(running.Id, Bigger(running), None);

        Assert.Equal(SystemState.Running, updated.State);
        Assert.Equal(4, updated.Definition.VirtualCpus);
        Assert.Same(original, updated.ActiveDefinition);
        Assert.Equal(1, await ReservedProcessorsAsync(hv));
        foreach (var transition in new[] { StateTransition.Pause, StateTransition.Resume, StateTransition.Reboot, StateTransition.Reset })
            Assert.Same(original, (await hv.ChangeStateAsync(running.Id, transition, None)).ActiveDefinition);

        Assert.Null((await hv.ChangeStateAsync(running.Id, StateTransition.PowerOff, None)).ActiveDefinition);
        var restarted = await hv.ChangeStateAsync(running.Id, StateTransition.Start, None);

        Assert.Same(restarted.Definition, restarted.ActiveDefinition);
        Assert.Equal(4, restarted.ActiveDefinition!.VirtualCpus);
        Assert.Equal(4, await ReservedProcessorsAsync(hv));
    }

    [Fact]
    public async Task A_saved_system_resumes_with_what_it_ran_not_with_its_edited_definition()
    {
        await using var hv = Systems.Simulator();
        var saved = await Systems.InStateAsync(hv, SystemState.Saved);
        var original = saved.ActiveDefinition;
        Assert.NotNull(original);

        await hv.UpdateDefinitionAsync(saved.Id, Bigger(saved), None);
        var resumed = await hv.ChangeStateAsync(saved.Id, StateTransition.Start, None);

        Assert.Equal(SystemState.Running, resumed.State);
        Assert.Same(original, resumed.ActiveDefinition);
        Assert.Equal(4, resumed.Definition.VirtualCpus);
    }

    [Fact]
    public async Task A_definition_without_a_uuid_keeps_the_systems_and_one_with_the_same_uuid_is_accepted()
    {
        await using var hv = Systems.Simulator();
        var vm = await Systems.InStateAsync(hv, SystemState.Off);

        var withoutUuid = await hv.UpdateDefinitionAsync(vm.Id, vm.Definition with { Uuid = null, VirtualCpus = 2 }, None);
        var withSameUuid = await hv.UpdateDefinitionAsync(vm.Id, vm.Definition with { VirtualCpus = 3 }, None);

        Assert.Equal((vm.Id, 2), (withoutUuid.Definition.Uuid!.Value, withoutUuid.Definition.VirtualCpus));
        Assert.Equal((vm.Id, 3), (withSameUuid.Definition.Uuid!.Value, withSameUuid.Definition.VirtualCpus));
        Assert.Equal(1, hv.Count);
    }

    public static TheoryData<string, string> Refusals => new()
    {
        { "rename", "renamed" },
        { "uuid", "UUID" },
        { "no name", "name" },
        { "no cpu", "virtual CPU" },
        { "no memory", "memory" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_rename_a_new_uuid_or_an_invalid_definition_is_refused_with_InvalidArgument_and_changes_nothing(string change, string mentioned)
    {
        await using var hv = Systems.Simulator();
        var vm = await Systems.InStateAsync(hv, SystemState.Running);
        var marker = await Systems.InStateAsync(hv, SystemState.Off, "marker");
        await using var watcher = new EventWatcher(hv);
        var definition = change switch
        {
            "rename" => vm.Definition with { Name = "other" },
            "uuid" => vm.Definition with { Uuid = Guid.NewGuid() },
            "no name" => vm.Definition with { Name = " " },
            "no cpu" => vm.Definition with { VirtualCpus = 0 },
            _ => vm.Definition with { MemoryMiB = 0 },
        };

        var e = await Assert.ThrowsAsync<HypervisorException>(() => hv.UpdateDefinitionAsync(vm.Id, definition, None).AsTask());

        Assert.Equal(HypervisorError.InvalidArgument, e.Error);
        Assert.Contains(mentioned, e.Message);
        Assert.Equal(vm, await hv.GetSystemAsync(vm.Id, None));
        await hv.ChangeStateAsync(marker.Id, StateTransition.Start, None);
        Assert.Equal(marker.Id, (await watcher.NextAsync()).SystemId);
    }

    [Fact]
    public async Task Updating_an_unknown_system_is_NotFound()
    {
        await using var hv = Systems.Simulator();
        var id = Guid.NewGuid();

        var e = await Assert.ThrowsAsync<HypervisorException>(() => hv.UpdateDefinitionAsync(id, Systems.Definition("x"), None).AsTask());

        Assert.Equal(HypervisorError.NotFound, e.Error);
        Assert.Contains(id.ToString(), e.Message);
    }

    private static async Task<long> ReservedProcessorsAsync(IHypervisor hv) =>
        (await hv.ListPoolsAsync(None)).Single(p => p.Kind == ResourceKind.Processor).Reserved;
}
