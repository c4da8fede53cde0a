using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Management;

/// <summary>The host and its pools at the time of a request: where allocations may come from, and their limits (DSP1043).</summary>
public sealed record AllocationContext(HostInfo Host, IReadOnlyList<ResourcePoolInfo> Pools)
{
    public ResourcePoolInfo? Pool(ResourceKind kind, string name) => Pools.FirstOrDefault(p => p.Kind == kind && p.Name == name);

    /// <summary>The pool a kind's allocations come from when a request names none.</summary>
    public ResourcePoolInfo DefaultPool(ResourceKind kind) =>
        Pool(kind, kind switch
        {
            ResourceKind.Processor or ResourceKind.Memory => ResourcePools.HostPool,
            ResourceKind.Storage => ResourcePools.DefaultStoragePool,
            _ => ResourcePools.DefaultNetwork,
        }) ?? Pools.First(p => p.Kind == kind);

    /// <summary>The pool a PoolID names (a pool's InstanceID), which must be of <paramref name="kind"/>.</summary>
    public ResourcePoolInfo? PoolById(string poolId, ResourceKind kind) =>
        InstanceIds.TryParsePool(poolId, out var k, out var name) && k == kind ? Pool(kind, name) : null;

    public long Limit(ResourcePoolInfo pool, CapabilityRole role) => AllocationLimits.Of(pool, role);
}
