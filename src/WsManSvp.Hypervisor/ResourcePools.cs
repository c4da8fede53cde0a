namespace WsManSvp.Hypervisor;

/// <summary>The kinds of resource a host lends to its systems, one pool family each.</summary>
public enum ResourceKind { Processor, Memory, Storage, Network }

/// <summary>
/// One pool of a host's resources (libvirt: node info for processors and memory, a storage pool, a
/// network). Capacity and Reserved count processors, MiB of memory, bytes of storage, and ports of a
/// network; Reserved is what defined or running systems hold now.
/// </summary>
public sealed record ResourcePoolInfo(ResourceKind Kind, string Name, long Capacity, long Reserved)
{
    /// <summary>For a storage pool, the directory new images are made in (libvirt: the pool's target path).</summary>
    public string? Location { get; init; }
}

public static class ResourcePools
{
    /// <summary>The name of the pool processors and memory come from (a host has one of each).</summary>
    public const string HostPool = "host";

    public const string DefaultStoragePool = "default";

    public const string DefaultNetwork = "default";
}
