using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Hypervisor;
using WsManSvp.Hypervisor.Simulator;
using WsManSvp.Virtualization.Jobs;
using WsManSvp.Virtualization.Model;
using static WsManSvp.Virtualization.Tests.Inputs;

namespace WsManSvp.Virtualization.Tests.Snapshots;

/// <summary>ApplySnapshot (DSP1042 8.3.3, 9.4.9): a job that brings a system back to a snapshot (Table 19).</summary>
public sealed class ApplySnapshotTests
{
    private static readonly Guid Web01 = Model.SeededId("web01");

    private static Task<CimMethodResult> ApplyAsync(ServedModel model, CimObjectPath snapshot) =>
        model.SnapshotServiceAsync("ApplySnapshot", ("Snapshot", Reference(snapshot)));

    private static async Task<VirtualSystem> EditAsync(IHypervisor hypervisor, Guid id, Func<SystemDefinition, SystemDefinition> edit) =>
        await hypervisor.UpdateDefinitionAsync(id, edit((await hypervisor.GetSystemAsync(id, CancellationToken.None))!.Definition), CancellationToken.None);

    [Fact]
    public async Task A_full_snapshot_brings_back_the_definition_and_the_state_it_captured()
    {
        await using var model = await ServedModel.SeededAsync();
        var taken = await model.SystemAsync("web01");
        var snapshot = await ModelScenarios.SnapshotAsync(model, "web01", 2);
        await model.ChangeAsync("web01", StateTransition.PowerOff);
        await EditAsync(model.Hypervisor, Web01, d => d with { MemoryMiB = 4096 });

        var job = await model.CompletedJobAsync(await ApplyAsync(model, ServedModel.SnapshotPath(Web01, snapshot)));

        Assert.Equal(("ApplySnapshot", new ModelElement.SnapshotService() as ModelElement), (job.MethodName, job.OwningElement));
        Assert.Equal([new JobEffect(new ModelElement.VirtualComputerSystem(Web01), JobEffect.Unknown)], job.Affected);
        var applied = await model.SystemAsync("web01");
        Assert.Equal((SystemState.Running, taken.Definition, taken.Definition), (applied.State, applied.Definition, applied.ActiveDefinition));
        var tree = await model.SnapshotsAsync("web01");
        Assert.Equal((snapshot, snapshot), (tree.LastApplied, tree.Current));
        var vm = (await model.GetAsync(ServedModel.VirtualSystemPath("web01")))!;
        Assert.Equal((2L, 12L), (vm.Number("EnabledState"), vm.Number("RequestedState")));
        Assert.Equal(ServedModel.SnapshotPath(Web01, snapshot),
            Assert.Single(await model.AssociatorsAsync(ServedModel.VirtualSystemPath("web01"), "CIM_LastAppliedSnapshot")).GetPath());
    }

    [Fact]
    public async Task A_full_snapshot_of_a_paused_system_brings_it_back_paused()
    {
        await using var model = await ServedModel.SeededAsync();
        var snapshot = await ModelScenarios.SnapshotAsync(model, "build01", 2);
        await model.ChangeAsync("build01", StateTransition.Resume);

        await model.CompletedJobAsync(await ApplyAsync(model, ServedModel.SnapshotPath(Model.SeededId("build01"), snapshot)));

        Assert.Equal(SystemState.Paused, (await model.SystemAsync("build01")).State);
    }

    [Theory]
    [InlineData(StateTransition.Start, SystemState.Running)]
    [InlineData(null, SystemState.Off)]
    public async Task A_disk_snapshot_brings_back_the_definition_and_an_active_system_runs_it_freshly(StateTransition? after, SystemState expected)
    {
        await using var model = await ServedModel.SeededAsync();
        var db01 = Model.SeededId("db01");
        var taken = await model.SystemAsync("db01");
        var snapshot = await ModelScenarios.SnapshotAsync(model, "db01", 3);
        if (after is { } transition) await model.ChangeAsync("db01", transition);
        await EditAsync(model.Hypervisor, db01, d => d with { VirtualCpus = 1 });

        await model.CompletedJobAsync(await ApplyAsync(model, ServedModel.SnapshotPath(db01, snapshot)));

        var applied = await model.SystemAsync("db01");
        Assert.Equal((expected, taken.Definition), (applied.State, applied.Definition));
        Assert.Equal(expected == SystemState.Running ? taken.Definition : null, applied.ActiveDefinition);
    }

