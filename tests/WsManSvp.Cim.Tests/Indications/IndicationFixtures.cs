using WsManSvp.Cim.Model;
using WsManSvp.Cim.Schema;

namespace WsManSvp.Cim.Tests.Indications;

/// <summary>The project's own class declarations and a virtual system instance in a given state.</summary>
internal static class IndicationFixtures
{
    public static readonly CimClassRepository Repository = CimClassRepository.LoadEmbedded();

    public static CimInstance VirtualSystem(string name, ushort enabledState) =>
        new CimInstance(Repository.GetClass("CIM_ComputerSystem")!)
            .Set("CreationClassName", "CIM_ComputerSystem")
            .Set("Name", name)
            .Set("EnabledState", CimValue.UInt16(enabledState));
}
