namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>Resource allocation requests a client prepares locally (DSP1042 8.1.1, DSP1041), as embedded instances.</summary>
public static class AllocationRequests
{
    public const string Rasd = "CIM_ResourceAllocationSettingData";
    public const string Sasd = "CIM_StorageAllocationSettingData";
    public const string Epasd = "CIM_EthernetPortAllocationSettingData";

    /// <summary>ResourceType 3: <paramref name="count"/> virtual processors.</summary>
    public static EmbeddedInstance Processors(ulong count) =>
        new(Rasd, ("ResourceType", (ushort)3), ("VirtualQuantity", count), ("AllocationUnits", "count"));

    /// <summary>ResourceType 4: memory in MiB (byte*2^20).</summary>
    public static EmbeddedInstance Memory(ulong mebibytes, string units = "byte*2^20") =>
        new(Rasd, ("ResourceType", (ushort)4), ("VirtualQuantity", mebibytes), ("AllocationUnits", units));

    /// <summary>ResourceType 31: a new disk image of <paramref name="mebibytes"/> MiB from the default storage pool, on a drive the service adds.</summary>
    public static EmbeddedInstance Disk(ulong mebibytes) =>
        new(Sasd, ("ResourceType", (ushort)31), ("VirtualQuantity", mebibytes), ("AllocationUnits", "byte*2^20"));

    /// <summary>ResourceType 33: a connection to a network, on an adapter the service adds.</summary>
    public static EmbeddedInstance Connection(string network) =>
        new(Epasd, ("ResourceType", (ushort)33), ("Connection", new[] { network }));

    /// <summary>The system part of an "Input" configuration (DSP1042 10.22): its name.</summary>
    public static EmbeddedInstance SystemSettings(string elementName) =>
        new("CIM_VirtualSystemSettingData", ("ElementName", elementName));
}