    public static TheoryData<string, CimObjectPath?> NotSnapshots => new()
    {
        { "a snapshot that does not exist", ServedModel.SnapshotPath(Web01, "1700000000") },
        { "a snapshot of no system", ServedModel.SnapshotPath(Guid.NewGuid(), "1700000000") },
        { "a Defined configuration", ServedModel.DefinedPath("web01") },
        { "a State configuration", ServedModel.StatePath("web01") },
        { "a resource allocation", ServedModel.SettingPath(Web01, "mem") },
        { "a virtual system", ServedModel.VirtualSystemPath("web01") },
        { "nothing", null },
    };

    [Theory]
    [MemberData(nameof(NotSnapshots))]
    public async Task A_reference_to_no_snapshot_returns_4_and_changes_nothing(string _, CimObjectPath? target)
    {
        await using var model = await ServedModel.SeededAsync();
        await ModelScenarios.SnapshotAsync(model, "web01", 2);
        var before = await model.AllSystemsAsync();
        var tree = await model.SnapshotsAsync("web01");
        var jobs = model.Jobs.Jobs.Count();

        var result = target is null ? await model.SnapshotServiceAsync("ApplySnapshot") : await ApplyAsync(model, target);

        Assert.Equal(4u, result.Code());
        Assert.Equal(jobs, model.Jobs.Jobs.Count());
        Assert.Equal(before, await model.AllSystemsAsync());
        Assert.Equal(tree, await model.SnapshotsAsync("web01"));
    }

    [Fact]
    public async Task While_the_system_changes_state_5_and_while_a_snapshot_is_applied_a_state_change_is_busy_and_a_kill_changes_nothing()
    {
        string snapshot = "";
        await using var model = await ServedModel.PreparedAsync(async hv =>
            snapshot = (await hv.CreateSnapshotAsync(Web01, SnapshotKind.Full, null, CancellationToken.None)).Name,
            new SimulatorOptions { OperationLatency = TimeSpan.FromMinutes(10) });
        var web01 = ServedModel.VirtualSystemPath("web01");
        var before = await model.SystemAsync("web01");
        var tree = await model.SnapshotsAsync("web01");

        var pausing = await model.InvokeAsync(web01, "RequestStateChange", ("RequestedState", U16(9)));
        var refused = await ApplyAsync(model, ServedModel.SnapshotPath(Web01, snapshot));
        Assert.Equal(5u, refused.Code());
        Assert.False(refused.OutParameters.ContainsKey("Job"));
        Assert.Equal(JobStopOutcome.Stopped, await model.Jobs.StopAsync(ServedModel.JobId(pausing), JobState.Killed, TimeSpan.FromSeconds(10), CancellationToken.None));

        var applying = await ApplyAsync(model, ServedModel.SnapshotPath(Web01, snapshot));
        var busy = await model.InvokeAsync(web01, "RequestStateChange", ("RequestedState", U16(3)));
        Assert.Equal(4099u, busy.Code());
        Assert.Equal(2, (await model.GetAsync(web01))!.Number("RequestedState"));
        var killed = await model.InvokeAsync(ServedModel.InstancePath("CIM_ConcreteJob", InstanceIds.Job(ServedModel.JobId(applying))),
            "RequestStateChange", ("RequestedState", U16(5)));

        Assert.Equal(0u, killed.Code());
        Assert.Equal(JobState.Killed, (await model.FinishedJobAsync(applying)).State);
        Assert.Equal(before, await model.SystemAsync("web01"));
        Assert.Equal(tree, await model.SnapshotsAsync("web01"));
        Assert.Equal(12, (await model.GetAsync(web01))!.Number("RequestedState"));
    }

    [Fact]
    public async Task A_system_the_hypervisor_cannot_revert_fails_the_job_with_5()
    {
        await using var model = await ServedModel.SeededAsync();
        var snapshot = await ModelScenarios.SnapshotAsync(model, "web01", 2);
        var before = await model.SystemAsync("web01");
        model.Refusing.ChangeFailure = new HypervisorException(HypervisorError.InvalidState, "It is starting.");

        var job = await model.FinishedJobAsync(await ApplyAsync(model, ServedModel.SnapshotPath(Web01, snapshot)));

        Assert.Equal(JobState.Exception, job.State);
        Assert.Equal((5, "It is starting."), (job.Error!.ErrorCode, job.Error.Description));
        Assert.Equal(before, await model.SystemAsync("web01"));
        Assert.Null((await model.SnapshotsAsync("web01")).LastApplied);
        Assert.Equal(12, (await model.GetAsync(ServedModel.VirtualSystemPath("web01")))!.Number("RequestedState"));
    }
}
