using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Hypervisor;
using WsManSvp.Hypervisor.Simulator;
using WsManSvp.Virtualization.Jobs;
using static WsManSvp.Virtualization.Tests.Inputs;

namespace WsManSvp.Virtualization.Tests.Jobs;

/// <summary>
/// How jobs are represented (DSP1042 8.1.2, 10.1, 10.2): CIM_ConcreteJob through its life, what it affects
/// (CIM_AffectedJobElement: ElementEffects[0] 5 for what CreateSnapshot created, 0 otherwise) and what
/// started it (CIM_OwningJobElement).
/// </summary>
public sealed class JobModelTests
{
    private static readonly SimulatorOptions Slow = new() { OperationLatency = TimeSpan.FromMinutes(10) };

    private static CimObjectPath JobPath(string id) => ServedModel.InstancePath("CIM_ConcreteJob", InstanceIds.Job(id));

    private static async Task<CimInstance> JobInstanceAsync(ServedModel model, string id) => (await model.GetAsync(JobPath(id)))!;

    private static Task<CimMethodResult> RequestStateAsync(ServedModel model, string system, ushort state) =>
        model.InvokeAsync(ServedModel.VirtualSystemPath(system), "RequestStateChange", ("RequestedState", U16(state)));

    private static CimDateTime Interval(TimeSpan span) => CimDateTime.FromInterval(span);

    [Fact]
    public async Task A_completed_job_says_what_ran_for_whom_and_when_and_that_it_completed()
    {
        var clock = new SteppedClock();
        await using var model = await ServedModel.SeededAsync(jobClock: clock);

        var job = await model.CompletedJobAsync(await RequestStateAsync(model, "db01", 2));

        var instance = await JobInstanceAsync(model, job.Id);
        var now = CimDateTime.FromTimestamp(clock.GetUtcNow());
        Assert.Equal($"WsManSvp:Job/{job.Id}", instance.Id());
        Assert.Equal(("RequestStateChange", "Start db01", "RequestStateChange: Start db01", "tester"),
            (instance.Text("Name"), instance.Text("ElementName"), instance.Text("Description"), instance.Text("Owner")));
        Assert.Equal((7L, "Completed", 100L), (instance.Number("JobState"), instance.Text("JobStatus"), instance.Number("PercentComplete")));
        Assert.Equal([now, now, now], new[] { "TimeSubmitted", "StartTime", "TimeOfLastStateChange" }.Select(p => instance[p].AsDateTime()));
        Assert.Equal(Interval(TimeSpan.Zero), instance["ElapsedTime"].AsDateTime());
        Assert.Equal("00000000000500.000000:000", instance["TimeBeforeRemoval"].AsDateTime().ToCimString());
        Assert.True(instance["DeleteOnCompletion"].AsBoolean());
        Assert.Equal((0L, true), (instance.Number("ErrorCode"), instance["ErrorDescription"].IsNull));
        Assert.Equal([2L, 17L], instance.Numbers("OperationalStatus"));
        Assert.Equal(5L, instance.Number("HealthState"));
        Assert.Equal((1L, 2L), (instance.Number("JobRunTimes"), instance.Number("LocalOrUtcTime")));
    }

