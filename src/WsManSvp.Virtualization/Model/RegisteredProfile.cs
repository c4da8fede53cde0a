using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Model;

/// <summary>A management profile this service implements, as DSP1033 registers it.</summary>
public sealed record RegisteredProfile(string InstanceId, string Name, string Version, ResourceKind? CentralPools)
{
    // Names as DSP1042 Table 1 spells them where it names the profile (use case 9.2.5 matches on them).
    public static readonly RegisteredProfile SystemVirtualization = new("CIM:DSP1042-SystemVirtualization-1.0.0", "System Virtualization", "1.0.0", null);
    public static readonly RegisteredProfile VirtualSystem = new("CIM:DSP1057-VirtualSystem-1.0.0", "Virtual System", "1.0.0", null);
    public static readonly RegisteredProfile ProfileRegistration = new("CIM:DSP1033-ProfileRegistration-1.0.0", "Profile Registration", "1.0.0", null);
    public static readonly RegisteredProfile ResourceAllocation = new("CIM:DSP1041-ResourceAllocation-1.1.0", "Resource Allocation", "1.1.0", null);
    public static readonly RegisteredProfile AllocationCapabilities = new("CIM:DSP1043-AllocationCapabilities-1.0.0", "Allocation Capabilities", "1.0.0", null);
    public static readonly RegisteredProfile Processor = new("CIM:DSP1044-ProcessorDeviceResourceVirtualization-1.0.0", "Processor Device Resource Virtualization", "1.0.0", ResourceKind.Processor);
    public static readonly RegisteredProfile Memory = new("CIM:DSP1045-MemoryResourceVirtualization-1.0.0", "Memory Resource Virtualization", "1.0.0", ResourceKind.Memory);
    public static readonly RegisteredProfile Storage = new("CIM:DSP1047-StorageResourceVirtualization-1.0.0", "Storage Resource Virtualization", "1.0.0", ResourceKind.Storage);
    public static readonly RegisteredProfile Ethernet = new("CIM:DSP1050-EthernetPortResourceVirtualization-1.0.0", "Ethernet Port Resource Virtualization", "1.0.0", ResourceKind.Network);

    public static IReadOnlyList<RegisteredProfile> All { get; } =
        [SystemVirtualization, VirtualSystem, ProfileRegistration, ResourceAllocation, AllocationCapabilities, Processor, Memory, Storage, Ethernet];

    /// <summary>The resource allocation profiles System Virtualization scopes (DSP1042 7.2.2).</summary>
    public static IReadOnlyList<RegisteredProfile> ScopedResourceProfiles { get; } = [Processor, Memory, Storage, Ethernet];

    public static RegisteredProfile? Find(string instanceId) =>
        All.FirstOrDefault(p => string.Equals(p.InstanceId, instanceId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The resource allocation profile whose central instances are pools of this kind.</summary>
    public static RegisteredProfile ForPools(ResourceKind kind) => ScopedResourceProfiles.First(p => p.CentralPools == kind);
}
