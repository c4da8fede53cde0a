using WsManSvp.Hypervisor;
using WsManSvp.Hypervisor.Simulator;
using WsManSvp.Virtualization.Jobs;
using WsManSvp.WsMan.Tests.Infrastructure;

namespace WsManSvp.WsMan.Tests;

public sealed class GetAndInvokeTests : IAsyncLifetime
{
    private const string RequestStateChange = Ns.ClassPrefix + "CIM_ComputerSystem/RequestStateChange";

    private TestService _service = null!;

    public async Task InitializeAsync() => _service = await TestService.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    private static string SystemName(string seeded) => SimulatorSeed.StableGuid("system:" + seeded).ToString("D");

    private static Request Invoke(string? name, int requestedState)
    {
        var request = Request.For(RequestStateChange) with
        {
            Body = $"<p:RequestStateChange_INPUT xmlns:p=\"{Ns.ClassPrefix}CIM_ComputerSystem\"><p:RequestedState>{requestedState}</p:RequestedState></p:RequestStateChange_INPUT>",
        };
        return name is null ? request : request with { Selectors = [("CreationClassName", "CIM_ComputerSystem"), ("Name", name)] };
    }

    private static int ReturnValue(Reply reply)
    {
        reply.AssertOk();
        Assert.Equal(Ns.Class("CIM_ComputerSystem") + "RequestStateChange_OUTPUT", reply.Content.Name);
        return int.Parse(reply.Content.Element(Ns.Class("CIM_ComputerSystem") + "ReturnValue")!.Value);
    }

    [Fact]
    public async Task Get_of_a_virtual_system_returns_its_instance_related_to_the_request()
    {
        var request = Request.GetOf("CIM_ComputerSystem", ("CreationClassName", "CIM_ComputerSystem"), ("Name", SystemName("build01")));

        var reply = (await _service.SendAsync(request)).AssertOk();

        Assert.Equal(request.MessageId, reply.RelatesTo);
        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse", reply.Action);
        var p = Ns.Class("CIM_ComputerSystem");
        Assert.Equal("build01", reply.Content.Element(p + "ElementName")!.Value);
        Assert.Equal("9", reply.Content.Element(p + "EnabledState")!.Value);
        Assert.Equal(["2", "3", "6"], reply.Content.Elements(p + "AvailableRequestedStates").Select(e => e.Value));
    }

    [Fact]
    public async Task RequestStateChange_through_the_protocol_returns_4096_and_a_reference_to_the_job_that_changes_the_state()
    {
        var reply = await _service.SendAsync(Invoke(SystemName("db01"), 2));

        Assert.Equal(4096, ReturnValue(reply));
        Assert.Equal(RequestStateChange + "Response", reply.Action);
        var job = reply.Content.Element(Ns.Class("CIM_ComputerSystem") + "Job")!;
        Assert.Equal(Ns.Anonymous, job.Element(Ns.Wsa + "Address")!.Value);
        var parameters = job.Element(Ns.Wsa + "ReferenceParameters")!;
        Assert.Equal(Ns.ClassPrefix + "CIM_ConcreteJob", parameters.Element(Ns.WsMan + "ResourceURI")!.Value);
        var instanceId = parameters.Element(Ns.WsMan + "SelectorSet")!.Elements(Ns.WsMan + "Selector").Single(s => (string?)s.Attribute("Name") == "InstanceID").Value;
        Assert.StartsWith("WsManSvp:Job/", instanceId, StringComparison.Ordinal);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var finished = await _service.Jobs.WaitAsync(instanceId["WsManSvp:Job/".Length..], timeout.Token);
        Assert.Equal(JobState.Completed, finished!.State);
        Assert.Equal(SystemState.Running, (await _service.Simulator.GetSystemAsync(SimulatorSeed.StableGuid("system:db01"), CancellationToken.None))!.State);
    }

    [Fact]
    public async Task RequestStateChange_invalid_from_the_current_state_returns_4097_through_the_protocol()
    {
        Assert.Equal(4097, ReturnValue(await _service.SendAsync(Invoke(SystemName("db01"), 9))));
        Assert.Equal(SystemState.Off, (await _service.Simulator.GetSystemAsync(SimulatorSeed.StableGuid("system:db01"), CancellationToken.None))!.State);
    }

    [Fact]
    public async Task RequestStateChange_without_selectors_as_Intel_sends_it_cannot_tell_which_system_is_meant()
    {
        var reply = await _service.SendAsync(Invoke(null, 2));

        reply.AssertSenderFault("wsman:InvalidSelectors", "InsufficientSelectors");
        Assert.Equal(SystemState.Off, (await _service.Simulator.GetSystemAsync(SimulatorSeed.StableGuid("system:db01"), CancellationToken.None))!.State);
    }

    [Fact]
    public async Task A_method_the_class_does_not_have_is_ActionNotSupported()
    {
        var reply = await _service.SendAsync(Invoke(SystemName("db01"), 2) with { Action = Ns.ClassPrefix + "CIM_ComputerSystem/Explode" });

        reply.AssertSenderFault("wsa:ActionNotSupported");
    }
}
