using WsManSvp.Cim.Model;
using WsManSvp.Hypervisor;
using static WsManSvp.Virtualization.Model.ModelElement;

namespace WsManSvp.Virtualization.Model;

/// <summary>
/// Object paths of model elements, and the elements paths name. The host's name is needed both ways: it is
/// the host system's Name and the SystemName key of everything the host hosts.
/// </summary>
public sealed class ModelPaths(string hostName)
{
    public const string ComputerSystem = "CIM_ComputerSystem";
    public const string ManagementServiceClass = "CIM_VirtualSystemManagementService";
    public const string SnapshotServiceClass = "CIM_VirtualSystemSnapshotService";
    public const string ManagementServiceName = "VirtualSystemManagementService";
    public const string SnapshotServiceName = "VirtualSystemSnapshotService";
    public const string VirtualSystemSettingData = "CIM_VirtualSystemSettingData";
    public const string ResourcePool = "CIM_ResourcePool";
    public const string AllocationCapabilitiesClass = "CIM_AllocationCapabilities";
    public const string ManagementCapabilitiesClass = "CIM_VirtualSystemManagementCapabilities";
    public const string SnapshotServiceCapabilitiesClass = "CIM_VirtualSystemSnapshotServiceCapabilities";
    public const string SnapshotCapabilitiesClass = "CIM_VirtualSystemSnapshotCapabilities";
    public const string RegisteredProfileClass = "CIM_RegisteredProfile";
    public const string ConcreteJobClass = "CIM_ConcreteJob";

    public string HostName { get; } = hostName;

    public CimObjectPath Of(ModelElement element) => element switch
    {
        HostSystem => System(ComputerSystem, HostName),
        VirtualComputerSystem s => System(ComputerSystem, InstanceIds.SystemName(s.Id)),
        ManagementService => Service(ManagementServiceClass, ManagementServiceName),
        SnapshotService => Service(SnapshotServiceClass, SnapshotServiceName),
        ManagementCapabilities => Instance(ManagementCapabilitiesClass, InstanceIds.ManagementCapabilities),
        SnapshotServiceCapabilities => Instance(SnapshotServiceCapabilitiesClass, InstanceIds.SnapshotServiceCapabilities),
        SnapshotCapabilities c => Instance(SnapshotCapabilitiesClass, InstanceIds.SnapshotCapabilities(c.Id)),
        Configuration c => Instance(VirtualSystemSettingData, InstanceIds.Configuration(c.Id, c.Kind, c.Snapshot)),
        ResourceSetting r => ResourceSettingPath(r),
        Device d => new CimObjectPath(CimNamespaces.Cimv2, d.ClassName,
        [
            Key("SystemCreationClassName", ComputerSystem), Key("SystemName", InstanceIds.SystemName(d.Id)),
            Key("CreationClassName", d.ClassName), Key("DeviceID", d.DeviceId),
        ]),
        Pool p => Instance(ResourcePool, InstanceIds.Pool(p.Kind, p.Name)),
        PoolCapabilities p => Instance(AllocationCapabilitiesClass, InstanceIds.AllocationCapabilities(p.Kind, p.Name)),
        CapabilitySetting c => Instance(CapabilitySettingClassOf(c.Kind), InstanceIds.CapabilitySetting(c.Kind, c.Name, c.Role)),
        Job j => Instance(ConcreteJobClass, InstanceIds.Job(j.Id)),
        Profile p => new CimObjectPath(CimNamespaces.Interop, RegisteredProfileClass, [Key("InstanceID", p.Registration.InstanceId)]),
        _ => throw new ArgumentOutOfRangeException(nameof(element), element, null),
    };

