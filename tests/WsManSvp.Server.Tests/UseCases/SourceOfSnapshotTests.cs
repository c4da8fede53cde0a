using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>DSP1042 9.4.5: locate the source virtual system of a snapshot, in the situation of Figure 6.</summary>
public abstract class SourceOfSnapshotTests(Figure6Fixture figure6)
{
    [Fact]
    public async Task UseCase_9_4_5_AssociatorNames_through_ElementSettingData_gives_VS1_for_S1_and_S2()
    {
        using var cim = new CimClient(figure6.Server.Client());

        foreach (var snapshot in new[] { figure6.S1, figure6.S2 })
        {
            var sources = await cim.AssociatorNamesAsync(snapshot, "CIM_ElementSettingData", "CIM_ComputerSystem");

            Assert.True(Assert.Single(sources).SameAs(figure6.VS1), $"The source of {snapshot} is not VS1.");
        }
    }
}

[Collection(Figure6Collection.Name)]
public sealed class SourceOfSnapshotOnSimulatorTests(Figure6Fixture figure6) : SourceOfSnapshotTests(figure6);

[Collection(LibvirtFigure6Collection.Name)]
public sealed class SourceOfSnapshotOnLibvirtTests(LibvirtFigure6Fixture figure6) : SourceOfSnapshotTests(figure6);
