using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>
/// DSP1042 9.4.7: locate the snapshots that depend on a snapshot, in the situation of Figure 6. CIM_Dependency
/// is abstract; its instances here are CIM_ConcreteDependency (DSP1042 10.3), which a CIM_Dependency filter finds.
/// </summary>
public abstract class DependentSnapshotsTests(Figure6Fixture figure6)
{
    [Fact]
    public async Task UseCase_9_4_7_AssociatorNames_through_Dependency_as_Antecedent_gives_S2_for_S1()
    {
        using var cim = new CimClient(figure6.Server.Client());

        var dependents = await cim.AssociatorNamesAsync(figure6.S1, "CIM_Dependency", MethodSteps.VirtualSystemSettingData, "Antecedent", "Dependent");

        Assert.True(Assert.Single(dependents).SameAs(figure6.S2));
    }

    [Fact]
    public async Task UseCase_9_4_7_no_snapshot_depends_on_S2()
    {
        using var cim = new CimClient(figure6.Server.Client());

        Assert.Empty(await cim.AssociatorNamesAsync(figure6.S2, "CIM_Dependency", MethodSteps.VirtualSystemSettingData, "Antecedent", "Dependent"));
    }
}

[Collection(Figure6Collection.Name)]
public sealed class DependentSnapshotsOnSimulatorTests(Figure6Fixture figure6) : DependentSnapshotsTests(figure6);

[Collection(LibvirtFigure6Collection.Name)]
public sealed class DependentSnapshotsOnLibvirtTests(LibvirtFigure6Fixture figure6) : DependentSnapshotsTests(figure6);
