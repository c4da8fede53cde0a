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

    /// <summary>The remote displays (libvirt: &lt;graphics&gt;), at most one per type; none by default.</summary>
    public IReadOnlyList<VirtualGraphics> Graphics { get; init; } = [];
}

/// <summary>
/// A disk or CD/DVD drive (libvirt: &lt;disk&gt;): its target device name ("vda"), the image it uses, its size,
/// the bus it hangs on and the storage pool its image comes from.
/// </summary>
public sealed record VirtualDisk(string Device, string Path, long CapacityBytes, DiskBus Bus = DiskBus.Virtio,
    bool IsCdrom = false, string StoragePool = ResourcePools.DefaultStoragePool)
{
    /// <summary>
    /// For a disk being defined whose image does not exist yet: the image it starts as a copy of (DefineSystem
    /// from a reference configuration; libvirt: virStorageVolCreateXMLFrom). A request only: definitions read
    /// back never carry it.
    /// </summary>
    public string? CloneOf { get; init; }
}

/// <summary>The bus a disk is attached to; each bus but virtio implies a controller.</summary>
public enum DiskBus { Virtio, Ide, Scsi, Sata }

/// <summary>A network adapter (libvirt: &lt;interface&gt;) on a network (libvirt network or bridge).</summary>
public sealed record VirtualNetworkAdapter(string MacAddress, string Network, string Model = "virtio");

/// <summary>
/// A remote display (libvirt: &lt;graphics&gt;) of a type the host serves (<see cref="GraphicsTypes"/>), listening
/// on an address (null: the hypervisor's default) and a port (null: one chosen at start, libvirt's autoport).
/// Its password is not part of the definition: it is a secret, not a setting to report.
/// </summary>
public sealed record VirtualGraphics(string Type, string? Listen = null, int? Port = null);

public static class GraphicsTypes
{
    public const string Vnc = "vnc";
    public const string Spice = "spice";

    public static readonly IReadOnlyList<string> All = [Vnc, Spice];
}
