using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Model;

/// <summary>
/// Every kind of thing the profiles represent, by identity only. Providers turn paths into elements to know
/// what a request is about, and elements into paths to refer to one another.
/// </summary>
public abstract record ModelElement
{
    public sealed record HostSystem : ModelElement;

    public sealed record VirtualComputerSystem(Guid Id) : ModelElement;

    public sealed record ManagementService : ModelElement;

    public sealed record SnapshotService : ModelElement;

    public sealed record ManagementCapabilities : ModelElement;

    public sealed record SnapshotServiceCapabilities : ModelElement;

    /// <summary>A virtual system's CIM_VirtualSystemSnapshotCapabilities.</summary>
    public sealed record SnapshotCapabilities(Guid Id) : ModelElement;

    /// <summary>A virtual system configuration's CIM_VirtualSystemSettingData; a snapshot names its snapshot.</summary>
    public sealed record Configuration(Guid Id, ConfigurationKind Kind, string? Snapshot = null) : ModelElement;

    /// <summary>A resource allocation (RASD or subclass) in a configuration.</summary>
    public sealed record ResourceSetting(Guid Id, ConfigurationKind Kind, string Key, string? Snapshot = null) : ModelElement
    {
        /// <summary>The configuration the allocation belongs to.</summary>
        public Configuration Owner => new(Id, Kind, Snapshot);
    }

    public sealed record Device(Guid Id, string ClassName, string DeviceId) : ModelElement;

    public sealed record Pool(ResourceKind Kind, string Name) : ModelElement;

    public sealed record PoolCapabilities(ResourceKind Kind, string Name) : ModelElement;

    /// <summary>A setting describing one limit of a pool (DSP1043).</summary>
    public sealed record CapabilitySetting(ResourceKind Kind, string Name, CapabilityRole Role) : ModelElement;

    /// <summary>A CIM_ConcreteJob: an asynchronous task a method started.</summary>
    public sealed record Job(string Id) : ModelElement;

    /// <summary>A CIM_RegisteredProfile in root/interop.</summary>
    public sealed record Profile(RegisteredProfile Registration) : ModelElement;
}
