using WsManSvp.Cim.Model;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Providers;

namespace WsManSvp.Virtualization.Model;

/// <summary>Virtual system configurations (VSSD), their resource allocations (RASDs) and the settings describing pool limits.</summary>
public sealed partial class ModelInstances
{
    private const ushort ConsumerVisibilityVirtualized = 3;

    /// <summary>A configuration's VSSD; a snapshot's carries its creation time and, per DSP1042 Table 43, no file locations.</summary>
    public CimInstance ConfigurationInstance(SystemConfiguration configuration, HostInfo host)
    {
        var snapshot = configuration.Snapshot;
        var instance = New(ModelPaths.VirtualSystemSettingData)
            .Set("InstanceID", InstanceIds.Configuration(configuration.System.Id, configuration.Kind, snapshot?.Name))
            .Set("ElementName", snapshot is null ? configuration.Definition.Name : snapshot.Description ?? $"{configuration.Definition.Name} snapshot {snapshot.Name}")
            .Set("Caption", configuration.Kind switch
            {
                ConfigurationKind.Defined => "Defined configuration",
                ConfigurationKind.State => "State configuration",
                _ => snapshot!.Kind == SnapshotKind.Full ? "Full snapshot" : "Disk snapshot",
            })
            .Set("Description", configuration.Definition.Description)
            .Set("VirtualSystemIdentifier", InstanceIds.SystemName(configuration.System.Id))
            .Set("VirtualSystemType", VirtualSystemTypes.For(host));
        if (snapshot is not null) instance.Set("CreationTime", CimValue.DateTime(snapshot.CreationTime));
        return instance;
    }

    public CimInstance ResourceSettingInstance(SystemConfiguration configuration, VirtualResource resource)
    {
        var instance = New(resource.ClassName)
            .Set("InstanceID", InstanceIds.ResourceSetting(configuration.System.Id, configuration.Kind, resource.Key, configuration.Element.Snapshot))
            .Set("ElementName", resource.ElementName)
            .Set("ResourceType", U16(resource.ResourceType))
            .Set("ResourceSubType", resource.ResourceSubType)
            .Set("ConsumerVisibility", U16(ConsumerVisibilityVirtualized));
        if (resource.ResourceType == ResourceTypes.Other) instance.Set("OtherResourceType", resource.ElementName);
        if (resource.PoolKind is { } poolKind) instance.Set("PoolID", InstanceIds.Pool(poolKind, resource.PoolName!));
        if (resource.Quantity is { } quantity)
        {
            instance.Set("VirtualQuantity", U64(quantity))
                .Set("VirtualQuantityUnits", resource.QuantityUnits)
                .Set("AllocationUnits", resource.QuantityUnits);
            // Allocations are static: what is allocated is reserved, and is also the limit.
            if (resource.Role is ResourceRole.Memory or ResourceRole.Processor) instance.Set("Reservation", U64(quantity)).Set("Limit", U64(quantity));
        }
        if (resource.Weight is { } weight) instance.Set("Weight", CimValue.UInt32((uint)weight));
        if (resource.ParentKey is { } parent)
            instance.Set("Parent", ModelPaths.ResourceSettingPath(configuration.SettingOf(resource) with { Key = parent }).ToString());
        instance.Set("AddressOnParent", resource.AddressOnParent);
        switch (resource.Role)
        {
            case ResourceRole.Medium:
                instance.Set("HostResource", CimValue.StringArray(resource.Disk!.Path));
                break;
            case ResourceRole.NetworkAdapter:
                instance.Set("Address", resource.Adapter!.MacAddress);
                break;
            case ResourceRole.NetworkConnection:
                instance.Set("Connection", CimValue.StringArray(resource.Adapter!.Network))
                    .Set("HostResource", CimValue.StringArray(resource.Adapter.Network));
                break;
            case ResourceRole.Graphics:
                instance.Set("Address", GraphicsAddress.Format(resource.Graphics!.Listen, resource.Graphics.Port));
                break;
        }
        return instance;
    }

    /// <summary>
    /// One limit of a pool's allocations (DSP1043): VirtualQuantity, and for processors and memory the
    /// Reservation and Limit that go with it (allocations are static: reserved in full and limited to their
    /// quantity), and for processors the Weight.
    /// </summary>
    public CimInstance CapabilitySettingInstance(ResourcePoolInfo pool, CapabilityRole role, HostInfo host)
    {
        var units = UnitsOf(pool.Kind);
        var quantity = AllocationLimits.Of(pool, role);
        var instance = New(ModelPaths.CapabilitySettingClassOf(pool.Kind))
            .Set("InstanceID", InstanceIds.CapabilitySetting(pool.Kind, pool.Name, role))
            .Set("ElementName", $"{role} {pool.Kind} allocation from {pool.Name}")
            .Set("ResourceType", U16(ResourceTypeOf(pool.Kind)))
            .Set("PoolID", InstanceIds.Pool(pool.Kind, pool.Name))
            .Set("VirtualQuantity", U64(quantity))
            .Set("VirtualQuantityUnits", units)
            .Set("AllocationUnits", units);
        if (pool.Kind is ResourceKind.Processor or ResourceKind.Memory)
            instance.Set("Reservation", U64(quantity)).Set("Limit", U64(quantity));
        if (AllocationLimits.WeightOf(pool, role) is { } weight) instance.Set("Weight", CimValue.UInt32((uint)weight));
        return instance;
    }
}
