using System.Globalization;

namespace WsManSvp.Hypervisor.Simulator;

/// <summary>
/// What libvirt's QEMU driver does with domain snapshots, on a system and its snapshot tree: which states
/// can be captured or reverted, how snapshots are named, and how the tree is kept when one is deleted.
/// </summary>
internal static class SnapshotRules
{
    /// <summary>
    /// Takes a snapshot of <paramref name="system"/>. An active system's snapshot captures its
    /// <see cref="VirtualSystem.ActiveDefinition"/> (what runs, whose memory a full snapshot holds), an off
    /// system's its definition.
    /// </summary>
    public static SystemSnapshot Take(VirtualSystem system, SnapshotTree tree, SnapshotKind kind, string? description, DateTimeOffset now)
    {
        if (system.State is not (SystemState.Running or SystemState.Paused or SystemState.Off))
            throw new HypervisorException(HypervisorError.InvalidState,
                $"Cannot take a snapshot of system '{system.Definition.Name}': it is {system.State}.");
        return new SystemSnapshot(NewName(tree, now), system.Id, tree.Current, now, kind, system.State,
            system.ActiveDefinition ?? system.Definition)
        {
            Description = description,
        };
    }

    /// <summary>
    /// The system after reverting to <paramref name="snapshot"/>. A full snapshot brings back its definition
    /// and the state it captured (an active one running its definition); a disk-only one brings back the
    /// definition and leaves an active system running it freshly started, anything else off. A saved
    /// system's memory image is dropped either way. The time of last state change moves only when the
    /// state does.
    /// </summary>
    public static VirtualSystem Revert(VirtualSystem system, SystemSnapshot snapshot, DateTimeOffset now)
    {
        if (system.State is SystemState.Starting or SystemState.ShuttingDown)
            throw new HypervisorException(HypervisorError.InvalidState,
                $"Cannot apply snapshot '{snapshot.Name}' to system '{system.Definition.Name}': it is {system.State}.");
        var state = snapshot.Kind == SnapshotKind.Full
            ? snapshot.State
            : system.State is SystemState.Running or SystemState.Paused ? SystemState.Running : SystemState.Off;
        return system with
        {
            State = state,
            TimeOfLastStateChange = state == system.State ? system.TimeOfLastStateChange : now,
            Definition = snapshot.Definition,
            ActiveDefinition = state is SystemState.Running or SystemState.Paused ? snapshot.Definition : null,
        };
    }

    public static SnapshotTree Add(SnapshotTree tree, SystemSnapshot snapshot) =>
        tree with { Snapshots = [.. tree.Snapshots, snapshot], Current = snapshot.Name };

    public static SnapshotTree Applied(SnapshotTree tree, SystemSnapshot snapshot) =>
        tree with { Current = snapshot.Name, LastApplied = snapshot.Name };

    /// <summary>Removes a snapshot: its children take its parent, and so does the current-snapshot mark.</summary>
    public static SnapshotTree Remove(SnapshotTree tree, SystemSnapshot snapshot) => new(
        tree.Snapshots
            .Where(s => s.Name != snapshot.Name)
            .Select(s => s.Parent == snapshot.Name ? s with { Parent = snapshot.Parent } : s)
            .ToArray(),
        tree.Current == snapshot.Name ? snapshot.Parent : tree.Current,
        tree.LastApplied == snapshot.Name ? null : tree.LastApplied);

    public static SystemSnapshot Require(SnapshotTree tree, VirtualSystem system, string name) =>
        tree.Find(name) ?? throw new HypervisorException(HypervisorError.NotFound,
            $"System '{system.Definition.Name}' has no snapshot named '{name}'.");

    /// <summary>libvirt's default name: the creation time in Unix seconds, made unique with "-2", "-3"...</summary>
    private static string NewName(SnapshotTree tree, DateTimeOffset now)
    {
        var stem = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var name = stem;
        for (var n = 2; tree.Find(name) is not null; n++) name = $"{stem}-{n.ToString(CultureInfo.InvariantCulture)}";
        return name;
    }
}
