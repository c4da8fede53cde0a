using WsManSvp.Hypervisor.Libvirt.Native;

namespace WsManSvp.Hypervisor.Libvirt;

/// <summary>
/// The host's pools as the simulator shapes them: processors and memory from node info with what active
/// systems run with, one pool per libvirt storage pool (what defined systems' disks in it hold) and one per
/// libvirt network (adapters of active systems on it).
/// </summary>
internal static class LibvirtPools
{
    public const long NetworkPorts = 4096;

    public static IReadOnlyList<ResourcePoolInfo> Of(HostInfo host, IReadOnlyList<VirtualSystem> systems,
        IReadOnlyList<StoragePool> storage, IReadOnlyList<string> networks)
    {
        var running = systems
            .Where(s => Domains.IsActive(s.State))
            .Select(s => s.ActiveDefinition ?? s.Definition)
            .ToArray();
        var pools = new List<ResourcePoolInfo>
        {
            new(ResourceKind.Processor, ResourcePools.HostPool, host.LogicalProcessors, running.Sum(d => (long)d.VirtualCpus)),
            new(ResourceKind.Memory, ResourcePools.HostPool, host.MemoryBytes >> 20, running.Sum(d => d.MemoryMiB)),
        };
        pools.AddRange(storage.OrderBy(p => p.Facts.Name, StringComparer.Ordinal).Select(p => new ResourcePoolInfo(ResourceKind.Storage, p.Facts.Name,
            p.CapacityBytes, systems.SelectMany(s => s.Definition.Disks).Where(d => d.StoragePool == p.Facts.Name).Sum(d => d.CapacityBytes))
        {
            Location = p.Facts.TargetPath,
        }));
        pools.AddRange(networks.Order(StringComparer.Ordinal).Select(n => new ResourcePoolInfo(ResourceKind.Network, n, NetworkPorts,
            running.SelectMany(d => d.NetworkAdapters).Count(a => a.Network == n))));
        return pools;
    }

    public static string[] NetworkNames(ConnectHandle conn)
    {
        var count = LibvirtErrors.Check(Virt.ConnectListAllNetworks(conn, out var array, 0), "Listing the networks");
        var networks = LibvirtHandle.TakeArray<NetworkHandle>(array, count);
        try
        {
            return networks.Select(n => System.Runtime.InteropServices.Marshal.PtrToStringUTF8(Virt.NetworkGetName(n))
                ?? throw LibvirtErrors.Last("Reading a network's name")).ToArray();
        }
        finally
        {
            foreach (var network in networks) network.Dispose();
        }
    }
}
