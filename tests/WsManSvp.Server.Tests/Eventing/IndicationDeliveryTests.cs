using WsManSvp.Server.Tests.Infrastructure;
using WsManSvp.Server.Tests.UseCases;
using static WsManSvp.Server.Tests.Eventing.Subscriptions;

namespace WsManSvp.Server.Tests.Eventing;

/// <summary>
/// Issue 6 end to end: the server as the run command starts it, the service's own operations changing the
/// simulator's model, and real HTTP sinks on loopback receiving the CIM indications. Each test defines a system
/// of its own, so the tests sharing the server do not see each other's changes.
/// </summary>
public sealed class IndicationDeliveryTests(IndicationServerFixture server) : IClassFixture<IndicationServerFixture>
{
    private static string NewName() => "ev-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_Push_subscriber_with_the_EnabledState_filter_receives_exactly_the_state_changes_in_order()
    {
        await using var sink = await HttpEventSink.StartAsync();
        using var client = server.Client();
        using var cim = new CimClient(server.Client());
        var system = await VirtualSystemServices.DefineAsync(cim, NewName());
        var name = system.Selector("Name")!;
        (await client.PostAsync(Subscribe("CIM_InstModification", Push, NotifyTo(sink), Wql(EnabledStateChanges)))).AssertOk();

        await MethodSteps.ChangeStateAsync(cim, system, 2);
        await MethodSteps.ChangeStateAsync(cim, system, 9);
        await MethodSteps.ChangeStateAsync(cim, system, 3);
        var definition = await cim.GetInstanceAsync(await MethodSteps.DefinedConfigurationAsync(cim, system));
        var edited = await cim.InvokeMethodAsync(await MethodSteps.ManagementServiceAsync(cim), new MethodCall("ModifySystemSettings")
            .Embedded("SystemSettings", EmbeddedInstance.From(definition).With("Description", "edited while subscribed"), EmbeddedForm.XsiType));
        Assert.Equal(0u, edited.ReturnValue);
        await IndicationServerFixture.WaitUntilAsync(() => Received(sink).About(name).Count >= 3);
        await Task.Delay(500); // what else might come (the Description edit must not)

        var received = Received(sink).About(name);
        Assert.Equal([("3", "2"), ("2", "9"), ("9", "3")], received.Select(i => (i.Previous("EnabledState"), i.Source("EnabledState"))));
        Assert.All(received, i => Assert.Equal(("CIM_InstModification", "CIM_ComputerSystem"), (i.ClassName, i.SourceClass)));
        Assert.All(sink.Messages, m => Assert.Equal(EventAction, m.Action));
    }

    [Fact]
    public async Task An_Events_subscriber_receives_a_DefineSystems_creation_and_a_DestroySystems_deletion_in_batches()
    {
        await using var sink = await HttpEventSink.StartAsync();
        using var client = server.Client();
        using var cim = new CimClient(server.Client());
        (await client.PostAsync(Subscribe("CIM_InstIndication", Events,
            NotifyTo(sink) + "<wsman:MaxElements>20</wsman:MaxElements><wsman:MaxTime>PT0.2S</wsman:MaxTime>",
            Wql("SELECT * FROM CIM_InstIndication WHERE SourceInstance ISA CIM_ComputerSystem")))).AssertOk();

        var system = await VirtualSystemServices.DefineAsync(cim, NewName());
        await VirtualSystemServices.FinishedAsync(cim, await VirtualSystemServices.DestroyAsync(cim, system));
        var name = system.Selector("Name")!;
        await IndicationServerFixture.WaitUntilAsync(() => Received(sink).About(name).Any(i => i.ClassName == "CIM_InstDeletion"));

        var received = Received(sink).About(name);
        Assert.Equal("CIM_InstCreation", received[0].ClassName);
        Assert.Equal("CIM_InstDeletion", received[^1].ClassName);
        Assert.Equal(["3", "3"], new[] { received[0].Source("EnabledState")!, received[^1].Source("EnabledState")! });
        Assert.All(sink.Messages, m => Assert.Equal(EventsAction, m.Action));
    }

    [Fact]
    public async Task A_Pull_subscriber_pulls_a_DefineSystems_creation_and_a_DestroySystems_deletion()
    {
        using var client = server.Client();
        using var cim = new CimClient(server.Client());
        var context = Context(await client.PostAsync(Subscribe("CIM_InstIndication", Pull, "",
            Wql("SELECT * FROM CIM_InstIndication WHERE SourceInstance ISA CIM_ComputerSystem"))));

        var system = await VirtualSystemServices.DefineAsync(cim, NewName());
        await VirtualSystemServices.FinishedAsync(cim, await VirtualSystemServices.DestroyAsync(cim, system));
        var received = new List<ReceivedIndication>();
        while (!received.Any(i => i.ClassName == "CIM_InstDeletion"))
        {
            var pulled = (await client.PullAsync("CIM_InstIndication", context, "<wsen:MaxElements>20</wsen:MaxElements>")).AssertOk();
            received.AddRange(ReceivedIndication.Of(pulled.Content.Element(Ns.Wsen + "Items")!.Elements()).About(system.Selector("Name")!));
        }

        Assert.Equal(["CIM_InstCreation", "CIM_InstDeletion"], received.Select(i => i.ClassName));
    }

    [Fact]
    public async Task A_class_uri_subscription_without_a_filter_receives_every_JobState_change_of_the_job_it_started()
    {
        await using var sink = await HttpEventSink.StartAsync();
        using var client = server.Client();
        using var cim = new CimClient(server.Client());
        var system = await VirtualSystemServices.DefineAsync(cim, NewName());
        (await client.PostAsync(Subscribe("CIM_InstModification", Push, NotifyTo(sink)))).AssertOk();

        var job = await VirtualSystemServices.RequestStateChangeAsync(cim, system, 2);
        await VirtualSystemServices.FinishedAsync(cim, job);
        var instanceId = job.Selector("InstanceID")!;
        await IndicationServerFixture.WaitUntilAsync(() => Received(sink).About(instanceId).Any(i => i.Source("JobState") == "7"));

        var changes = Received(sink).About(instanceId).Where(i => i.Previous("JobState") != i.Source("JobState")).ToList();
        Assert.All(changes, i => Assert.Equal(("CIM_InstModification", "CIM_ConcreteJob"), (i.ClassName, i.SourceClass)));
        Assert.Equal("7", changes[^1].Source("JobState"));
        // Every change, in order: each starts where the one before ended.
        Assert.All(changes.Zip(changes.Skip(1)), pair => Assert.Equal(pair.First.Source("JobState"), pair.Second.Previous("JobState")));
        Assert.Contains(Received(sink), i => i.SourceClass == "CIM_ComputerSystem" && i.Source("Name") == system.Selector("Name"));
    }
}
