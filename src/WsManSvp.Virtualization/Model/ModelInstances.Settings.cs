using WsManSvp.Cim.Model;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Providers;

namespace WsManSvp.Virtualization.Model;

/// <summary>Virtual system configurations (VSSD), their resource allocations (RASDs) and the settings describing pool limits.</summary>
public sealed partial class ModelInstances
{
    private const ushort ConsumerVisibilityVirtualized = 3;

    public CimInstance ConfigurationInstance(VirtualSystem system, ConfigurationKind kind, HostInfo host) => New(ModelPaths.VirtualSystemSettingData)
        .Set("InstanceID", InstanceIds.Configuration(system.Id, kind))
        .Set("ElementName", system.Definition.Name)
        .Set("Caption", kind == ConfigurationKind.Defined ? "Defined configuration" : "State configuration")
        .Set("Description", system.Definition.Description)
        .Set("VirtualSystemIdentifier", InstanceIds.SystemName(system.Id))
        .Set("VirtualSystemType", VirtualSystemTypes.For(host));

    public CimInstance ResourceSettingInstance(VirtualSystem system, ConfigurationKind kind, VirtualResource resource)
    {
        var instance = New(resource.ClassName)
            .Set("InstanceID", InstanceIds.ResourceSetting(system.Id, kind, resource.Key))
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
            if (resource.Role is ResourceRole.Memory) instance.Set("Reservation", U64(quantity)).Set("Limit", U64(quantity));
        }
        if (resource.ParentKey is { } parent)
            instance.Set("Parent", ModelPaths.ResourceSettingPath(new ModelElement.ResourceSetting(system.Id, kind, parent)).ToString());
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
        }
        return instance;
    }

    public CimInstance CapabilitySettingInstance(ResourcePoolInfo pool, CapabilityRole role, HostInfo host)
    {
        var units = UnitsOf(pool.Kind);
        return New(ModelPaths.CapabilitySettingClassOf(pool.Kind))
            .Set("InstanceID", InstanceIds.CapabilitySetting(pool.Kind, pool.Name, role))
            .Set("ElementName", $"{role} {pool.Kind} allocation from {pool.Name}")
            .Set("ResourceType", U16(ResourceTypeOf(pool.Kind)))
            .Set("PoolID", InstanceIds.Pool(pool.Kind, pool.Name))
            .Set("VirtualQuantity", U64(AllocationLimits.Of(pool, role)))
            .Set("VirtualQuantityUnits", units)
            .Set("AllocationUnits", units);
    }
}
