using WsManSvp.Cim.Model;
using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Model;

/// <summary>The logical devices of active virtual systems (DSP1057, the resource profiles).</summary>
public sealed partial class ModelInstances
{
    private const ushort AvailabilityRunning = 3;

    public CimInstance DeviceInstance(VirtualSystem system, VirtualDevice device)
    {
        var instance = New(device.ClassName)
            .Set("SystemCreationClassName", ModelPaths.ComputerSystem)
            .Set("SystemName", InstanceIds.SystemName(system.Id))
            .Set("CreationClassName", device.ClassName)
            .Set("DeviceID", device.DeviceId)
            .Set("ElementName", device.Resource.ElementName)
            .Set("EnabledState", U16(EnabledStates.EnabledState(system.State)))
            .Set("RequestedState", U16(EnabledStates.NotApplicable))
            .Set("OperationalStatus", U16s(EnabledStates.OperationalOk))
            .Set("HealthState", U16(EnabledStates.HealthOk))
            .Set("Availability", U16(AvailabilityRunning));
        switch (device.ClassName)
        {
            case "CIM_Memory":
                var bytes = device.Resource.Quantity.GetValueOrDefault() << 20;
                instance.Set("BlockSize", U64(1)).Set("NumberOfBlocks", U64(bytes))
                    .Set("ConsumableBlocks", U64(bytes)).Set("Volatile", CimValue.Boolean(true));
                break;
            case "CIM_LogicalDisk":
                instance.Set("Name", device.Resource.Disk!.Path).Set("BlockSize", U64(512))
                    .Set("NumberOfBlocks", U64(device.Resource.Disk.CapacityBytes / 512))
                    .Set("ConsumableBlocks", U64(device.Resource.Disk.CapacityBytes / 512));
                break;
            case "CIM_EthernetPort":
                var mac = device.Resource.Adapter!.MacAddress;
                instance.Set("PermanentAddress", mac.Replace(":", "", StringComparison.Ordinal).ToUpperInvariant())
                    .Set("NetworkAddresses", CimValue.StringArray(mac));
                break;
        }
        return instance;
    }
}
