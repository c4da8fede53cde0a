using WsManSvp.Cim.Model;
using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Model;

/// <summary>Resource pools and their allocation capabilities (DSP1041, DSP1043).</summary>
public sealed partial class ModelInstances
{
    /// <summary>The ResourceType of a pool kind; the allocations drawn from it have the same type.</summary>
    public static ushort ResourceTypeOf(ResourceKind kind) => kind switch
    {
        ResourceKind.Processor => ResourceTypes.Processor,
        ResourceKind.Memory => ResourceTypes.Memory,
        ResourceKind.Storage => ResourceTypes.LogicalDisk,
        _ => ResourceTypes.EthernetConnection,
    };

    public static string UnitsOf(ResourceKind kind) => kind switch
    {
        ResourceKind.Memory => Units.MebiBytes,
        ResourceKind.Storage => Units.Bytes,
        _ => Units.Count,
    };

    public CimInstance PoolInstance(ResourcePoolInfo pool)
    {
        var id = InstanceIds.Pool(pool.Kind, pool.Name);
        return New(ModelPaths.ResourcePool)
            .Set("InstanceID", id)
            .Set("PoolID", id)
            .Set("ElementName", $"{pool.Kind} pool {pool.Name}")
            .Set("Caption", $"{pool.Kind} pool")
            .Set("Primordial", CimValue.Boolean(true))
            .Set("ResourceType", U16(ResourceTypeOf(pool.Kind)))
            .Set("AllocationUnits", UnitsOf(pool.Kind))
            .Set("Capacity", U64(pool.Capacity))
            .Set("Reserved", U64(pool.Reserved))
            .Set("OperationalStatus", U16s(EnabledStates.OperationalOk))
            .Set("HealthState", U16(EnabledStates.HealthOk));
    }

    public CimInstance PoolCapabilitiesInstance(ResourcePoolInfo pool) => New(ModelPaths.AllocationCapabilitiesClass)
        .Set("InstanceID", InstanceIds.AllocationCapabilities(pool.Kind, pool.Name))
        .Set("ElementName", $"Allocation capabilities of {pool.Kind} pool {pool.Name}")
        .Set("ResourceType", U16(ResourceTypeOf(pool.Kind)))
        .Set("RequestTypesSupported", U16(3)) // General: a request names a quantity, not a particular resource
        // Processors and network ports are shared among systems; memory and disk space are each system's own.
        .Set("SharingMode", U16(pool.Kind is ResourceKind.Processor or ResourceKind.Network ? (ushort)3 : (ushort)2));
}
