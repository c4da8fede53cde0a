using System.Diagnostics;
using WsManSvp.Hypervisor.Libvirt.Native;
using WsManSvp.Hypervisor.Libvirt.Xml;

namespace WsManSvp.Hypervisor.Libvirt;

/// <summary>
/// The storage pools' facts for reading domains, kept for <see cref="MaxAge"/> rather than listed (and every
/// pool's XML and info read) on every read. Reads only use a pool's name and target directory, which change
/// when an administrator defines, removes or retargets a pool: rare, and seen here within
/// <see cref="MaxAge"/>. The backend's own pool reads (defining a system, listing the pools) refresh it, and
/// a new connection (a reconnect) never sees the facts of the old one.
/// </summary>
internal sealed class StoragePoolCache
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private Entry? _entry;

    /// <summary>The pools' facts as read at most <see cref="MaxAge"/> ago on this connection (on a worker).</summary>
    public IReadOnlyList<StoragePoolFacts> Facts(ConnectHandle conn)
    {
        var entry = Volatile.Read(ref _entry);
        if (entry is not null && entry.Conn == conn && Stopwatch.GetElapsedTime(entry.ReadAt) < MaxAge) return entry.Facts;
        return Refresh(conn);
    }

    /// <summary>Reads the pools' facts afresh.</summary>
    public IReadOnlyList<StoragePoolFacts> Refresh(ConnectHandle conn) => Remember(conn, StoragePools.Facts(conn));

    /// <summary>Keeps the pools just read by <see cref="StoragePools.List"/> (their handles stay the caller's).</summary>
    public IReadOnlyList<StoragePoolFacts> Remember(ConnectHandle conn, IEnumerable<StoragePool> pools) =>
        Remember(conn, pools.Select(p => p.Facts).ToArray());

    private IReadOnlyList<StoragePoolFacts> Remember(ConnectHandle conn, IReadOnlyList<StoragePoolFacts> facts)
    {
        Volatile.Write(ref _entry, new Entry(conn, facts, Stopwatch.GetTimestamp()));
        return facts;
    }

    private sealed record Entry(ConnectHandle Conn, IReadOnlyList<StoragePoolFacts> Facts, long ReadAt);
}
