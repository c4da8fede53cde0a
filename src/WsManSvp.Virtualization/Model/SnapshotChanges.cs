using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Model;

/// <summary>A snapshot the service took (Created) or deleted, with its system.</summary>
public sealed record SnapshotChange(VirtualSystem System, SystemSnapshot Snapshot, bool Created);

/// <summary>
/// The snapshots the service takes and deletes, announced as each is done: the hypervisor contract has no
/// snapshot events (libvirt raises none), so the snapshot methods announce their own.
/// </summary>
public sealed class SnapshotChanges
{
    /// <summary>Handlers run on the thread that made the change and must neither block nor throw.</summary>
    public event Action<SnapshotChange>? Changed;

    public void Taken(VirtualSystem system, SystemSnapshot snapshot) => Changed?.Invoke(new SnapshotChange(system, snapshot, Created: true));

    public void Deleted(VirtualSystem system, SystemSnapshot snapshot) => Changed?.Invoke(new SnapshotChange(system, snapshot, Created: false));
}
