namespace WsManSvp.Hypervisor;

/// <summary>What a snapshot captures (DSP1042 SnapshotType: 2 Full, 3 Disk).</summary>
public enum SnapshotKind
{
    /// <summary>Definition, disks and, for an active system, memory and device state.</summary>
    Full,
    /// <summary>Definition and disks only (libvirt: a disk-only snapshot).</summary>
    DiskOnly,
}

/// <summary>
/// A snapshot of a virtual system (libvirt: a domain snapshot): its name (unique among the system's
/// snapshots), its parent (the snapshot that was current when it was taken), what it captured and when.
/// </summary>
public sealed record SystemSnapshot(
    string Name,
    Guid SystemId,
    string? Parent,
    DateTimeOffset CreationTime,
    SnapshotKind Kind,
    SystemState State,
    SystemDefinition Definition)
{
    /// <summary>A free-text description given when it was taken.</summary>
    public string? Description { get; init; }
}

/// <summary>
/// A system's snapshots, oldest first, with the current one (libvirt's current snapshot: the one most
/// recently taken or reverted to, the parent of the next) and the one last applied (null when none was,
/// or it has been deleted since).
/// </summary>
public sealed record SnapshotTree(IReadOnlyList<SystemSnapshot> Snapshots, string? Current, string? LastApplied)
{
    public static readonly SnapshotTree Empty = new([], null, null);

    public SystemSnapshot? Find(string name) => Snapshots.FirstOrDefault(s => s.Name == name);
}
