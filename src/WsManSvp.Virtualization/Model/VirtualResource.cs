using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Model;

/// <summary>What part of a virtual system a resource allocation describes.</summary>
public enum ResourceRole
{
    Processor,
    Memory,
    /// <summary>A disk controller, implied by the drives on its bus.</summary>
    Controller,
    /// <summary>A disk or CD/DVD drive.</summary>
    Drive,
    /// <summary>The image a drive holds (a CIM_StorageAllocationSettingData).</summary>
    Medium,
    NetworkAdapter,
    /// <summary>The adapter's connection to a network (a CIM_EthernetPortAllocationSettingData).</summary>
    NetworkConnection,
    /// <summary>A remote display (vnc, spice).</summary>
    Graphics,
}

/// <summary>
/// One resource allocation of a virtual system: one RASD per configuration. <see cref="Key"/> is unique
/// within the system and stable (it names the device as the hypervisor does), so InstanceIDs are too.
/// </summary>
public sealed record VirtualResource(
    string Key,
    ResourceRole Role,
    string ClassName,
    ushort ResourceType,
    string ElementName,
    string? ParentKey,
    ResourceKind? PoolKind,
    string? PoolName,
    long? Quantity,
    string? QuantityUnits)
{
    /// <summary>The drive or adapter this resource belongs to, when it is a medium or a connection.</summary>
    public VirtualDisk? Disk { get; init; }

    public VirtualNetworkAdapter? Adapter { get; init; }

    public VirtualGraphics? Graphics { get; init; }

    public string? ResourceSubType { get; init; }

    /// <summary>The slot on the parent (AddressOnParent), for drives on a controller.</summary>
    public string? AddressOnParent { get; init; }

    /// <summary>The relative share (Weight), for processors.</summary>
    public int? Weight { get; init; }
}
