namespace WsManSvp.Hypervisor.Simulator;

/// <summary>
/// The simulated host's pools: processors and memory from the host facts, one storage pool and one network
/// per name the systems use (plus the defaults), with what the systems reserve from each.
/// </summary>
internal static class SimulatedPools
{
    public const long StoragePoolCapacityBytes = 4L << 40;
    public const long NetworkPorts = 4096;

    public static IReadOnlyList<ResourcePoolInfo> Of(HostInfo host, IEnumerable<VirtualSystem> systems)
    {
        long processors = 0, memoryMiB = 0;
        var storage = new SortedDictionary<string, long>(StringComparer.Ordinal) { [ResourcePools.DefaultStoragePool] = 0 };
        var networks = new SortedDictionary<string, long>(StringComparer.Ordinal) { [ResourcePools.DefaultNetwork] = 0 };
        foreach (var system in systems)
        {
            var active = system.State is not (SystemState.Off or SystemState.Saved or SystemState.Crashed);
            if (active)
            {
                processors += system.Definition.VirtualCpus;
                memoryMiB += system.Definition.MemoryMiB;
            }
            foreach (var disk in system.Definition.Disks)
                storage[disk.StoragePool] = storage.GetValueOrDefault(disk.StoragePool) + disk.CapacityBytes;
            foreach (var nic in system.Definition.NetworkAdapters)
                networks[nic.Network] = networks.GetValueOrDefault(nic.Network) + (active ? 1 : 0);
        }
        var pools = new List<ResourcePoolInfo>
        {
            new(ResourceKind.Processor, ResourcePools.HostPool, host.LogicalProcessors, processors),
            new(ResourceKind.Memory, ResourcePools.HostPool, host.MemoryBytes >> 20, memoryMiB),
        };
        pools.AddRange(storage.Select(s => new ResourcePoolInfo(ResourceKind.Storage, s.Key, StoragePoolCapacityBytes, s.Value)
        {
            Location = s.Key == ResourcePools.DefaultStoragePool ? SimulatorSeed.ImageDirectory : $"{SimulatorSeed.ImageDirectory}/{s.Key}",
        }));
        pools.AddRange(networks.Select(n => new ResourcePoolInfo(ResourceKind.Network, n.Key, NetworkPorts, n.Value)));
        return pools;
    }
}
