using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Hypervisor;
using WsManSvp.Hypervisor.Simulator;
using WsManSvp.Virtualization.Jobs;
using static WsManSvp.Virtualization.Tests.Inputs;

namespace WsManSvp.Virtualization.Tests.Jobs;

/// <summary>
/// CIM_ConcreteJob's methods: RequestStateChange terminates (4) or kills (5) a running job, which then changes
/// nothing; GetError and GetErrors say why a job did not complete, as an embedded CIM_Error.
/// </summary>
public sealed class JobProviderTests
{
    private static readonly SimulatorOptions Slow = new() { OperationLatency = TimeSpan.FromMinutes(10) };

    private static CimObjectPath JobPath(string id) => ServedModel.InstancePath("CIM_ConcreteJob", InstanceIds.Job(id));

    private static Task<CimMethodResult> RequestAsync(ServedModel model, string job, ushort? state, CimDateTime? timeout = null)
    {
        var arguments = new List<(string, CimValue)>();
        if (state is { } s) arguments.Add(("RequestedState", U16(s)));
        if (timeout is not null) arguments.Add(("TimeoutPeriod", CimValue.DateTime(timeout)));
        return model.InvokeAsync(JobPath(job), "RequestStateChange", [.. arguments]);
    }

    /// <summary>web01 asked to power off, on a simulator that takes ten minutes to do it: a job that is running.</summary>
    private static async Task<string> PowerOffWeb01Async(ServedModel model) =>
        ServedModel.JobId(await model.InvokeAsync(ServedModel.VirtualSystemPath("web01"), "RequestStateChange", ("RequestedState", U16(3))));

