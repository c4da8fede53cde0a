using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>DSP1042 9.4.6: locate the most current snapshot in the current branch, in the situation of Figure 6.</summary>
public abstract class MostCurrentSnapshotTests(Figure6Fixture figure6)
{
    [Fact]
    public async Task UseCase_9_4_6_Associators_through_MostCurrentSnapshotInBranch_gives_S2()
    {
        using var cim = new CimClient(figure6.Server.Client());

        var current = await cim.AssociatorsAsync(figure6.VS1, "CIM_MostCurrentSnapshotInBranch", MethodSteps.VirtualSystemSettingData);

        // S2 "was applied most recently to the virtual system and no other snapshot was applied to or created from it since".
        Assert.True(Assert.Single(current).Path.SameAs(figure6.S2));
        var lastApplied = await cim.AssociatorNamesAsync(figure6.VS1, "CIM_LastAppliedSnapshot", MethodSteps.VirtualSystemSettingData);
        Assert.True(Assert.Single(lastApplied).SameAs(figure6.S2));
    }
}

[Collection(Figure6Collection.Name)]
public sealed class MostCurrentSnapshotOnSimulatorTests(Figure6Fixture figure6) : MostCurrentSnapshotTests(figure6);

[Collection(LibvirtFigure6Collection.Name)]
public sealed class MostCurrentSnapshotOnLibvirtTests(LibvirtFigure6Fixture figure6) : MostCurrentSnapshotTests(figure6);
