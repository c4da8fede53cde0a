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
}

public sealed record VirtualDisk(string Device, string Path, long CapacityBytes, bool IsCdrom = false);

public sealed record VirtualNetworkAdapter(string MacAddress, string Network);
