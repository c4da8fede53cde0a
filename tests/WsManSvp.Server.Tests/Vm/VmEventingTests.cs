using WsManSvp.Hypervisor;
using WsManSvp.Server.Tests.Eventing;
using WsManSvp.Server.Tests.Infrastructure;
using Xunit.Abstractions;
using static WsManSvp.Server.Tests.Eventing.Subscriptions;

namespace WsManSvp.Server.Tests.Vm;

/// <summary>
/// Issue 6 on QEMU: a Push subscriber with the EnabledState filter receives the modifications of a real guest
/// started, paused and stopped, from libvirt's event stream through the CIM indications to a sink on loopback.
/// </summary>
[Collection(VmCollection.Name)]
[Trait("Tier", "vm")]
public sealed class VmEventingTests(VmServerFixture server, ITestOutputHelper output)
{
    [Fact]
    public async Task Starting_pausing_and_stopping_a_guest_sends_three_EnabledState_modifications()
    {
        await using var sink = await HttpEventSink.StartAsync();
        using var client = server.Client();
        using var cim = server.Cim();
        var steps = new VmSteps(server, cim, output);
        var system = await steps.DefineAsync(VmServerFixture.NewSystemName());
        var name = system.Selector("Name")!;
        (await client.PostAsync(Subscribe("CIM_InstModification", Push, NotifyTo(sink), Wql(EnabledStateChanges)))).AssertOk();

        await steps.ChangeStateAsync(system, 2, SystemState.Running);
        await steps.ChangeStateAsync(system, 9, SystemState.Paused);
        await steps.ChangeStateAsync(system, 3, SystemState.Off);
        await IndicationServerFixture.WaitUntilAsync(() => Received(sink).About(name).Count >= 3, 60);
        await steps.DestroyAsync(system);

        Assert.Equal([("3", "2"), ("2", "9"), ("9", "3")],
            Received(sink).About(name).Select(i => (i.Previous("EnabledState"), i.Source("EnabledState"))));
    }
}
