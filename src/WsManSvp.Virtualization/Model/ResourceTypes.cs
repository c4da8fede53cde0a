namespace WsManSvp.Virtualization.Model;

/// <summary>CIM_ResourceAllocationSettingData.ResourceType values (CIM schema ValueMap) the model uses.</summary>
public static class ResourceTypes
{
    public const ushort Other = 1;
    public const ushort Processor = 3;
    public const ushort Memory = 4;
    public const ushort IdeController = 5;
    public const ushort ParallelScsiHba = 6;
    public const ushort EthernetAdapter = 10;
    public const ushort CdDrive = 15;
    public const ushort DvdDrive = 16;
    public const ushort DiskDrive = 17;
    public const ushort GraphicsController = 24;
    public const ushort LogicalDisk = 31;
    public const ushort EthernetConnection = 33;
}

/// <summary>Programmatic units (DSP0004 Annex C) for AllocationUnits and VirtualQuantityUnits.</summary>
public static class Units
{
    public const string Count = "count";
    public const string MebiBytes = "byte*2^20";
    public const string Bytes = "byte";
}
