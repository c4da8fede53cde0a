using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;
using static WsManSvp.Server.Tests.Infrastructure.VirtualSystemServices;

namespace WsManSvp.Server.Tests.Jobs;

/// <summary>
/// A running job stopped through CIM_ConcreteJob.RequestStateChange (4 Terminate, 5 Kill) while the slowed
/// simulator works: the job ends Terminated or Killed, the system is as it was, GetError and GetErrors say
/// why as an embedded CIM_Error, and the system takes no other change while the job runs.
/// </summary>
public sealed class JobStopTests(SlowSimulatorServerFixture server) : IClassFixture<SlowSimulatorServerFixture>
{
    private const uint InvalidStateTransition = 4097;
    private const uint Busy = 4099;
    private static readonly XNamespace CimError = Ns.Class("CIM_Error");

    // The seeded systems, so that no DefineSystem waits for the slowed simulator: each test takes its own.
    [Fact]
    public async Task A_killed_start_leaves_the_system_as_it_was_and_says_why()
    {
        using var client = server.Client();
        var cim = new CimClient(client);
        var system = ModelEprs.System(await SeededSystems.NameOfAsync(client, "db01"));
        Assert.Equal("3", (await client.GetAsync(system)).AssertOk().Content.Prop("EnabledState"));
        var job = await RequestStateChangeAsync(cim, system, 2);

        Assert.False(new JobView((await client.GetAsync(job)).AssertOk().Content).IsFinished);
        // One change at a time: the system is busy while its job runs (DSP1057: 4099 Busy), whatever is asked ...
        Assert.Equal(Busy, (await cim.InvokeMethodAsync(system, new MethodCall("RequestStateChange").Value("RequestedState", 3))).ReturnValue);
        Assert.Equal(Busy, (await cim.InvokeMethodAsync(system, new MethodCall("RequestStateChange").Value("RequestedState", 2))).ReturnValue);
        // ... and DestroySystem says it is changing state (DSP1042 Table 5: 5 Invalid State).
        Assert.Equal(5u, (await cim.InvokeMethodAsync(Management, new MethodCall("DestroySystem").Reference("AffectedSystem", system))).ReturnValue);

        var kill = await cim.InvokeMethodAsync(job, new MethodCall("RequestStateChange").Value("RequestedState", 5));

        Assert.Equal(0u, kill.ReturnValue);
        var killed = new JobView((await client.GetAsync(job)).AssertOk().Content);
        Assert.Equal(JobView.Killed, killed.JobState);
        Assert.Equal("Killed", killed.Instance.Prop("JobStatus"));
        Assert.True(killed.PercentComplete < 100);
        Assert.NotEqual(0, killed.ErrorCode);
        Assert.Contains("Killed", killed.ErrorDescription);
        var state = (await client.GetAsync(system)).AssertOk().Content;
        Assert.Equal(("3", "12"), (state.Prop("EnabledState"), state.Prop("RequestedState")));

        var error = await cim.InvokeMethodAsync(job, new MethodCall("GetError"));
        Assert.Equal(0u, error.ReturnValue);
        AssertStoppedError(error.Single("Error"), "Killed", killed);
        var errors = await cim.InvokeMethodAsync(job, new MethodCall("GetErrors"));
        Assert.Equal(0u, errors.ReturnValue);
        AssertStoppedError(Assert.Single(errors.Output.Elements(), e => e.Name.LocalName == "Errors"), "Killed", killed);

        // It stays killed: neither a second kill nor a terminate applies to a finished job.
        Assert.Equal(InvalidStateTransition, (await cim.InvokeMethodAsync(job, new MethodCall("RequestStateChange").Value("RequestedState", 5))).ReturnValue);
        Assert.Equal(InvalidStateTransition, (await cim.InvokeMethodAsync(job, new MethodCall("RequestStateChange").Value("RequestedState", 4))).ReturnValue);
        Assert.Equal(JobView.Killed, new JobView((await client.GetAsync(job)).AssertOk().Content).JobState);

        // The system is free again: a new start runs to completion (Start, Suspend and Service of a job are
        // not supported and leave it running), and its finished job cannot be killed.
        var again = await RequestStateChangeAsync(cim, system, 2);
        foreach (var requested in new[] { 2, 3, 6 })
            Assert.Equal(1u, (await cim.InvokeMethodAsync(again, new MethodCall("RequestStateChange").Value("RequestedState", requested))).ReturnValue);
        Assert.Equal(JobView.Completed, (await FinishedAsync(cim, again)).JobState);
        Assert.Equal("2", (await client.GetAsync(system)).AssertOk().Content.Prop("EnabledState"));
        Assert.Equal(InvalidStateTransition, (await cim.InvokeMethodAsync(again, new MethodCall("RequestStateChange").Value("RequestedState", 5))).ReturnValue);
        Assert.Equal(JobView.Completed, new JobView((await client.GetAsync(again)).AssertOk().Content).JobState);
    }

