using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Model;

/// <summary>
/// The resource allocations a definition implies (DSP1041 with DSP1044/1045/1047/1050): a processor and a
/// memory RASD; a controller per bus other than virtio; per disk a drive RASD and a storage allocation for
/// its image; per network adapter an Ethernet adapter RASD and an Ethernet port allocation for its connection;
/// per remote display a graphics controller RASD.
/// </summary>
public static class VirtualResources
{
    public const string ResourceAllocationSettingData = "CIM_ResourceAllocationSettingData";
    public const string StorageAllocationSettingData = "CIM_StorageAllocationSettingData";
    public const string EthernetPortAllocationSettingData = "CIM_EthernetPortAllocationSettingData";

    public const string ProcessorKey = "proc";
    public const string MemoryKey = "mem";

    public static IReadOnlyList<VirtualResource> Of(SystemDefinition definition)
    {
        var resources = new List<VirtualResource>
        {
            new(ProcessorKey, ResourceRole.Processor, ResourceAllocationSettingData, ResourceTypes.Processor, "Processor",
                null, ResourceKind.Processor, ResourcePools.HostPool, definition.VirtualCpus, Units.Count)
            {
                Weight = definition.ProcessorWeight ?? AllocationLimits.DefaultProcessorWeight,
            },
            new(MemoryKey, ResourceRole.Memory, ResourceAllocationSettingData, ResourceTypes.Memory, "Memory",
                null, ResourceKind.Memory, ResourcePools.HostPool, definition.MemoryMiB, Units.MebiBytes),
        };
        foreach (var bus in definition.Disks.Select(d => d.Bus).Where(b => b != DiskBus.Virtio).Distinct().Order())
        {
            resources.Add(new VirtualResource(ControllerKey(bus), ResourceRole.Controller, ResourceAllocationSettingData,
                ControllerType(bus), $"{bus.ToString().ToUpperInvariant()} controller", null, null, null, null, null)
            {
                ResourceSubType = bus.ToString().ToLowerInvariant(),
            });
        }
        foreach (var disk in definition.Disks)
        {
            var parent = disk.Bus == DiskBus.Virtio ? null : ControllerKey(disk.Bus);
            resources.Add(new VirtualResource(disk.Device, ResourceRole.Drive, ResourceAllocationSettingData,
                disk.IsCdrom ? ResourceTypes.CdDrive : ResourceTypes.DiskDrive, disk.IsCdrom ? $"CD drive {disk.Device}" : $"Disk drive {disk.Device}",
                parent, null, null, null, null)
            {
                Disk = disk,
                ResourceSubType = disk.Bus.ToString().ToLowerInvariant(),
                AddressOnParent = parent is null ? null : disk.Device,
            });
            resources.Add(new VirtualResource(MediumKey(disk.Device), ResourceRole.Medium, StorageAllocationSettingData,
                ResourceTypes.LogicalDisk, disk.IsCdrom ? $"CD image {Path.GetFileName(disk.Path)}" : $"Disk image {Path.GetFileName(disk.Path)}",
                disk.Device, ResourceKind.Storage, disk.StoragePool, disk.CapacityBytes, Units.Bytes)
            {
                Disk = disk,
            });
        }
        foreach (var nic in definition.NetworkAdapters)
        {
            resources.Add(new VirtualResource(nic.MacAddress, ResourceRole.NetworkAdapter, ResourceAllocationSettingData,
                ResourceTypes.EthernetAdapter, $"Network adapter {nic.MacAddress}", null, null, null, null, null)
            {
                Adapter = nic,
                ResourceSubType = nic.Model,
            });
            resources.Add(new VirtualResource(ConnectionKey(nic.MacAddress), ResourceRole.NetworkConnection, EthernetPortAllocationSettingData,
                ResourceTypes.EthernetConnection, $"Connection to {nic.Network}", nic.MacAddress, ResourceKind.Network, nic.Network, 1, Units.Count)
            {
                Adapter = nic,
            });
        }
        foreach (var graphics in definition.Graphics)
        {
            // Graphics take nothing a pool could count (ports are chosen by the hypervisor), so they have no pool.
            resources.Add(new VirtualResource(GraphicsKey(graphics.Type), ResourceRole.Graphics, ResourceAllocationSettingData,
                ResourceTypes.GraphicsController, $"{graphics.Type.ToUpperInvariant()} display", null, null, null, null, null)
            {
                Graphics = graphics,
                ResourceSubType = graphics.Type,
            });
        }
        return resources;
    }

    /// <summary>A display is named by its type: a system has at most one of each.</summary>
    public static string GraphicsKey(string type) => type;

    public static string ControllerKey(DiskBus bus) => bus.ToString().ToLowerInvariant() + "0";

    public static string MediumKey(string device) => device + "/image";

    public static string ConnectionKey(string macAddress) => macAddress + "/connection";

    private static ushort ControllerType(DiskBus bus) => bus switch
    {
        DiskBus.Ide => ResourceTypes.IdeController,
        DiskBus.Scsi => ResourceTypes.ParallelScsiHba,
        _ => ResourceTypes.Other,
    };
}
