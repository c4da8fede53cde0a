using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Hypervisor;
using WsManSvp.Hypervisor.Simulator;
using WsManSvp.Virtualization.Jobs;
using WsManSvp.Virtualization.Model;
using static WsManSvp.Virtualization.Tests.Inputs;

namespace WsManSvp.Virtualization.Tests.Management;

/// <summary>DestroySystem (DSP1042 8.2.2, 9.3.3): a job that stops an active system, then removes it with its snapshots (Table 5).</summary>
public sealed class DestroySystemTests
{
    private static Task<CimMethodResult> DestroyAsync(ServedModel model, CimObjectPath system) =>
        model.ManageAsync("DestroySystem", ("AffectedSystem", Reference(system)));

    [Theory]
    [InlineData("db01")]
    [InlineData("web01")]
    [InlineData("build01")]
    [InlineData("test01")]
    public async Task A_system_in_any_steady_state_is_destroyed_by_a_job_an_active_one_powered_off_first(string name)
    {
        await using var model = await ServedModel.SeededAsync();
        var path = ServedModel.VirtualSystemPath(name);

        var job = await model.CompletedJobAsync(await DestroyAsync(model, path));

        Assert.Equal(("DestroySystem", 100), (job.MethodName, (int)job.PercentComplete));
        Assert.Equal(new ModelElement.ManagementService(), job.OwningElement);
        Assert.Null(await model.SystemAsync(Model.SeededId(name)));
        Assert.Null(await model.GetAsync(path));
        Assert.Null(await model.GetAsync(ServedModel.DefinedPath(name)));
        Assert.DoesNotContain(await model.InstancesAsync("CIM_VirtualSystemSettingData"), c => c.Id().Contains(ServedModel.SystemName(name), StringComparison.Ordinal));
        Assert.Equal(3, model.Hypervisor.Count);
        Assert.Equal($"Destroy {name}", job.Description);
    }

    [Fact]
    public async Task The_snapshots_of_a_destroyed_system_go_with_it()
    {
        await using var model = await ServedModel.SeededAsync();
        var snapshot = await ModelScenarios.SnapshotAsync(model, "db01", 3);

        await model.CompletedJobAsync(await DestroyAsync(model, ServedModel.VirtualSystemPath("db01")));

        Assert.Null(await model.GetAsync(ServedModel.SnapshotPath(Model.SeededId("db01"), snapshot)));
        Assert.Empty(await model.InstancesAsync("CIM_SnapshotOfVirtualSystem"));
    }

    [Fact]
    public async Task The_job_of_a_destroyed_system_no_longer_links_it()
    {
        await using var model = await ServedModel.SeededAsync();

        var job = await model.CompletedJobAsync(await DestroyAsync(model, ServedModel.VirtualSystemPath("db01")));

        Assert.Equal([new JobEffect(new ModelElement.VirtualComputerSystem(Model.SeededId("db01")), JobEffect.Unknown)], job.Affected);
        var jobPath = ServedModel.InstancePath("CIM_ConcreteJob", InstanceIds.Job(job.Id));
        Assert.Empty(await model.ReferencesAsync(jobPath, "CIM_AffectedJobElement"));
        Assert.Equal([ServedModel.ManagementServicePath], (await model.AssociatorsAsync(jobPath, "CIM_OwningJobElement")).Select(i => i.GetPath()));
    }

    public static TheoryData<string, CimObjectPath?> NotVirtualSystems => new()
    {
        { "no system", ServedModel.VirtualSystemPath(Guid.NewGuid()) },
        { "the host", ServedModel.HostPath },
        { "a configuration", ServedModel.DefinedPath("db01") },
        { "nothing", null },
    };

    [Theory]
    [MemberData(nameof(NotVirtualSystems))]
    public async Task A_reference_to_no_virtual_system_returns_4_and_destroys_nothing(string _, CimObjectPath? target)
    {
        await using var model = await ServedModel.SeededAsync();
        var before = await model.AllSystemsAsync();

        var result = target is null ? await model.ManageAsync("DestroySystem") : await DestroyAsync(model, target);

        Assert.Equal(4u, result.Code());
        Assert.False(result.OutParameters.ContainsKey("Job"));
        Assert.Equal(before, await model.AllSystemsAsync());
        Assert.Empty(model.Jobs.Jobs);
    }

    [Fact]
    public async Task A_system_changing_state_returns_5_and_meanwhile_a_state_change_is_busy()
    {
        await using var model = await ServedModel.SeededAsync(options: new SimulatorOptions { OperationLatency = TimeSpan.FromMinutes(10) });
        var web01 = ServedModel.VirtualSystemPath("web01");
        var pause = await model.InvokeAsync(web01, "RequestStateChange", ("RequestedState", U16(9)));

        var refused = await DestroyAsync(model, web01);

        Assert.Equal(5u, refused.Code());
        Assert.Single(model.Jobs.Jobs);
        // And the other way round: while db01 is being destroyed, it cannot be started.
        var destroying = await DestroyAsync(model, ServedModel.VirtualSystemPath("db01"));
        var start = await model.InvokeAsync(ServedModel.VirtualSystemPath("db01"), "RequestStateChange", ("RequestedState", U16(2)));
        Assert.Equal(4099u, start.Code());
        Assert.Equal(3, (await model.GetAsync(ServedModel.VirtualSystemPath("db01")))!.Number("RequestedState"));
        foreach (var job in new[] { pause, destroying })
            await model.Jobs.StopAsync(ServedModel.JobId(job), JobState.Killed, TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.Equal(SystemState.Running, (await model.SystemAsync("web01")).State);
        Assert.Equal(SystemState.Off, (await model.SystemAsync("db01")).State);
    }

    [Fact]
    public async Task A_hypervisor_that_refuses_fails_the_job_and_the_system_stays()
    {
        await using var model = await ServedModel.SeededAsync();
        var before = await model.SystemAsync("db01");
        model.Refusing.ChangeFailure = new HypervisorException(HypervisorError.Failed, "The images are locked.");

        var job = await model.FinishedJobAsync(await DestroyAsync(model, ServedModel.VirtualSystemPath("db01")));

        Assert.Equal(JobState.Exception, job.State);
        Assert.Equal((2, "The images are locked."), (job.Error!.ErrorCode, job.Error.Description));
        Assert.Equal(before, await model.SystemAsync("db01"));
        // The system is not left busy: it can be destroyed once the hypervisor lets it.
        model.Refusing.ChangeFailure = null;
        await model.CompletedJobAsync(await DestroyAsync(model, ServedModel.VirtualSystemPath("db01")));
        Assert.Null(await model.SystemAsync(Model.SeededId("db01")));
    }
}