    [Fact]
    public async Task A_terminated_destroy_leaves_the_system_defined()
    {
        using var client = server.Client();
        var cim = new CimClient(client);
        var system = ModelEprs.System(await SeededSystems.NameOfAsync(client, "test01"));
        var job = await DestroyAsync(cim, system);

        var terminate = await cim.InvokeMethodAsync(job, new MethodCall("RequestStateChange").Value("RequestedState", 4));

        Assert.Equal(0u, terminate.ReturnValue);
        var terminated = new JobView((await client.GetAsync(job)).AssertOk().Content);
        Assert.Equal(JobView.Terminated, terminated.JobState);
        Assert.Contains("Terminated", terminated.ErrorDescription);
        var state = (await client.GetAsync(system)).AssertOk().Content;
        Assert.Equal(("test01", SeededSystems.InitialStates["test01"], "12"), (state.Prop("ElementName"), state.Prop("EnabledState"), state.Prop("RequestedState")));
        AssertStoppedError((await cim.InvokeMethodAsync(job, new MethodCall("GetError"))).Single("Error"), "Terminated", terminated);
        Assert.Equal(InvalidStateTransition, (await cim.InvokeMethodAsync(job, new MethodCall("RequestStateChange").Value("RequestedState", 5))).ReturnValue);
        Assert.Equal(JobView.Terminated, new JobView((await client.GetAsync(job)).AssertOk().Content).JobState);
    }

    /// <summary>
    /// The embedded CIM_Error of a stopped job (DSP0227 embedded instance: the parameter element typed
    /// xsi:type CIM_Error_Type in the CIM_Error class namespace, the properties its children).
    /// </summary>
    private static void AssertStoppedError(XElement error, string how, JobView job)
    {
        Assert.Null(error.Attribute(Ns.Xsi + "nil"));
        var type = (string?)error.Attribute(Ns.Xsi + "type");
        Assert.NotNull(type);
        var prefix = type.Contains(':') ? type[..type.IndexOf(':')] : "";
        Assert.Equal(CimError, error.GetNamespaceOfPrefix(prefix));
        Assert.Equal("CIM_Error_Type", type[(type.IndexOf(':') + 1)..]);
        Assert.All(error.Elements(), e => Assert.Equal(CimError, e.Name.Namespace));

        string? Prop(string name) => error.Element(CimError + name)?.Value;
        Assert.Equal(job.ErrorDescription, Prop("Message"));
        Assert.Contains(how, Prop("Message"));
        Assert.Equal("1", Prop("CIMStatusCode")); // CIM_ERR_FAILED
        Assert.Equal("CIM_ERR_FAILED", Prop("CIMStatusCodeDescription"));
        Assert.Equal("WsManSvp.Job.Stopped", Prop("MessageID"));
        Assert.Equal("WsManSvp", Prop("OwningEntity"));
        Assert.Equal("2", Prop("PerceivedSeverity")); // Information: a client asked for it
        Assert.Equal("2", Prop("ErrorSourceFormat")); // CIM object path
        Assert.Contains(job.InstanceId, Prop("ErrorSource"));
    }
}