    /// <summary>The element a path names, or null when it names none of the model's (its existence is not checked).</summary>
    public ModelElement? Parse(CimObjectPath path)
    {
        var ns = path.Namespace;
        if (string.Equals(path.ClassName, RegisteredProfileClass, StringComparison.OrdinalIgnoreCase))
            return ns == CimNamespaces.Interop && path.StringKey("InstanceID") is { } id && RegisteredProfile.Find(id) is { } profile
                ? new Profile(profile) : null;
        if (ns != CimNamespaces.Cimv2) return null;
        if (path.StringKey("InstanceID") is { } instanceId) return ParseInstanceId(path.ClassName, instanceId);
        if (path.StringKey("DeviceID") is { } deviceId)
        {
            var deviceClass = VirtualDevices.Classes.FirstOrDefault(c => SameName(c, path.ClassName));
            return deviceClass is not null && SameName(path.StringKey("SystemCreationClassName"), ComputerSystem) &&
                   InstanceIds.TryParseSystemName(path.StringKey("SystemName") ?? "", out var systemId) &&
                   SameName(path.StringKey("CreationClassName"), deviceClass)
                ? new Device(systemId, deviceClass, deviceId) : null;
        }
        if (path.StringKey("SystemName") is { } systemName)
        {
            if (!SameName(systemName, HostName) || !SameName(path.StringKey("SystemCreationClassName"), ComputerSystem)) return null;
            var creation = path.StringKey("CreationClassName");
            var name = path.StringKey("Name");
            if (SameName(creation, ManagementServiceClass) && SameName(name, ManagementServiceName)) return new ManagementService();
            if (SameName(creation, SnapshotServiceClass) && SameName(name, SnapshotServiceName)) return new SnapshotService();
            return null;
        }
        if (SameName(path.StringKey("CreationClassName"), ComputerSystem) && path.StringKey("Name") is { } systemKey)
        {
            if (SameName(systemKey, HostName)) return new HostSystem();
            return InstanceIds.TryParseSystemName(systemKey, out var id) ? new VirtualComputerSystem(id) : null;
        }
        return null;
    }

    private static ModelElement? ParseInstanceId(string className, string instanceId)
    {
        if (SameName(instanceId, InstanceIds.ManagementCapabilities)) return new ManagementCapabilities();
        if (SameName(instanceId, InstanceIds.SnapshotServiceCapabilities)) return new SnapshotServiceCapabilities();
        if (InstanceIds.TryParseSnapshotCapabilities(instanceId, out var snapshotOf)) return new SnapshotCapabilities(snapshotOf);
        if (InstanceIds.TryParsePool(instanceId, out var poolKind, out var poolName)) return new Pool(poolKind, poolName);
        if (InstanceIds.TryParseAllocationCapabilities(instanceId, out var capsKind, out var capsName)) return new PoolCapabilities(capsKind, capsName);
        if (InstanceIds.TryParseCapabilitySetting(instanceId, out var settingKind, out var settingName, out var role))
            return new CapabilitySetting(settingKind, settingName, role);
        if (InstanceIds.TryParseJob(instanceId, out var jobId)) return new Job(jobId);
        if (InstanceIds.TryParseSetting(instanceId, out var id, out var kind, out var key, out var snapshot))
            return key is null ? new Configuration(id, kind, snapshot) : new ResourceSetting(id, kind, key, snapshot);
        return null;
    }

    /// <summary>A resource allocation's path; it does not depend on the host.</summary>
    public static CimObjectPath ResourceSettingPath(ResourceSetting setting) =>
        Instance(SettingClassOf(setting.Key), InstanceIds.ResourceSetting(setting.Id, setting.Kind, setting.Key, setting.Snapshot));

    /// <summary>The class of a resource allocation, from its key (see <see cref="VirtualResources"/>).</summary>
    public static string SettingClassOf(string key) =>
        key.EndsWith("/image", StringComparison.Ordinal) ? VirtualResources.StorageAllocationSettingData
        : key.EndsWith("/connection", StringComparison.Ordinal) ? VirtualResources.EthernetPortAllocationSettingData
        : VirtualResources.ResourceAllocationSettingData;

    public static string CapabilitySettingClassOf(ResourceKind kind) => kind switch
    {
        ResourceKind.Storage => VirtualResources.StorageAllocationSettingData,
        ResourceKind.Network => VirtualResources.EthernetPortAllocationSettingData,
        _ => VirtualResources.ResourceAllocationSettingData,
    };

    private CimObjectPath System(string className, string name) =>
        new(CimNamespaces.Cimv2, className, [Key("CreationClassName", className), Key("Name", name)]);

    private CimObjectPath Service(string className, string name) => new(CimNamespaces.Cimv2, className,
    [
        Key("SystemCreationClassName", ComputerSystem), Key("SystemName", HostName),
        Key("CreationClassName", className), Key("Name", name),
    ]);

    private static CimObjectPath Instance(string className, string instanceId) =>
        new(CimNamespaces.Cimv2, className, [Key("InstanceID", instanceId)]);

    private static CimKeyBinding Key(string name, string value) => new(name, CimValue.String(value));

    private static bool SameName(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
