namespace WsManSvp.Hypervisor;

/// <summary>Facts about the host (libvirt's node info and capabilities).</summary>
public sealed record HostInfo(
    string HostName,
    Guid Uuid,
    string CpuModel,
    int LogicalProcessors,
    long MemoryBytes,
    string HypervisorType,
    string HypervisorVersion)
{
    /// <summary>The kinds of snapshot the host can take; empty when it takes none.</summary>
    public IReadOnlyList<SnapshotKind> SnapshotKinds { get; init; } = [];
}
