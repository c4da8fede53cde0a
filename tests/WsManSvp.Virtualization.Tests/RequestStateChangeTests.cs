using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Hypervisor;
using WsManSvp.Hypervisor.Simulator;
using WsManSvp.Cim.Schema;
using WsManSvp.Virtualization.Jobs;
using WsManSvp.Virtualization.Model;
using WsManSvp.Virtualization.Providers;

namespace WsManSvp.Virtualization.Tests;

public sealed class RequestStateChangeTests
{
    private static readonly ushort[] KnownRequests = [2, 3, 4, 6, 9, 10, 11];

    /// <summary>DSP1057: what each accepted request leaves the system in.</summary>
    private static readonly Dictionary<(SystemState, ushort), SystemState> Outcomes = new()
    {
        [(SystemState.Off, 2)] = SystemState.Running,
        [(SystemState.Saved, 2)] = SystemState.Running,
        [(SystemState.Paused, 2)] = SystemState.Running,
        [(SystemState.Running, 3)] = SystemState.Off,
        [(SystemState.Paused, 3)] = SystemState.Off,
        [(SystemState.Running, 4)] = SystemState.Off,
        [(SystemState.Running, 6)] = SystemState.Saved,
        [(SystemState.Paused, 6)] = SystemState.Saved,
        [(SystemState.Running, 9)] = SystemState.Paused,
        [(SystemState.Running, 10)] = SystemState.Running,
        [(SystemState.Running, 11)] = SystemState.Running,
    };

    /// <summary>A seeded system in each state the simulator reaches.</summary>
    private static readonly Dictionary<SystemState, string> SeededIn = new()
    {
        [SystemState.Running] = "web01",
        [SystemState.Off] = "db01",
        [SystemState.Paused] = "build01",
        [SystemState.Saved] = "test01",
    };

    private static CimMethod Method => Model.Repository.GetClass("CIM_ComputerSystem")!.GetMethod("RequestStateChange")!;

    public static TheoryData<SystemState, ushort> Accepted()
    {
        var data = new TheoryData<SystemState, ushort>();
        foreach (var (state, requested) in Outcomes.Keys) data.Add(state, requested);
        return data;
    }

    public static TheoryData<SystemState, ushort> Refused()
    {
        var data = new TheoryData<SystemState, ushort>();
        foreach (var state in SeededIn.Keys)
            foreach (var requested in KnownRequests)
                if (!Outcomes.ContainsKey((state, requested))) data.Add(state, requested);
        return data;
    }

    private static async Task<uint> RequestAsync(ComputerSystemProvider provider, string name, ushort? requested, CimDateTime? timeout = null) =>
        (await InvokeAsync(provider, name, requested, timeout)).Code();

    private static async Task<CimMethodResult> InvokeAsync(ComputerSystemProvider provider, string name, ushort? requested, CimDateTime? timeout = null)
    {
        var arguments = new Dictionary<string, CimValue>(StringComparer.OrdinalIgnoreCase);
        if (requested is { } r) arguments["RequestedState"] = CimValue.UInt16(r);
        if (timeout is not null) arguments["TimeoutPeriod"] = CimValue.DateTime(timeout);
        return await provider.InvokeMethodAsync(Model.SystemPath(name), Method, arguments, Model.Context);
    }

    /// <summary>Requests a change that must be accepted (4096 and a job), and returns the job once it has finished.</summary>
    private static async Task<Job> ChangeAsync(ModelInstances instances, string name, ushort requested, CimDateTime? timeout = null)
    {
        var result = await InvokeAsync(new ComputerSystemProvider(instances), name, requested, timeout);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var job = await instances.Source.Jobs.WaitAsync(ServedModel.JobId(result), wait.Token);
        Assert.NotNull(job);
        Assert.True(job.State.IsFinished());
        return job;
    }

