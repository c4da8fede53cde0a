using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Model;

/// <summary>
/// A logical device of an active virtual system (DSP1057), the resource allocation it realizes, and the pool
/// it draws on (for an Ethernet port: its adapter's network, from which the adapter's connection is allocated).
/// </summary>
public sealed record VirtualDevice(string DeviceId, string ClassName, VirtualResource Resource)
{
    public ResourceKind? PoolKind => Resource.Adapter is not null ? ResourceKind.Network : Resource.PoolKind;

    public string? PoolName => Resource.Adapter?.Network ?? Resource.PoolName;
}

/// <summary>
/// The logical devices an active system has: a CIM_Processor per virtual CPU, its CIM_Memory, a
/// CIM_LogicalDisk per disk image, a CIM_CDROMDrive per CD drive, a CIM_EthernetPort per adapter, a
/// CIM_DisplayController per remote display.
/// </summary>
public static class VirtualDevices
{
    /// <summary>The device classes, as the schema spells them (paths may spell them in any case).</summary>
    public static readonly string[] Classes = ["CIM_Processor", "CIM_Memory", "CIM_LogicalDisk", "CIM_CDROMDrive", "CIM_EthernetPort", "CIM_DisplayController"];

    public static IEnumerable<VirtualDevice> Of(SystemDefinition definition, IReadOnlyList<VirtualResource> resources)
    {
        foreach (var resource in resources)
        {
            switch (resource.Role)
            {
                case ResourceRole.Processor:
                    for (var i = 0; i < definition.VirtualCpus; i++) yield return new VirtualDevice($"cpu{i}", "CIM_Processor", resource);
                    break;
                case ResourceRole.Memory:
                    yield return new VirtualDevice(VirtualResources.MemoryKey, "CIM_Memory", resource);
                    break;
                case ResourceRole.Medium when !resource.Disk!.IsCdrom:
                    yield return new VirtualDevice(resource.Disk.Device, "CIM_LogicalDisk", resource);
                    break;
                case ResourceRole.Drive when resource.Disk!.IsCdrom:
                    yield return new VirtualDevice(resource.Disk.Device, "CIM_CDROMDrive", resource);
                    break;
                case ResourceRole.NetworkAdapter:
                    yield return new VirtualDevice(resource.Adapter!.MacAddress, "CIM_EthernetPort", resource);
                    break;
                case ResourceRole.Graphics:
                    yield return new VirtualDevice(resource.Key, "CIM_DisplayController", resource);
                    break;
            }
        }
    }

    /// <summary>Whether a system in this state has instantiated devices and a "State" configuration.</summary>
    public static bool IsActive(SystemState state) =>
        state is SystemState.Running or SystemState.Paused or SystemState.ShuttingDown or SystemState.Starting;
}
