namespace WsManSvp.Hypervisor;

/// <summary>The configuration of a virtual system (libvirt: the domain XML).</summary>
public sealed record SystemDefinition(
    string Name,
    int VirtualCpus,
    long MemoryMiB,
    IReadOnlyList<VirtualDisk> Disks,
    IReadOnlyList<VirtualNetworkAdapter> NetworkAdapters)
{
    /// <summary>A free-text description (libvirt: &lt;description&gt;).</summary>
    public string? Description { get; init; }

    /// <summary>The identity to define with; a new one is chosen when null.</summary>
    public Guid? Uuid { get; init; }

    /// <summary>
    /// The system's share of host processor time relative to others (libvirt: &lt;cputune&gt;&lt;shares&gt;);
    /// null leaves the hypervisor's default.
    /// </summary>
    public int? ProcessorWeight { get; init; }
}

/// <summary>
/// A disk or CD/DVD drive (libvirt: &lt;disk&gt;): its target device name ("vda"), the image it uses, its size,
/// the bus it hangs on and the storage pool its image comes from.
/// </summary>
public sealed record VirtualDisk(string Device, string Path, long CapacityBytes, DiskBus Bus = DiskBus.Virtio,
    bool IsCdrom = false, string StoragePool = ResourcePools.DefaultStoragePool);

/// <summary>The bus a disk is attached to; each bus but virtio implies a controller.</summary>
public enum DiskBus { Virtio, Ide, Scsi, Sata }

/// <summary>A network adapter (libvirt: &lt;interface&gt;) on a network (libvirt network or bridge).</summary>
public sealed record VirtualNetworkAdapter(string MacAddress, string Network, string Model = "virtio");