    [Fact]
    public async Task A_running_job_counts_its_elapsed_time_and_a_killed_one_when_it_was_stopped()
    {
        var clock = new SteppedClock();
        await using var model = await ServedModel.SeededAsync(options: Slow, jobClock: clock);
        var started = CimDateTime.FromTimestamp(clock.GetUtcNow());
        var id = ServedModel.JobId(await RequestStateAsync(model, "web01", 9));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (model.Jobs.Find(id)!.State != JobState.Running && DateTime.UtcNow < deadline) await Task.Delay(5);
        clock.Advance(TimeSpan.FromMinutes(1));

        var running = await JobInstanceAsync(model, id);

        Assert.Equal((4L, "Running", 0L), (running.Number("JobState"), running.Text("JobStatus"), running.Number("PercentComplete")));
        Assert.Equal((started, started), (running["StartTime"].AsDateTime(), running["TimeOfLastStateChange"].AsDateTime()));
        Assert.Equal(Interval(TimeSpan.FromMinutes(1)), running["ElapsedTime"].AsDateTime());
        Assert.Equal([2L], running.Numbers("OperationalStatus"));

        await model.Jobs.StopAsync(id, JobState.Killed, TimeSpan.FromSeconds(10), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(1));
        var killed = await JobInstanceAsync(model, id);

        Assert.Equal(9L, killed.Number("JobState"));
        Assert.Equal(CimDateTime.FromTimestamp(clock.GetUtcNow() - TimeSpan.FromMinutes(1)), killed["TimeOfLastStateChange"].AsDateTime());
        Assert.Equal(Interval(TimeSpan.FromMinutes(1)), killed["ElapsedTime"].AsDateTime());
        Assert.Equal([10L, 17L], killed.Numbers("OperationalStatus"));
        Assert.Equal(2L, killed.Number("ErrorCode"));
        Assert.StartsWith("Killed", killed.Text("ErrorDescription"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_job_carries_the_code_the_method_would_have_returned_and_why()
    {
        await using var model = await ServedModel.SeededAsync();
        model.Refusing.ChangeFailure = new HypervisorException(HypervisorError.InvalidState, "web01 stopped meanwhile.");

        var job = await model.FinishedJobAsync(await RequestStateAsync(model, "web01", 9));

        var instance = await JobInstanceAsync(model, job.Id);
        Assert.Equal((10L, 4097L, "web01 stopped meanwhile."), (instance.Number("JobState"), instance.Number("ErrorCode"), instance.Text("ErrorDescription")));
        Assert.Equal([6L, 17L], instance.Numbers("OperationalStatus"));
        Assert.Equal(25L, instance.Number("HealthState"));
        Assert.NotEqual(100L, instance.Number("PercentComplete"));
    }

    [Fact]
    public async Task CreateSnapshot_affects_the_snapshot_it_created_with_effect_5_the_other_methods_their_system_with_0()
    {
        await using var model = await ServedModel.SeededAsync();
        var web01 = Model.SeededId("web01");
        var create = await model.CompletedJobAsync(await model.SnapshotServiceAsync("CreateSnapshot",
            ("AffectedSystem", Reference(ServedModel.VirtualSystemPath("web01"))), ("SnapshotType", U16(2))));
        var snapshot = (await model.SnapshotsAsync("web01")).Snapshots[0].Name;
        var apply = await model.CompletedJobAsync(await model.SnapshotServiceAsync("ApplySnapshot", ("Snapshot", Reference(ServedModel.SnapshotPath(web01, snapshot)))));
        var change = await model.CompletedJobAsync(await RequestStateAsync(model, "web01", 9));

        async Task<(CimObjectPath, string)> AffectedAsync(Job job)
        {
            var link = Assert.Single(await model.ReferencesAsync(JobPath(job.Id), "CIM_AffectedJobElement"));
            Assert.Equal(JobPath(job.Id), link.Ref("AffectingElement"));
            return (link.Ref("AffectedElement"), string.Join(",", link.Numbers("ElementEffects")));
        }

        Assert.Equal((ServedModel.SnapshotPath(web01, snapshot), "5"), await AffectedAsync(create));
        Assert.Equal((ServedModel.VirtualSystemPath(web01), "0"), await AffectedAsync(apply));
        Assert.Equal((ServedModel.VirtualSystemPath(web01), "0"), await AffectedAsync(change));
        // From the affected elements' side, too.
        Assert.Equal([JobPath(create.Id)], (await model.AssociatorsAsync(ServedModel.SnapshotPath(web01, snapshot), "CIM_AffectedJobElement")).Select(j => j.GetPath()));
        Assert.Equal(new[] { JobPath(apply.Id), JobPath(change.Id) }.Select(p => p.ToString()).Order(),
            (await model.AssociatorsAsync(ServedModel.VirtualSystemPath(web01), "CIM_AffectedJobElement")).Select(j => j.GetPath().ToString()).Order());
    }

    [Fact]
    public async Task A_job_is_owned_by_what_its_method_was_invoked_on()
    {
        await using var model = await ServedModel.SeededAsync();
        var change = await model.CompletedJobAsync(await RequestStateAsync(model, "db01", 2));
        var snapshot = await model.CompletedJobAsync(await model.SnapshotServiceAsync("CreateSnapshot",
            ("AffectedSystem", Reference(ServedModel.VirtualSystemPath("db01"))), ("SnapshotType", U16(3))));
        var destroy = await model.CompletedJobAsync(await model.ManageAsync("DestroySystem", ("AffectedSystem", Reference(ServedModel.VirtualSystemPath("test01")))));

        async Task<CimObjectPath> OwnerAsync(Job job) => Assert.Single(await model.AssociatorsAsync(JobPath(job.Id), "CIM_OwningJobElement")).GetPath();

        Assert.Equal(ServedModel.VirtualSystemPath("db01"), await OwnerAsync(change));
        Assert.Equal(ServedModel.SnapshotServicePath, await OwnerAsync(snapshot));
        Assert.Equal(ServedModel.ManagementServicePath, await OwnerAsync(destroy));
        Assert.Equal([JobPath(change.Id)], (await model.AssociatorsAsync(ServedModel.VirtualSystemPath("db01"), "CIM_OwningJobElement")).Select(j => j.GetPath()));
    }

    [Fact]
    public async Task A_finished_job_is_removed_with_its_associations_once_TimeBeforeRemoval_has_passed()
    {
        var clock = new SteppedClock();
        await using var model = await ServedModel.SeededAsync(jobClock: clock, jobSettings: new JobSettings { SweepInterval = TimeSpan.FromMilliseconds(20) });
        var job = await model.CompletedJobAsync(await RequestStateAsync(model, "db01", 2));
        Assert.NotNull(await model.GetAsync(JobPath(job.Id)));

        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (model.Jobs.Find(job.Id) is not null && DateTime.UtcNow < deadline) await Task.Delay(10);

        Assert.Null(await model.GetAsync(JobPath(job.Id)));
        Assert.Empty(await model.InstancesAsync("CIM_ConcreteJob"));
        Assert.Empty(await model.InstancesAsync("CIM_AffectedJobElement"));
        Assert.Empty(await model.ReferencesAsync(ServedModel.VirtualSystemPath("db01"), "CIM_OwningJobElement"));
    }
}