    [Theory]
    [InlineData((ushort)4, JobState.Terminated)]
    [InlineData((ushort)5, JobState.Killed)]
    public async Task A_running_job_stopped_mid_way_leaves_its_system_unchanged(ushort request, JobState stopped)
    {
        await using var model = await ServedModel.SeededAsync(options: Slow);
        var before = await model.SystemAsync("web01");
        var job = await PowerOffWeb01Async(model);

        var result = await RequestAsync(model, job, request);

        Assert.Equal(0u, result.Code());
        var instance = (await model.GetAsync(JobPath(job)))!;
        Assert.Equal((long)stopped, instance.Number("JobState"));
        Assert.Equal(before, await model.SystemAsync("web01"));
        var web01 = (await model.GetAsync(ServedModel.VirtualSystemPath("web01")))!;
        Assert.Equal((2L, 12L), (web01.Number("EnabledState"), web01.Number("RequestedState")));
        Assert.Contains("at a client's request before it finished", instance.Text("ErrorDescription"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData((ushort)4)]
    [InlineData((ushort)5)]
    public async Task A_finished_job_cannot_be_stopped_4097(ushort request)
    {
        await using var model = await ServedModel.SeededAsync();
        var job = await model.CompletedJobAsync(await model.InvokeAsync(ServedModel.VirtualSystemPath("db01"), "RequestStateChange", ("RequestedState", U16(2))));

        Assert.Equal(4097u, (await RequestAsync(model, job.Id, request)).Code());

        Assert.Equal(JobState.Completed, model.Jobs.Find(job.Id)!.State);
    }

    [Theory]
    [InlineData((ushort)2)]
    [InlineData((ushort)3)]
    [InlineData((ushort)6)]
    public async Task Start_suspend_and_service_are_not_supported_1(ushort request)
    {
        await using var model = await ServedModel.SeededAsync(options: Slow);
        var job = await PowerOffWeb01Async(model);

        Assert.Equal(1u, (await RequestAsync(model, job, request)).Code());

        Assert.False(model.Jobs.Find(job)!.State.IsFinished());
    }

    [Theory]
    [InlineData((ushort)0)]
    [InlineData((ushort)7)]
    [InlineData((ushort)32768)]
    [InlineData(null)]
    public async Task A_RequestedState_that_is_no_job_state_request_returns_5(ushort? request)
    {
        await using var model = await ServedModel.SeededAsync(options: Slow);
        var job = await PowerOffWeb01Async(model);

        Assert.Equal(5u, (await RequestAsync(model, job, request)).Code());

        Assert.False(model.Jobs.Find(job)!.State.IsFinished());
    }

    [Fact]
    public async Task A_non_zero_TimeoutPeriod_returns_4098_and_a_zero_one_is_accepted()
    {
        await using var model = await ServedModel.SeededAsync(options: Slow);
        var job = await PowerOffWeb01Async(model);

        Assert.Equal(4098u, (await RequestAsync(model, job, 5, CimDateTime.FromInterval(TimeSpan.FromSeconds(5)))).Code());
        Assert.False(model.Jobs.Find(job)!.State.IsFinished());
        Assert.Equal(0u, (await RequestAsync(model, job, 5, CimDateTime.FromInterval(TimeSpan.Zero))).Code());
        Assert.Equal(JobState.Killed, model.Jobs.Find(job)!.State);
    }

    [Fact]
    public async Task GetError_of_a_failed_job_is_a_CIM_Error_saying_why_and_GetErrors_holds_the_same_one()
    {
        await using var model = await ServedModel.SeededAsync();
        model.Refusing.ChangeFailure = new HypervisorException(HypervisorError.NotFound, "web01 vanished.");
        var job = await model.FinishedJobAsync(await model.InvokeAsync(ServedModel.VirtualSystemPath("web01"), "RequestStateChange", ("RequestedState", U16(9))));

        var error = await model.InvokeAsync(JobPath(job.Id), "GetError");
        var errors = await model.InvokeAsync(JobPath(job.Id), "GetErrors");

        Assert.Equal((0u, 0u), (error.Code(), errors.Code()));
        var instance = error.OutParameters["Error"].AsInstance();
        Assert.Equal("CIM_Error", instance.Class.Name);
        Assert.Equal((4L, 5L, 0L), (instance.Number("ErrorType"), instance.Number("PerceivedSeverity"), instance.Number("ProbableCause")));
        Assert.Equal(("WsManSvp", "WsManSvp.Job.Failed", "web01 vanished."), (instance.Text("OwningEntity"), instance.Text("MessageID"), instance.Text("Message")));
        Assert.Equal((6L, "CIM_ERR_NOT_FOUND"), (instance.Number("CIMStatusCode"), instance.Text("CIMStatusCodeDescription")));
        Assert.Equal((2L, new Virtualization.Model.ModelPaths(Model.HostName).Of(new Virtualization.Model.ModelElement.Job(job.Id)).ToString()),
            (instance.Number("ErrorSourceFormat"), instance.Text("ErrorSource")));
        var listed = Assert.Single(errors.OutParameters["Errors"].AsArray().ToArray()).AsInstance();
        Assert.Equal(instance.Class.Properties.Select(p => instance[p]), listed.Class.Properties.Select(p => listed[p]));
    }

    [Fact]
    public async Task GetError_of_a_killed_job_says_a_client_stopped_it()
    {
        await using var model = await ServedModel.SeededAsync(options: Slow);
        var job = await PowerOffWeb01Async(model);
        Assert.Equal(0u, (await RequestAsync(model, job, 5)).Code());

        var error = (await model.InvokeAsync(JobPath(job), "GetError")).OutParameters["Error"].AsInstance();

        Assert.Equal((1L, "Stopped at a client's request", 2L), (error.Number("ErrorType"), error.Text("OtherErrorType"), error.Number("PerceivedSeverity")));
        Assert.Equal("WsManSvp.Job.Stopped", error.Text("MessageID"));
        Assert.StartsWith("Killed at a client's request", error.Text("Message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetError_and_GetErrors_of_a_job_that_completed_return_NULL()
    {
        await using var model = await ServedModel.SeededAsync();
        var job = await model.CompletedJobAsync(await model.InvokeAsync(ServedModel.VirtualSystemPath("db01"), "RequestStateChange", ("RequestedState", U16(2))));

        var error = await model.InvokeAsync(JobPath(job.Id), "GetError");
        var errors = await model.InvokeAsync(JobPath(job.Id), "GetErrors");

        Assert.Equal((0u, 0u), (error.Code(), errors.Code()));
        Assert.True(error.OutParameters["Error"].IsNull);
        Assert.True(errors.OutParameters["Errors"].IsNull);
    }

    [Fact]
    public async Task A_job_that_does_not_exist_is_NotFound()
    {
        await using var model = await ServedModel.SeededAsync();

        var e = await Assert.ThrowsAsync<CimException>(() => RequestAsync(model, Guid.NewGuid().ToString(), 4));

        Assert.Equal(CimStatus.NotFound, e.Status);
    }
}
