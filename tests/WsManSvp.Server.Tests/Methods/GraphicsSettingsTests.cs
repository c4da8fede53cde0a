using WsManSvp.Server.Tests.Infrastructure;
using WsManSvp.Server.Tests.UseCases;
using static WsManSvp.Server.Tests.Infrastructure.AllocationRequests;

namespace WsManSvp.Server.Tests.Methods;

/// <summary>
/// A display (ResourceType 24, the graphics type in ResourceSubType, its endpoint in Address) added to a
/// defined system, read back among its configuration's allocations, then removed.
/// </summary>
public abstract class GraphicsSettingsTests(ServerFixture server)
{
    [Fact]
    public async Task A_vnc_display_is_added_read_back_and_removed()
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);
        var defined = await cim.InvokeMethodAsync(service, new MethodCall("DefineSystem")
            .Embedded("SystemSettings", SystemSettings("displayed"))
            .Embedded("ResourceSettings", Memory(256)));
        Assert.Equal(0u, defined.ReturnValue);
        var configuration = await MethodSteps.DefinedConfigurationAsync(cim, defined.Reference("ResultingSystem")!);
        Assert.Empty((await MethodSteps.AllocationsAsync(cim, configuration)).OfResourceType(24));

        var added = await cim.InvokeMethodAsync(service, new MethodCall("AddResourceSettings")
            .Reference("AffectedConfiguration", configuration)
            .Embedded("ResourceSettings", new EmbeddedInstance(Rasd, ("ResourceType", (ushort)24), ("ResourceSubType", "vnc"),
                ("Address", "127.0.0.1:5901"))));

        Assert.Equal(0u, added.ReturnValue);
        var display = (await MethodSteps.AllocationsAsync(cim, configuration)).Single(24);
        Assert.Equal(("vnc", "127.0.0.1:5901"), (display.Prop("ResourceSubType"), display.Prop("Address")));
        Assert.True(Assert.Single(added.References("ResultingResourceSettings")).SameAs(display.Path));

        var removed = await cim.InvokeMethodAsync(service, new MethodCall("RemoveResourceSettings").Reference("ResourceSettings", display.Path));

        Assert.Equal(0u, removed.ReturnValue);
        Assert.Empty((await MethodSteps.AllocationsAsync(cim, configuration)).OfResourceType(24));
    }
}

public sealed class GraphicsSettingsOnSimulatorTests(ServerFixture server) : GraphicsSettingsTests(server), IClassFixture<ServerFixture>;

public sealed class GraphicsSettingsOnLibvirtTests(LibvirtServerFixture server) : GraphicsSettingsTests(server), IClassFixture<LibvirtServerFixture>;
