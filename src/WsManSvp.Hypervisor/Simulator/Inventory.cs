using System.Collections.Immutable;

namespace WsManSvp.Hypervisor.Simulator;

/// <summary>The simulator's systems and their snapshots at one moment: immutable, so readers need no lock.</summary>
internal sealed record Inventory(
    ImmutableSortedDictionary<Guid, VirtualSystem> ById,
    ImmutableDictionary<string, Guid> ByName,
    ImmutableDictionary<Guid, SnapshotTree> Snapshots)
{
    public static readonly Inventory Empty = new(
        ImmutableSortedDictionary<Guid, VirtualSystem>.Empty,
        ImmutableDictionary.Create<string, Guid>(StringComparer.Ordinal),
        ImmutableDictionary<Guid, SnapshotTree>.Empty);

    /// <summary>Builds an inventory at once (start-up with many systems).</summary>
    public static Inventory Of(IEnumerable<(VirtualSystem System, SnapshotTree Snapshots)> entries)
    {
        var byId = ImmutableSortedDictionary.CreateBuilder<Guid, VirtualSystem>();
        var byName = ImmutableDictionary.CreateBuilder<string, Guid>(StringComparer.Ordinal);
        var snapshots = ImmutableDictionary.CreateBuilder<Guid, SnapshotTree>();
        foreach (var (system, tree) in entries)
        {
            byId.Add(system.Id, system);
            byName.Add(system.Definition.Name, system.Id);
            if (tree.Snapshots.Count > 0) snapshots.Add(system.Id, tree);
        }
        return new(byId.ToImmutable(), byName.ToImmutable(), snapshots.ToImmutable());
    }

    public VirtualSystem Require(Guid id) =>
        ById.GetValueOrDefault(id) ?? throw new HypervisorException(HypervisorError.NotFound, $"No system with UUID {id} is defined.");

    public SnapshotTree SnapshotsOf(Guid id) => Snapshots.GetValueOrDefault(id) ?? SnapshotTree.Empty;

    /// <summary>Adds or replaces a system (a replaced one keeps its name: names change only by undefine and define).</summary>
    public Inventory With(VirtualSystem system) =>
        this with { ById = ById.SetItem(system.Id, system), ByName = ByName.SetItem(system.Definition.Name, system.Id) };

    public Inventory With(Guid id, SnapshotTree tree) =>
        this with { Snapshots = tree.Snapshots.Count == 0 ? Snapshots.Remove(id) : Snapshots.SetItem(id, tree) };

    public Inventory Without(VirtualSystem system) =>
        new(ById.Remove(system.Id), ByName.Remove(system.Definition.Name), Snapshots.Remove(system.Id));
}
