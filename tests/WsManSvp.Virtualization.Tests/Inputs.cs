using WsManSvp.Cim.Model;

namespace WsManSvp.Virtualization.Tests;

/// <summary>
/// The embedded instances and references tests pass to methods, typed as the CIM layer hands them to
/// providers: instances of the repository's classes (<see cref="CimValue.Instance"/>), object paths
/// (<see cref="CimValue.Reference"/>).
/// </summary>
public static class Inputs
{
    public const string Rasd = "CIM_ResourceAllocationSettingData";
    public const string Sasd = "CIM_StorageAllocationSettingData";
    public const string Epasd = "CIM_EthernetPortAllocationSettingData";
    public const string Vssd = "CIM_VirtualSystemSettingData";

    public static CimInstance Of(string className, params (string Name, CimValue Value)[] values)
    {
        var instance = new CimInstance(Model.Repository.GetClass(className)!);
        foreach (var (name, value) in values) instance.Set(name, value);
        return instance;
    }

    public static CimInstance Processor(ulong count) =>
        Of(Rasd, ("ResourceType", CimValue.UInt16(3)), ("VirtualQuantity", CimValue.UInt64(count)), ("AllocationUnits", CimValue.String("count")));

    /// <summary>A memory request; <paramref name="units"/> null leaves AllocationUnits NULL.</summary>
    public static CimInstance Memory(ulong quantity, string? units = "byte*2^20") =>
        Of(Rasd, ("ResourceType", CimValue.UInt16(4)), ("VirtualQuantity", CimValue.UInt64(quantity)), ("AllocationUnits", CimValue.String(units)));

    /// <summary>A disk image of <paramref name="mebibytes"/> MiB (a storage allocation, ResourceType 31).</summary>
    public static CimInstance Disk(ulong mebibytes) =>
        Of(Sasd, ("ResourceType", CimValue.UInt16(31)), ("VirtualQuantity", CimValue.UInt64(mebibytes)), ("AllocationUnits", CimValue.String("byte*2^20")));

    /// <summary>An Ethernet adapter on a network (a connection, ResourceType 33, naming it).</summary>
    public static CimInstance NetworkConnection(string network) =>
        Of(Epasd, ("ResourceType", CimValue.UInt16(33)), ("Connection", CimValue.StringArray(network)));

    public static CimInstance SystemSettings(string elementName) => Of(Vssd, ("ElementName", CimValue.String(elementName)));

    public static CimValue Instance(CimInstance instance) => CimValue.Instance(instance);

    public static CimValue Instances(params CimInstance[] instances) =>
        CimValue.Array(CimType.Instance, instances.Select(CimValue.Instance).ToArray());

    public static CimValue Reference(CimObjectPath path) => CimValue.Reference(path);

    public static CimValue References(params CimObjectPath[] paths) =>
        CimValue.Array(CimType.Reference, paths.Select(CimValue.Reference).ToArray());

    public static CimValue U16(ushort value) => CimValue.UInt16(value);

    public static CimValue U32(uint value) => CimValue.UInt32(value);

    public static CimValue U64(ulong value) => CimValue.UInt64(value);

    public static CimValue Text(string? value) => CimValue.String(value);
}
