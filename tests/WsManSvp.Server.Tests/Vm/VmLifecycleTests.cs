using WsManSvp.Hypervisor;
using WsManSvp.Server.Tests.Infrastructure;
using WsManSvp.Server.Tests.UseCases;
using Xunit.Abstractions;

namespace WsManSvp.Server.Tests.Vm;

/// <summary>
/// A real TCG guest driven through its whole life over WS-Management: defined, started, paused, resumed,
/// snapshotted and reverted, saved and restored, powered off and destroyed, with libvirt's view checked
/// alongside the service's.
/// </summary>
[Collection(VmCollection.Name)]
[Trait("Tier", "vm")]
public sealed class VmLifecycleTests(VmServerFixture server, ITestOutputHelper output)
{
    [Fact]
    public async Task A_system_goes_from_definition_through_every_state_to_destruction()
    {
        using var cim = server.Cim();
        var steps = new VmSteps(server, cim, output);
        var name = VmServerFixture.NewSystemName();

        var system = await steps.DefineAsync(name);
        Assert.Equal("shut off", await Virsh.DomStateAsync(name));

        await steps.ChangeStateAsync(system, 2, SystemState.Running);
        Assert.Equal("running", await Virsh.DomStateAsync(name));
        await steps.ChangeStateAsync(system, 9, SystemState.Paused);
        Assert.Equal("paused", await Virsh.DomStateAsync(name));
        await steps.ChangeStateAsync(system, 2, SystemState.Running);

        // Neither changes the system's state, so the backend announces no state change (as the simulator), though
        // libvirt pauses the guest while it snapshots it and stops and starts it to revert it; the sequence below checks that.
        var snapshot = await steps.StepAsync("CreateSnapshot(2)", system, "2", null,
            () => MethodSteps.CreateSnapshotAsync(cim, VirtualSystemServices.Snapshots, system));
        await steps.StepAsync("ApplySnapshot", system, "2", null,
            () => MethodSteps.ApplySnapshotAsync(cim, VirtualSystemServices.Snapshots, snapshot));
        Assert.Equal("running", await Virsh.DomStateAsync(name));

        await steps.ChangeStateAsync(system, 6, SystemState.Saved);
        Assert.Equal("shut off", await Virsh.DomStateAsync(name));
        Assert.Contains("saved", await Virsh.RunAsync("domstate", "--reason", name));
        await steps.ChangeStateAsync(system, 2, SystemState.Running);
        Assert.Equal("running", await Virsh.DomStateAsync(name));
        await steps.ChangeStateAsync(system, 3, SystemState.Off);
        Assert.Equal("shut off", await Virsh.DomStateAsync(name));

        await steps.DestroyAsync(system);
        Assert.DoesNotContain(name, await Virsh.DomainsAsync());

        // Every change announced once, in order; edits of the definition (ConfigurationChanged) aside.
        var events = server.Events.Of(VmSteps.IdOf(system));
        foreach (var e in events) output.WriteLine(HypervisorEvents.Describe(e));
        Assert.Equal(
            ["Defined Off", "StateChanged Running", "StateChanged Paused", "StateChanged Running", "StateChanged Saved",
             "StateChanged Running", "StateChanged Off", "Undefined -"],
            events.Where(e => e.Kind != HypervisorEventKind.ConfigurationChanged).Select(e => $"{e.Kind} {e.Current?.State.ToString() ?? "-"}"));
    }
}
