using System.Text.RegularExpressions;
using WsManSvp.Hypervisor.Simulator;
using WsManSvp.Storage;

namespace WsManSvp.Hypervisor.Tests;

/// <summary>
/// Puts a stored system into a state the simulator's operations never lead to (Starting, ShuttingDown,
/// Crashed) by editing its document in the state file, as a hypervisor could report it.
/// </summary>
public static partial class StoredStates
{
    public static async Task ForceAsync(TempStateDirectory directory, Guid id, SystemState state)
    {
        await using var database = directory.OpenDatabase();
        var table = new DocumentTable(database, "sim_systems");
        var key = id.ToString("D");
        var document = table.LoadAll().Single(d => d.Key == key).Value;
        // The system's own state comes first in its document, before its snapshots'.
        await table.PutAsync(key, StateProperty().Replace(document, $"\"state\":\"{state}\"", 1));
    }

    /// <summary>A simulator on the directory with one system, "vm", off, and nothing else.</summary>
    public static async Task<Guid> DefineAloneAsync(TempStateDirectory directory, Func<SimulatedHypervisor, Guid, Task>? prepare = null)
    {
        await using var database = directory.OpenDatabase();
        await using var hv = await TempStateDirectory.OpenSimulatorAsync(database);
        foreach (var seeded in await Systems.ListAsync(hv))
        {
            if (seeded.State is SystemState.Running or SystemState.Paused)
                await hv.ChangeStateAsync(seeded.Id, StateTransition.PowerOff, CancellationToken.None);
            await hv.UndefineSystemAsync(seeded.Id, CancellationToken.None);
        }
        var vm = await hv.DefineSystemAsync(Systems.Definition("vm"), CancellationToken.None);
        if (prepare is not null) await prepare(hv, vm.Id);
        return vm.Id;
    }

    [GeneratedRegex("\"state\":\"\\w+\"")]
    private static partial Regex StateProperty();
}
