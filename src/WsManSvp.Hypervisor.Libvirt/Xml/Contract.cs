// SKELETON (to be replaced by the lvxml branch): the shapes the adapter and the XML mapping agree on.
namespace WsManSvp.Hypervisor.Libvirt.Xml;

/// <summary>What new domains are written for, read from the connection's capabilities XML.</summary>
public sealed record DomainTarget(string DomainType, string Arch, string OsType, string? Machine, string? Emulator);

/// <summary>The host facts libvirt's capabilities XML gives (virConnectGetCapabilities).</summary>
public sealed record HostCapabilities(Guid HostUuid, string CpuModel, DomainTarget Target);

/// <summary>A storage pool as its XML (virStoragePoolGetXMLDesc) describes it.</summary>
public sealed record StoragePoolFacts(string Name, string Type, string? TargetPath, long CapacityBytes, long AllocationBytes);

/// <summary>A domain snapshot as its XML (virDomainSnapshotGetXMLDesc) describes it.</summary>
public sealed record SnapshotFacts(string Name, string? Parent, DateTimeOffset CreationTime, SnapshotKind Kind,
    SystemState State, string? Description, SystemDefinition Definition);

public static class CapabilitiesXml
{
    /// <summary>Host UUID, CPU model and the target for new domains: kvm when the host offers it, else qemu; "test" on the test driver.</summary>
    public static HostCapabilities Read(string capabilitiesXml) => throw new NotImplementedException();
}

public static class DomainXml
{
    /// <summary>
    /// The definition a domain's XML describes. A disk's StoragePool is the pool whose target directory holds
    /// its image; an image in no pool gets pool "" (unpooled). Interfaces on a libvirt network give the
    /// network's name; on a host bridge, "bridge:NAME".
    /// </summary>
    public static SystemDefinition Read(string domainXml, IReadOnlyList<StoragePoolFacts> pools) => throw new NotImplementedException();

    /// <summary>
    /// The domain XML for a definition. With <paramref name="existing"/> (an edit), everything the definition
    /// does not describe (os, features, graphics, consoles, other devices, metadata) is kept as it was.
    /// </summary>
    public static string Write(SystemDefinition definition, DomainTarget target, string? existing) => throw new NotImplementedException();
}

public static class StoragePoolXml
{
    public static StoragePoolFacts Read(string poolXml) => throw new NotImplementedException();

    /// <summary>A new qcow2 volume (virStorageVolCreateXML) named <paramref name="name"/>.</summary>
    public static string NewVolume(string name, long capacityBytes) => throw new NotImplementedException();
}

public static class SnapshotXml
{
    /// <summary>The &lt;domainsnapshot&gt; to create with (libvirt names it when no name is given).</summary>
    public static string Write(string? description, SnapshotKind kind) => throw new NotImplementedException();

    public static SnapshotFacts Read(string snapshotXml, IReadOnlyList<StoragePoolFacts> pools) => throw new NotImplementedException();
}