    private static async Task<SystemState> StateOfAsync(IHypervisor hv, string name) =>
        (await hv.GetSystemAsync(Model.SeededId(name), CancellationToken.None))!.State;

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task An_accepted_request_returns_4096_and_its_job_moves_the_system(SystemState from, ushort requested)
    {
        await using var hv = await Model.SeededAsync();
        var instances = Model.Instances(hv);
        var provider = new ComputerSystemProvider(instances);
        var name = SeededIn[from];

        var job = await ChangeAsync(instances, Model.SeededId(name).ToString(), requested);

        Assert.Equal(JobState.Completed, job.State);
        Assert.Equal("RequestStateChange", job.MethodName);
        Assert.Equal(new ModelElement.VirtualComputerSystem(Model.SeededId(name)), job.OwningElement);
        Assert.Equal(Outcomes[(from, requested)], await StateOfAsync(hv, name));
        var vm = (await provider.GetInstanceAsync(Model.SystemPath(Model.SeededId(name).ToString()), Model.Context))!;
        Assert.Equal((long)EnabledStates.EnabledState(Outcomes[(from, requested)]), vm.Number("EnabledState"));
        Assert.Equal(12, vm.Number("RequestedState"));
        Assert.Equal(12, vm.Number("TransitioningToState"));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_request_invalid_from_the_current_state_returns_4097_and_changes_nothing(SystemState from, ushort requested)
    {
        await using var hv = await Model.SeededAsync();
        var provider = new ComputerSystemProvider(Model.Instances(hv));
        var name = SeededIn[from];
        var before = await hv.GetSystemAsync(Model.SeededId(name), CancellationToken.None);

        Assert.Equal(4097u, await RequestAsync(provider, Model.SeededId(name).ToString(), requested));

        Assert.Equal(before, await hv.GetSystemAsync(Model.SeededId(name), CancellationToken.None));
    }

    [Fact]
    public async Task Pausing_twice_succeeds_then_returns_4097()
    {
        await using var hv = await Model.SeededAsync();
        var instances = Model.Instances(hv);
        var provider = new ComputerSystemProvider(instances);
        var web01 = Model.SeededId("web01").ToString();

        Assert.Equal(JobState.Completed, (await ChangeAsync(instances, web01, 9)).State);
        Assert.Equal(4097u, await RequestAsync(provider, web01, 9));
        Assert.Equal(SystemState.Paused, await StateOfAsync(hv, "web01"));
    }

    [Theory]
    [InlineData((ushort)0)]
    [InlineData((ushort)5)]
    [InlineData((ushort)12)]
    [InlineData((ushort)99)]
    [InlineData((ushort)32768)]
    public async Task An_unknown_RequestedState_returns_5(ushort requested)
    {
        await using var hv = await Model.SeededAsync();
        var provider = new ComputerSystemProvider(Model.Instances(hv));

        Assert.Equal(5u, await RequestAsync(provider, Model.SeededId("web01").ToString(), requested));
        Assert.Equal(SystemState.Running, await StateOfAsync(hv, "web01"));
    }

    [Fact]
    public async Task A_missing_RequestedState_returns_5()
    {
        await using var hv = await Model.SeededAsync();
        var provider = new ComputerSystemProvider(Model.Instances(hv));

        Assert.Equal(5u, await RequestAsync(provider, Model.SeededId("db01").ToString(), null));
        Assert.Equal(SystemState.Off, await StateOfAsync(hv, "db01"));
    }

    [Fact]
    public async Task A_non_zero_TimeoutPeriod_returns_4098_and_changes_nothing()
    {
        await using var hv = await Model.SeededAsync();
        var provider = new ComputerSystemProvider(Model.Instances(hv));
        var db01 = Model.SeededId("db01").ToString();

        Assert.Equal(4098u, await RequestAsync(provider, db01, 2, CimDateTime.FromInterval(TimeSpan.FromSeconds(30))));
        Assert.Equal(4098u, await RequestAsync(provider, db01, 2, CimDateTime.FromTimestamp(DateTimeOffset.UnixEpoch)));
        Assert.Equal(SystemState.Off, await StateOfAsync(hv, "db01"));
    }

    [Fact]
    public async Task A_zero_TimeoutPeriod_is_accepted()
    {
        await using var hv = await Model.SeededAsync();

        var job = await ChangeAsync(Model.Instances(hv), Model.SeededId("db01").ToString(), 2, CimDateTime.FromInterval(TimeSpan.Zero));

        Assert.Equal(JobState.Completed, job.State);
        Assert.Equal(SystemState.Running, await StateOfAsync(hv, "db01"));
    }

    [Fact]
    public async Task While_a_change_runs_the_system_shows_the_requested_state_and_another_request_is_busy_4099()
    {
        await using var model = await ServedModel.SeededAsync(options: new SimulatorOptions { OperationLatency = TimeSpan.FromSeconds(1) });
        var web01 = ServedModel.VirtualSystemPath("web01");

        var powerOff = await model.InvokeAsync(web01, "RequestStateChange", ("RequestedState", CimValue.UInt16(3)));
        var during = (await model.GetAsync(web01))!;
        var pause = await model.InvokeAsync(web01, "RequestStateChange", ("RequestedState", CimValue.UInt16(9)));
        var elsewhere = await model.InvokeAsync(ServedModel.VirtualSystemPath("db01"), "RequestStateChange", ("RequestedState", CimValue.UInt16(2)));

        Assert.Equal(4099u, pause.Code());
        Assert.False(pause.OutParameters.ContainsKey("Job"));
        Assert.Equal((2L, 3L, 3L), (during.Number("EnabledState"), during.Number("RequestedState"), during.Number("TransitioningToState")));
        await model.CompletedJobAsync(powerOff);
        await model.CompletedJobAsync(elsewhere);
        var after = (await model.GetAsync(web01))!;
        Assert.Equal((3L, 12L, 12L), (after.Number("EnabledState"), after.Number("RequestedState"), after.Number("TransitioningToState")));
        Assert.Equal(SystemState.Off, (await model.SystemAsync("web01")).State);
        Assert.Equal(SystemState.Running, (await model.SystemAsync("db01")).State);
    }

    [Fact]
    public async Task The_host_returns_1_not_supported()
    {
        await using var hv = await Model.SeededAsync();
        var provider = new ComputerSystemProvider(Model.Instances(hv));

        Assert.Equal(1u, await RequestAsync(provider, Model.HostName, 3));

        foreach (var (state, name) in SeededIn) Assert.Equal(state, await StateOfAsync(hv, name));
    }

    [Fact]
    public async Task A_system_that_no_longer_exists_is_NotFound()
    {
        await using var hv = await Model.SeededAsync();
        var provider = new ComputerSystemProvider(Model.Instances(hv));

        var e = await Assert.ThrowsAsync<CimException>(() => RequestAsync(provider, Guid.NewGuid().ToString(), 2));

        Assert.Equal(CimStatus.NotFound, e.Status);
    }

    [Theory]
    [InlineData(SystemState.ShuttingDown, StateTransition.PowerOff)]
    [InlineData(SystemState.Starting, StateTransition.PowerOff)]
    public async Task A_transitioning_system_can_be_powered_off(SystemState state, StateTransition expected)
    {
        var hv = new StubHypervisor(Model.Host);
        var system = hv.Add("t", state, DateTimeOffset.UnixEpoch);
        var instances = Model.Instances(hv);
        var provider = new ComputerSystemProvider(instances);

        Assert.Equal(JobState.Completed, (await ChangeAsync(instances, system.Id.ToString(), 3)).State);
        Assert.Equal(4097u, await RequestAsync(provider, system.Id.ToString(), 2));

        Assert.Equal([(system.Id, expected)], hv.Transitions);
    }

    [Fact]
    public async Task A_crashed_system_can_be_started_again()
    {
        var hv = new StubHypervisor(Model.Host);
        var system = hv.Add("c", SystemState.Crashed, DateTimeOffset.UnixEpoch);

        Assert.Equal(JobState.Completed, (await ChangeAsync(Model.Instances(hv), system.Id.ToString(), 2)).State);

        Assert.Equal([(system.Id, StateTransition.Start)], hv.Transitions);
    }

    [Fact]
    public async Task A_state_that_changed_under_the_request_fails_the_job_with_ErrorCode_4097()
    {
        var hv = new StubHypervisor(Model.Host) { ChangeStateFailure = new HypervisorException(HypervisorError.InvalidState, "raced") };
        var system = hv.Add("r", SystemState.Running, DateTimeOffset.UnixEpoch);
        var instances = Model.Instances(hv);

        var job = await ChangeAsync(instances, system.Id.ToString(), 9);

        Assert.Equal(JobState.Exception, job.State);
        Assert.Equal((4097, "raced"), (job.Error!.ErrorCode, job.Error.Description));
        Assert.Null(instances.Source.PendingStateChanges.RequestedStateOf(system.Id));
    }

    [Fact]
    public async Task A_hypervisor_that_cannot_be_reached_during_the_change_fails_the_job_with_ErrorCode_2()
    {
        var hv = new StubHypervisor(Model.Host) { ChangeStateFailure = new HypervisorException(HypervisorError.Unavailable, "connection lost") };
        var system = hv.Add("r", SystemState.Running, DateTimeOffset.UnixEpoch);

        var job = await ChangeAsync(Model.Instances(hv), system.Id.ToString(), 9);

        Assert.Equal(JobState.Exception, job.State);
        Assert.Equal((2, "connection lost", (uint)CimStatus.Failed), (job.Error!.ErrorCode, job.Error.Description, job.Error.CimStatusCode));
        Assert.Empty(hv.Transitions);
    }

    [Fact]
    public async Task Other_methods_are_not_available_on_computer_systems()
    {
        await using var hv = await Model.SeededAsync();
        var provider = new ComputerSystemProvider(Model.Instances(hv));
        var defineSystem = Model.Repository.GetClass("CIM_VirtualSystemManagementService")!.GetMethod("DefineSystem")!;

        var e = await Assert.ThrowsAsync<CimException>(() => provider.InvokeMethodAsync(
            Model.SystemPath(Model.SeededId("web01").ToString()), defineSystem, new Dictionary<string, CimValue>(), Model.Context).AsTask());

        Assert.Equal(CimStatus.MethodNotAvailable, e.Status);
    }
}
