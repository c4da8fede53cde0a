using System.Text.Json;
using WsManSvp.Storage;

namespace WsManSvp.Hypervisor.Simulator;

/// <summary>
/// The simulator's state in the state database: one document per system (the system and its snapshots,
/// so each is written whole or not at all) and a marker saying the seed was laid down once.
/// </summary>
internal sealed class SimulatorStore
{
    public const string SystemsTable = "sim_systems";
    public const string MetaTable = "sim_meta";
    private const string SeededKey = "seeded";

    private readonly DocumentTable _systems;
    private readonly DocumentTable _meta;

    public SimulatorStore(StateDatabase database)
    {
        _systems = new DocumentTable(database, SystemsTable);
        _meta = new DocumentTable(database, MetaTable);
    }

    public bool IsSeeded() => _meta.LoadAll().Any(d => d.Key == SeededKey);

    public Task MarkSeededAsync(DateTimeOffset at) =>
        _meta.PutAsync(SeededKey, JsonSerializer.Serialize(at, SimulatorJson.Default.DateTimeOffset));

    public Inventory Load() => Inventory.Of(_systems.LoadAll().Select(d =>
    {
        var document = Read(d.Key, d.Value);
        return (document.System, document.Snapshots);
    }));

    public Task PutAsync(VirtualSystem system, SnapshotTree snapshots) => _systems.PutAsync(Entry(system, snapshots));

    /// <summary>Writes every system of an inventory in one transaction (the seed).</summary>
    public Task PutAllAsync(Inventory inventory) =>
        _systems.PutAsync(inventory.ById.Values.Select(s => Entry(s, inventory.SnapshotsOf(s.Id))).ToArray());

    public Task DeleteAsync(Guid id) => _systems.DeleteAsync(Key(id));

    private static KeyValuePair<string, string> Entry(VirtualSystem system, SnapshotTree snapshots) =>
        new(Key(system.Id), JsonSerializer.Serialize(new SystemDocument(system, snapshots), SimulatorJson.Default.SystemDocument));

    private static string Key(Guid id) => id.ToString("D");

    private static SystemDocument Read(string key, string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, SimulatorJson.Default.SystemDocument)
                ?? throw new JsonException("The document is null.");
        }
        catch (JsonException e)
        {
            throw new HypervisorException(HypervisorError.Failed, $"The stored state of system {key} cannot be read: {e.Message}", e);
        }
    }
}
