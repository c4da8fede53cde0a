using WsManSvp.Server.Tests.Infrastructure;
using WsManSvp.Server.Tests.UseCases;
using static WsManSvp.Server.Tests.Infrastructure.AllocationRequests;

namespace WsManSvp.Server.Tests.Methods;

/// <summary>
/// RequestStateChange on virtual systems as libvirt-cim's cimtest exercises it: transitions a state does not
/// allow fail at once with 4097 and change nothing; allowed ones run as jobs. Each test has systems of its own.
/// </summary>
public abstract class VirtualSystemStateChangeTests(ServerFixture server)
{
    [Theory]
    [InlineData(9)] // Defined → Paused
    [InlineData(6)] // Defined → Suspended
    public async Task A_defined_system_cannot_be_paused_or_suspended_4097(int requestedState)
    {
        using var cim = new CimClient(server.Client());
        var system = await DefineAsync(cim, $"defined-to-{requestedState}");

        var result = await cim.InvokeMethodAsync(system, new MethodCall("RequestStateChange").Value("RequestedState", requestedState));

        Assert.Equal(4097u, result.ReturnValue);
        Assert.Null(result.Reference("Job"));
        var instance = await cim.GetInstanceAsync(system);
        Assert.Equal("3", instance.Prop("EnabledState"));
        Assert.Equal("12", instance.Prop("RequestedState"));
    }

    [Fact]
    public async Task Pausing_twice_pauses_once_then_fails_4097()
    {
        using var cim = new CimClient(server.Client());
        var system = await DefineAsync(cim, "paused-twice");
        await MethodSteps.ChangeStateAsync(cim, system, 2);

        var first = await MethodSteps.ChangeStateAsync(cim, system, 9);
        Assert.Equal("9", await MethodSteps.EnabledStateAsync(cim, system));
        var second = await cim.InvokeMethodAsync(system, new MethodCall("RequestStateChange").Value("RequestedState", 9));

        Assert.Equal("7", first.JobState);
        Assert.Equal(4097u, second.ReturnValue);
        Assert.Null(second.Reference("Job"));
        Assert.Equal("9", await MethodSteps.EnabledStateAsync(cim, system));
    }

    [Fact]
    public async Task Disabling_a_running_system_returns_it_to_Defined_without_State_configuration_or_devices()
    {
        using var cim = new CimClient(server.Client());
        var system = await DefineAsync(cim, "disabled");
        await MethodSteps.ChangeStateAsync(cim, system, 2);
        Assert.Single(await MethodSteps.StateConfigurationsAsync(cim, system));
        Assert.NotEmpty(await MethodSteps.DevicesAsync(cim, system));

        var job = await MethodSteps.ChangeStateAsync(cim, system, 3);

        Assert.Contains(job.Affected, a => a.Ref("AffectedElement").SameAs(system));
        Assert.Equal("3", await MethodSteps.EnabledStateAsync(cim, system));
        Assert.Empty(await MethodSteps.StateConfigurationsAsync(cim, system));
        Assert.Empty(await MethodSteps.DevicesAsync(cim, system));
        Assert.Equal(2, (await MethodSteps.DefinedAllocationsAsync(cim, system)).Count(a => a.Prop("ResourceType") is "3" or "4"));
    }

    private static async Task<Epr> DefineAsync(CimClient cim, string name) =>
        (await cim.InvokeMethodAsync(await MethodSteps.ManagementServiceAsync(cim), new MethodCall("DefineSystem")
            .Embedded("SystemSettings", SystemSettings(name)).Embedded("ResourceSettings", Memory(512)))).Reference("ResultingSystem")!;
}

public sealed class VirtualSystemStateChangeOnSimulatorTests(ServerFixture server) : VirtualSystemStateChangeTests(server), IClassFixture<ServerFixture>;

public sealed class VirtualSystemStateChangeOnLibvirtTests(LibvirtServerFixture server) : VirtualSystemStateChangeTests(server), IClassFixture<LibvirtServerFixture>;
