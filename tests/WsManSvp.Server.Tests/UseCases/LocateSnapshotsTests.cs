using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>DSP1042 9.4.4: locate the snapshots of a virtual system, in the situation of Figure 6.</summary>
public abstract class LocateSnapshotsTests(Figure6Fixture figure6)
{
    [Fact]
    public async Task UseCase_9_4_4_Associators_through_SnapshotOfVirtualSystem_gives_S1_and_S2()
    {
        using var cim = new CimClient(figure6.Server.Client());

        var snapshots = await cim.AssociatorsAsync(figure6.VS1, "CIM_SnapshotOfVirtualSystem", MethodSteps.VirtualSystemSettingData);

        Assert.Equal(2, snapshots.Count);
        var s1 = Assert.Single(snapshots, s => s.Path.SameAs(figure6.S1));
        var s2 = Assert.Single(snapshots, s => s.Path.SameAs(figure6.S2));
        Assert.Equal(("S1", "S2"), (s1.Prop("ElementName"), s2.Prop("ElementName")));
        // What each captured: S1 the system at T1 (one disk), S2 the system at T2 (two).
        var atT1 = await MethodSteps.AllocationsAsync(cim, s1.Path);
        var atT2 = await MethodSteps.AllocationsAsync(cim, s2.Path);
        Assert.Single(atT1.OfResourceType(31));
        Assert.Equal(2, atT2.OfResourceType(31).Count);
        Assert.All([atT1, atT2], captured => Assert.Equal((1UL, 1024UL), (captured.Single(3).Quantity(), captured.Single(4).Quantity())));
    }

    [Fact]
    public async Task Figure_6_at_T3_VS1_runs_as_S2_captured_it()
    {
        using var cim = new CimClient(figure6.Server.Client());

        Assert.Equal("2", await MethodSteps.EnabledStateAsync(cim, figure6.VS1));
        var running = await MethodSteps.AllocationsAsync(cim, Assert.Single(await MethodSteps.StateConfigurationsAsync(cim, figure6.VS1)));
        var defined = await MethodSteps.DefinedAllocationsAsync(cim, figure6.VS1);
        var captured = await MethodSteps.AllocationsAsync(cim, figure6.S2);
        // The disk added after T2 is gone again; memory is the 1024 MB that S1 restored before T2.
        Assert.All([running, defined], now =>
        {
            Assert.Equal(captured.OfResourceType(31).Select(d => d.Quantity()).Order(), now.OfResourceType(31).Select(d => d.Quantity()).Order());
            Assert.Equal(1024UL, now.Single(4).Quantity());
        });
        Assert.Equal([1024UL << 20, 2048UL << 20], defined.OfResourceType(31).Select(d => d.Quantity()).Order());
    }
}

[Collection(Figure6Collection.Name)]
public sealed class LocateSnapshotsOnSimulatorTests(Figure6Fixture figure6) : LocateSnapshotsTests(figure6);

[Collection(LibvirtFigure6Collection.Name)]
public sealed class LocateSnapshotsOnLibvirtTests(LibvirtFigure6Fixture figure6) : LocateSnapshotsTests(figure6);
