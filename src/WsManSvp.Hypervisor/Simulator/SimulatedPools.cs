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
            // An active system holds what it runs with, which differs from its definition once that is edited.
            var running = system.State is SystemState.Off or SystemState.Saved or SystemState.Crashed ? null : system.ActiveDefinition ?? system.Definition;
            if (running is not null)
            {
                processors += running.VirtualCpus;
                memoryMiB += running.MemoryMiB;
            }
            foreach (var disk in system.Definition.Disks)
                storage[disk.StoragePool] = storage.GetValueOrDefault(disk.StoragePool) + disk.CapacityBytes;
            foreach (var nic in system.Definition.NetworkAdapters)
                networks[nic.Network] = networks.GetValueOrDefault(nic.Network);
            foreach (var nic in running?.NetworkAdapters ?? [])
                networks[nic.Network] = networks.GetValueOrDefault(nic.Network) + 1;
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
