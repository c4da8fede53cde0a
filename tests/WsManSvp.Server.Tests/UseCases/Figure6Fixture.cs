using WsManSvp.Server.Tests.Infrastructure;
using static WsManSvp.Server.Tests.Infrastructure.AllocationRequests;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>
/// A server of its own brought to the situation of DSP1042 Figure 6 at time T3, through the sequence of
/// events 9.4 lists, each step a use case performed over WS-Man:
/// <list type="number">
/// <item>T0: VS1 is defined with one memory extent, one processor and one disk (9.3.1.1, input only);</item>
/// <item>it is activated (RequestStateChange 2);</item>
/// <item>T1: full snapshot S1 (9.4.3);</item>
/// <item>the definition changes (1024 MB of memory become 2048: ModifyResourceSettings, 9.3.2.3);</item>
/// <item>S1 is applied (9.4.9), which restores the 1024 MB;</item>
/// <item>a second disk is added (9.3.2.2). This implementation keeps "Defined" and "State" configurations
/// apart rather than Figure 6's single configuration, so the disk reaches the running instance when it is
/// restarted (RequestStateChange 3, then 2);</item>
/// <item>T2: snapshot S2 (9.4.3), whose parent is S1, the last applied;</item>
/// <item>a third disk is added to the definition;</item>
/// <item>S2 is applied (9.4.9), which removes the third disk again: T3.</item>
/// </list>
/// The tests of the collection only read.
/// </summary>
public class Figure6Fixture : IAsyncLifetime
{
    public Figure6Fixture() : this(new ServerFixture()) { }

    /// <summary>Figure 6 on another backend's server (xunit wants one public constructor).</summary>
    protected Figure6Fixture(ServerFixture server) => Server = server;

    public ServerFixture Server { get; }

    public Epr SnapshotService { get; private set; } = null!;

    public Epr VS1 { get; private set; } = null!;

    public Epr S1 { get; private set; } = null!;

    public Epr S2 { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        using var cim = new CimClient(Server.Client());
        var management = await MethodSteps.ManagementServiceAsync(cim);
        SnapshotService = await MethodSteps.SnapshotServiceAsync(cim);

        var defined = await cim.InvokeMethodAsync(management, new MethodCall("DefineSystem")
            .Embedded("SystemSettings", SystemSettings("VS1"))
            .Embedded("ResourceSettings", Memory(1024))
            .Embedded("ResourceSettings", Processors(1))
            .Embedded("ResourceSettings", Disk(1024)));
        Assert.Equal(0u, defined.ReturnValue);
        VS1 = defined.Reference("ResultingSystem")!;
        await MethodSteps.ChangeStateAsync(cim, VS1, 2);

        S1 = await MethodSteps.CreateSnapshotAsync(cim, SnapshotService, VS1, "S1");

        var memory = (await MethodSteps.DefinedAllocationsAsync(cim, VS1)).Single(4);
        Assert.Equal(0u, (await cim.InvokeMethodAsync(management, new MethodCall("ModifyResourceSettings")
            .Embedded("ResourceSettings", EmbeddedInstance.From(memory).With("VirtualQuantity", "2048"), EmbeddedForm.XsiType))).ReturnValue);
        await MethodSteps.ApplySnapshotAsync(cim, SnapshotService, S1);

        await AddDiskAsync(cim, management, 2048);
        await MethodSteps.ChangeStateAsync(cim, VS1, 3);
        await MethodSteps.ChangeStateAsync(cim, VS1, 2);

        S2 = await MethodSteps.CreateSnapshotAsync(cim, SnapshotService, VS1, "S2");

        await AddDiskAsync(cim, management, 4096);
        await MethodSteps.ApplySnapshotAsync(cim, SnapshotService, S2);
    }

    public Task DisposeAsync() => Server.DisposeAsync();

    private async Task AddDiskAsync(CimClient cim, Epr management, ulong mebibytes) =>
        Assert.Equal(0u, (await cim.InvokeMethodAsync(management, new MethodCall("AddResourceSettings")
            .Reference("AffectedConfiguration", await MethodSteps.DefinedConfigurationAsync(cim, VS1))
            .Embedded("ResourceSettings", Disk(mebibytes)))).ReturnValue);
}

/// <summary>The 9.4 use cases that read the situation of Figure 6.</summary>
[CollectionDefinition(Name)]
public sealed class Figure6Collection : ICollectionFixture<Figure6Fixture>
{
    public const string Name = "DSP1042 Figure 6";
}
