using WsManSvp.Server.Tests.Infrastructure;
using WsManSvp.Server.Tests.UseCases;
using static WsManSvp.Server.Tests.Infrastructure.AllocationRequests;

namespace WsManSvp.Server.Tests.Methods;

/// <summary>DestroySystem of a system that does not exist: DSP1042 Table 5's 4, "the system could not be found", and no job.</summary>
public abstract class DestroySystemNotFoundTests(ServerFixture server)
{
    [Fact]
    public async Task A_system_already_destroyed_is_not_found_4()
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);
        var system = (await cim.InvokeMethodAsync(service, new MethodCall("DefineSystem").Embedded("SystemSettings", SystemSettings("destroyed-twice"))))
            .Reference("ResultingSystem")!;
        await MethodSteps.CompleteAsync(cim, service, new MethodCall("DestroySystem").Reference("AffectedSystem", system));

        var again = await cim.InvokeMethodAsync(service, new MethodCall("DestroySystem").Reference("AffectedSystem", system));

        Assert.Equal(4u, again.ReturnValue);
        Assert.Null(again.Reference("Job"));
    }

    [Fact]
    public async Task A_system_that_never_existed_is_not_found_4_and_nothing_is_destroyed()
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);
        var host = await UseCaseSteps.HostSystemAsync(cim);
        var before = await UseCaseSteps.LocateVirtualSystemsAsync(cim, host);

        var result = await cim.InvokeMethodAsync(service, new MethodCall("DestroySystem")
            .Reference("AffectedSystem", ModelEprs.System("6f1c1a5e-0000-4000-8000-000000000000")));

        Assert.Equal(4u, result.ReturnValue);
        Assert.Null(result.Reference("Job"));
        Assert.Equal(before.Count, (await UseCaseSteps.LocateVirtualSystemsAsync(cim, host)).Count);
    }

    [Fact]
    public async Task The_host_is_not_a_virtual_system_4()
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);
        var host = await UseCaseSteps.HostSystemAsync(cim);

        var result = await cim.InvokeMethodAsync(service, new MethodCall("DestroySystem").Reference("AffectedSystem", host));

        Assert.Equal(4u, result.ReturnValue);
        Assert.Equal("2", (await cim.GetInstanceAsync(host)).Prop("EnabledState"));
    }
}

public sealed class DestroySystemNotFoundOnSimulatorTests(ServerFixture server) : DestroySystemNotFoundTests(server), IClassFixture<ServerFixture>;

public sealed class DestroySystemNotFoundOnLibvirtTests(LibvirtServerFixture server) : DestroySystemNotFoundTests(server), IClassFixture<LibvirtServerFixture>;
