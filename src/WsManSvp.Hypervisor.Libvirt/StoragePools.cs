using WsManSvp.Hypervisor.Libvirt.Native;
using WsManSvp.Hypervisor.Libvirt.Xml;

namespace WsManSvp.Hypervisor.Libvirt;

/// <summary>A libvirt storage pool with what its XML and info say.</summary>
internal sealed record StoragePool(StoragePoolHandle Handle, StoragePoolFacts Facts, long CapacityBytes);

/// <summary>Synchronous storage calls (made on a worker thread).</summary>
internal static class StoragePools
{
    /// <summary>The host's storage pools; the caller disposes their handles.</summary>
    public static StoragePool[] List(ConnectHandle conn)
    {
        var count = LibvirtErrors.Check(Virt.ConnectListAllStoragePools(conn, out var array, 0), "Listing the storage pools");
        var handles = LibvirtHandle.TakeArray<StoragePoolHandle>(array, count);
        try
        {
            return handles.Select(handle =>
            {
                var facts = StoragePoolXml.Read(LibC.TakeString(Virt.StoragePoolGetXmlDesc(handle, 0)) ?? throw LibvirtErrors.Last("Reading a storage pool"));
                LibvirtErrors.Check(Virt.StoragePoolGetInfo(handle, out var info), $"Reading storage pool '{facts.Name}'");
                return new StoragePool(handle, facts, (long)info.Capacity);
            }).ToArray();
        }
        catch
        {
            foreach (var handle in handles) handle.Dispose();
            throw;
        }
    }

    public static IReadOnlyList<StoragePoolFacts> Facts(ConnectHandle conn)
    {
        var pools = List(conn);
        foreach (var pool in pools) pool.Handle.Dispose();
        return pools.Select(p => p.Facts).ToArray();
    }

    /// <summary>The capacity of the volume at <paramref name="path"/>; 0 when no pool knows the image.</summary>
    public static long Capacity(ConnectHandle conn, string path)
    {
        using var volume = Virt.StorageVolLookupByPath(conn, path);
        if (volume.IsInvalid || Virt.StorageVolGetInfo(volume, out var info) < 0)
        {
            Virt.ResetLastError();
            return 0;
        }
        return (long)info.Capacity;
    }

    /// <summary>
    /// Creates a qcow2 volume for every disk whose image does not exist yet in the pool whose target is the
    /// image's directory — a copy of <see cref="VirtualDisk.CloneOf"/> when the disk names one, else empty;
    /// returns the volumes made, for <see cref="Delete"/> to undo them.
    /// </summary>
    public static List<StorageVolHandle> CreateMissing(ConnectHandle conn, IReadOnlyList<StoragePool> pools, IEnumerable<VirtualDisk> disks)
    {
        var created = new List<StorageVolHandle>();
        try
        {
            foreach (var disk in disks.Where(d => !d.IsCdrom))
            {
                var directory = Path.GetDirectoryName(disk.Path);
                var pool = pools.FirstOrDefault(p => p.Facts.TargetPath is { } target && Path.TrimEndingDirectorySeparator(target) == directory);
                if (pool is null) continue;
                var name = Path.GetFileName(disk.Path);
                using (var existing = Virt.StorageVolLookupByName(pool.Handle, name))
                {
                    if (!existing.IsInvalid) continue;
                    if (!LibvirtErrors.LastIsNotFound()) throw LibvirtErrors.Last($"Looking up image {disk.Path}");
                    Virt.ResetLastError();
                }
                var xml = StoragePoolXml.NewVolume(name, disk.CapacityBytes);
                if (disk.CloneOf is { } source)
                {
                    using var original = Virt.StorageVolLookupByPath(conn, source);
                    if (original.IsInvalid)
                    {
                        Virt.ResetLastError();
                        throw new HypervisorException(HypervisorError.InvalidArgument,
                            $"Cannot copy image {source} to {disk.Path}: no storage pool holds it.");
                    }
                    created.Add(LibvirtErrors.Check(Virt.StorageVolCreateXmlFrom(pool.Handle, xml, original, 0),
                        $"Copying image {source} to {disk.Path} in storage pool '{pool.Facts.Name}'"));
                    continue;
                }
                created.Add(LibvirtErrors.Check(Virt.StorageVolCreateXml(pool.Handle, xml, 0),
                    $"Creating image {disk.Path} in storage pool '{pool.Facts.Name}'"));
            }
            return created;
        }
        catch
        {
            Delete(created);
            throw;
        }
    }

    /// <summary>Deletes volumes made for a definition that failed; a failure here leaves an orphan image, nothing worse.</summary>
    public static void Delete(List<StorageVolHandle> volumes)
    {
        foreach (var volume in volumes)
        {
            if (Virt.StorageVolDelete(volume, 0) < 0) Virt.ResetLastError();
            volume.Dispose();
        }
    }
}
