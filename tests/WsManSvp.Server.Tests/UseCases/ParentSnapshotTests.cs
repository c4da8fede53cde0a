using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>DSP1042 9.4.8: locate the parent of a snapshot, in the situation of Figure 6.</summary>
public abstract class ParentSnapshotTests(Figure6Fixture figure6)
{
    [Fact]
    public async Task UseCase_9_4_8_AssociatorNames_through_Dependency_as_Dependent_gives_S1_for_S2()
    {
        using var cim = new CimClient(figure6.Server.Client());

        var parents = await cim.AssociatorNamesAsync(figure6.S2, "CIM_Dependency", MethodSteps.VirtualSystemSettingData, "Dependent", "Antecedent");

        Assert.True(Assert.Single(parents).SameAs(figure6.S1));
    }

    [Fact]
    public async Task UseCase_9_4_8_S1_has_no_parent()
    {
        using var cim = new CimClient(figure6.Server.Client());

        Assert.Empty(await cim.AssociatorNamesAsync(figure6.S1, "CIM_Dependency", MethodSteps.VirtualSystemSettingData, "Dependent", "Antecedent"));
    }
}

[Collection(Figure6Collection.Name)]
public sealed class ParentSnapshotOnSimulatorTests(Figure6Fixture figure6) : ParentSnapshotTests(figure6);

[Collection(LibvirtFigure6Collection.Name)]
public sealed class ParentSnapshotOnLibvirtTests(LibvirtFigure6Fixture figure6) : ParentSnapshotTests(figure6);
