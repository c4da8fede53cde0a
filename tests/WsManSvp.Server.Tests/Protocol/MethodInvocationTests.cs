using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Protocol;

/// <summary>
/// CIM methods as custom actions: RequestStateChange on the seeded systems, checked by Get. A change a
/// state allows runs as a job (4096 and its EPR, polled until it completes); one it does not allow is
/// refused at once. Each test changes a different system, so the order the tests run in does not matter.
/// </summary>
public sealed class MethodInvocationTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string RequestStateChangeAction = Ns.ClassPrefix + "CIM_ComputerSystem/RequestStateChange";

    private static Task<WsManReply> RequestStateChangeAsync(WsManClient client, string name, string inputChildren) =>
        client.InvokeAsync("CIM_ComputerSystem", "RequestStateChange", inputChildren, ("CreationClassName", "CIM_ComputerSystem"), ("Name", name));

    private static async Task<string> ReturnValueAsync(WsManClient client, string name, string requestedState)
    {
        var reply = (await RequestStateChangeAsync(client, name, $"<p:RequestedState>{requestedState}</p:RequestedState>")).AssertOk();
        Assert.Equal(RequestStateChangeAction + "Response", reply.Action);
        var output = reply.Content;
        Assert.Equal(Ns.Class("CIM_ComputerSystem") + "RequestStateChange_OUTPUT", output.Name);
        return output.Element(Ns.Class("CIM_ComputerSystem") + "ReturnValue")!.Value;
    }

    /// <summary>Requests the state and follows the job to its end: 4096, a Job EPR, JobState 7 (Completed) at last.</summary>
    private async Task CompletesAsJobAsync(WsManClient client, string name, string requestedState)
    {
        var reply = (await RequestStateChangeAsync(client, name, $"<p:RequestedState>{requestedState}</p:RequestedState>")).AssertOk();
        var output = reply.Content;
        Assert.Equal("4096", output.Prop("ReturnValue"));
        var job = Epr.From(output.Element(Ns.Class("CIM_ComputerSystem") + "Job")!);
        Assert.Equal("CIM_ConcreteJob", job.ClassName);
        using var cim = new CimClient(server.Client());
        var states = await cim.PollJobAsync(job);
        Assert.Equal("7", states[^1].Prop("JobState"));
        Assert.Equal("RequestStateChange", states[^1].Prop("Name"));
    }

    private static async Task<string> EnabledStateAsync(WsManClient client, string name) =>
        (await SeededSystems.GetAsync(client, name)).AssertOk().Content.Prop("EnabledState")!;

    [Fact]
    public async Task Enabled_starts_the_defined_system()
    {
        using var client = server.Client();
        var db01 = await SeededSystems.NameOfAsync(client, "db01");
        Assert.Equal("3", await EnabledStateAsync(client, db01));

        await CompletesAsJobAsync(client, db01, "2");

        var instance = (await SeededSystems.GetAsync(client, db01)).AssertOk().Content;
        Assert.Equal("2", instance.Prop("EnabledState"));
        Assert.Equal(["3", "4", "6", "9", "10", "11"],
            instance.Elements(instance.Name.Namespace + "AvailableRequestedStates").Select(e => e.Value));
    }

    [Fact]
    public async Task Quiesce_pauses_a_running_system_and_again_is_an_invalid_transition()
    {
        using var client = server.Client();
        var web01 = await SeededSystems.NameOfAsync(client, "web01");
        Assert.Equal("2", await EnabledStateAsync(client, web01));

        await CompletesAsJobAsync(client, web01, "9");
        Assert.Equal("9", await EnabledStateAsync(client, web01));

        Assert.Equal("4097", await ReturnValueAsync(client, web01, "9"));
        Assert.Equal("9", await EnabledStateAsync(client, web01));
    }

    [Fact]
    public async Task Offline_saves_a_paused_system()
    {
        using var client = server.Client();
        var build01 = await SeededSystems.NameOfAsync(client, "build01");
        Assert.Equal("9", await EnabledStateAsync(client, build01));

        await CompletesAsJobAsync(client, build01, "6");
        Assert.Equal("6", await EnabledStateAsync(client, build01));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("1")]
    public async Task A_value_that_is_not_a_requestable_state_returns_5_and_changes_nothing(string requestedState)
    {
        using var client = server.Client();
        var test01 = await SeededSystems.NameOfAsync(client, "test01");

        Assert.Equal("5", await ReturnValueAsync(client, test01, requestedState));
        Assert.Equal("6", await EnabledStateAsync(client, test01));
    }

    [Fact]
    public async Task On_the_host_it_returns_1_not_supported()
    {
        using var client = server.Client();
        Assert.Equal("1", await ReturnValueAsync(client, ServerFixture.HostName, "3"));
        Assert.Equal("2", await EnabledStateAsync(client, ServerFixture.HostName));
    }

    [Fact]
    public async Task An_unknown_method_is_ActionNotSupported()
    {
        using var client = server.Client();
        var reply = await client.InvokeAsync("CIM_ComputerSystem", "Frobnicate", "", ("CreationClassName", "CIM_ComputerSystem"), ("Name", ServerFixture.HostName));
        reply.AssertFault("wsa:ActionNotSupported");
        Assert.Contains("Frobnicate", reply.Reason);
    }

    [Fact]
    public async Task A_method_of_an_unrelated_class_is_ActionNotSupported()
    {
        using var client = server.Client();
        var reply = await client.PostAsync(Envelopes.Build(Ns.ClassPrefix + "CIM_VirtualSystemSettingData/RequestStateChange", Envelopes.ClassUri("CIM_ComputerSystem"),
            [("CreationClassName", "CIM_ComputerSystem"), ("Name", ServerFixture.HostName)],
            body: $"<p:RequestStateChange_INPUT xmlns:p=\"{Envelopes.ClassUri("CIM_ComputerSystem")}\"><p:RequestedState>2</p:RequestedState></p:RequestStateChange_INPUT>"));
        reply.AssertFault("wsa:ActionNotSupported");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("70000")]
    public async Task A_RequestedState_that_is_not_a_uint16_is_InvalidParameter_TypeMismatch(string value)
    {
        using var client = server.Client();
        var test01 = await SeededSystems.NameOfAsync(client, "test01");

        var reply = await RequestStateChangeAsync(client, test01, $"<p:RequestedState>{value}</p:RequestedState>");

        reply.AssertFault("wsman:InvalidParameter", "TypeMismatch");
        Assert.Contains("RequestedState", reply.Reason);
        Assert.Equal("6", await EnabledStateAsync(client, test01));
    }

    [Fact]
    public async Task An_unknown_parameter_is_InvalidParameter_InvalidName()
    {
        using var client = server.Client();
        var test01 = await SeededSystems.NameOfAsync(client, "test01");

        var reply = await RequestStateChangeAsync(client, test01, "<p:RequestedState>2</p:RequestedState><p:Colour>blue</p:Colour>");

        reply.AssertFault("wsman:InvalidParameter", "InvalidName");
        Assert.Contains("Colour", reply.Reason);
        Assert.Equal("6", await EnabledStateAsync(client, test01));
    }

    [Fact]
    public async Task A_body_that_is_not_the_method_input_is_SchemaValidationError()
    {
        using var client = server.Client();
        var test01 = await SeededSystems.NameOfAsync(client, "test01");
        var reply = await client.PostAsync(Envelopes.Build(RequestStateChangeAction, Envelopes.ClassUri("CIM_ComputerSystem"),
            [("CreationClassName", "CIM_ComputerSystem"), ("Name", test01)],
            body: $"<p:SomethingElse_INPUT xmlns:p=\"{Envelopes.ClassUri("CIM_ComputerSystem")}\"><p:RequestedState>2</p:RequestedState></p:SomethingElse_INPUT>"));

        reply.AssertFault("wsman:SchemaValidationError");
        Assert.Equal("6", await EnabledStateAsync(client, test01));
    }
}
