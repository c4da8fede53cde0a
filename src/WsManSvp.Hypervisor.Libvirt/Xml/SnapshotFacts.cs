namespace WsManSvp.Hypervisor.Libvirt.Xml;

/// <summary>A domain snapshot as its XML (virDomainSnapshotGetXMLDesc) describes it.</summary>
public sealed record SnapshotFacts(string Name, string? Parent, DateTimeOffset CreationTime, SnapshotKind Kind,
    SystemState State, string? Description, SystemDefinition Definition);
