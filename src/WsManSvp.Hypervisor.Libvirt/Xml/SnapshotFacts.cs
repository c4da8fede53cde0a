namespace WsManSvp.Hypervisor.Libvirt.Xml;

/// <summary>
/// A domain snapshot as its XML (virDomainSnapshotGetXMLDesc) describes it. <see cref="Definition"/> is its
/// &lt;domain&gt;: the definition the domain ran with when it was active, else its persistent one.
/// </summary>
public sealed record SnapshotFacts(string Name, string? Parent, DateTimeOffset CreationTime, SnapshotKind Kind,
    SystemState State, string? Description, SystemDefinition Definition)
{
    /// <summary>
    /// The persistent definition of a domain that was active when the snapshot was taken (libvirt's
    /// &lt;inactiveDomain&gt;, which the QEMU driver records); null when the snapshot holds none.
    /// </summary>
    public SystemDefinition? InactiveDefinition { get; init; }
}
