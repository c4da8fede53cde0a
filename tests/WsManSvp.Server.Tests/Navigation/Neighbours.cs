using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Navigation;

/// <summary>
/// Instances described as "Class key" (InstanceID, else DeviceID, else Name) so that sets of them compare
/// and read well, and the model's fixed instances as docs/MODEL.md lists them.
/// </summary>
public static class Neighbours
{
    public const string SystemVirtualization = "CIM:DSP1042-SystemVirtualization-1.0.0";
    public const string VirtualSystem = "CIM:DSP1057-VirtualSystem-1.0.0";

    /// <summary>Every primordial pool of the seeded simulator, as (kind, name).</summary>
    public static readonly (string Kind, string Name)[] Pools =
        [("Processor", "host"), ("Memory", "host"), ("Storage", "default"), ("Network", "default"), ("Network", "storage-net")];

    /// <summary>The pool of each kind a new allocation draws from by default.</summary>
    public static readonly string[] DefaultPools = ["Processor/host", "Memory/host", "Storage/default", "Network/default"];

    public static readonly string[] Profiles =
    [
        SystemVirtualization, VirtualSystem, "CIM:DSP1033-ProfileRegistration-1.0.0", "CIM:DSP1041-ResourceAllocation-1.1.0",
        "CIM:DSP1043-AllocationCapabilities-1.0.0", "CIM:DSP1044-ProcessorDeviceResourceVirtualization-1.0.0",
        "CIM:DSP1045-MemoryResourceVirtualization-1.0.0", "CIM:DSP1047-StorageResourceVirtualization-1.0.0",
        "CIM:DSP1050-EthernetPortResourceVirtualization-1.0.0",
    ];

    public static string Of(Epr epr) => $"{epr.ClassName} {Key(epr.Selector)}";

    public static string Of(XElement instance) => $"{instance.Name.LocalName} {Key(name => NonNull(instance, name))}";

    /// <summary>Descriptions sorted, for comparing as sets that may repeat.</summary>
    public static string[] Sorted(IEnumerable<string> descriptions) => descriptions.Order(StringComparer.Ordinal).ToArray();

    public static string[] Sorted(IEnumerable<Epr> eprs) => Sorted(eprs.Select(Of));

    public static string[] Sorted(IEnumerable<XElement> instances) => Sorted(instances.Select(Of));

    /// <summary>What the host is associated with (MODEL.md, Associations), given the virtual systems' UUIDs.</summary>
    public static string[] OfHost(IEnumerable<string> systems) => Sorted(
    [
        .. systems.Select(uuid => "CIM_ComputerSystem " + uuid),
        "CIM_VirtualSystemManagementService VirtualSystemManagementService",
        "CIM_VirtualSystemSnapshotService VirtualSystemSnapshotService",
        .. Pools.Select(p => $"CIM_ResourcePool WsManSvp:Pool/{p.Kind}/{p.Name}"),
        "CIM_VirtualSystemManagementCapabilities WsManSvp:VirtualSystemManagementCapabilities",
        .. DefaultPools.Select(p => "CIM_AllocationCapabilities WsManSvp:AllocationCapabilities/" + p),
        "CIM_RegisteredProfile " + SystemVirtualization,
    ]);

    private static string? NonNull(XElement instance, string property) =>
        instance.Elements(instance.Name.Namespace + property).FirstOrDefault(e => (string?)e.Attribute(Ns.Xsi + "nil") != "true")?.Value;

    private static string? Key(Func<string, string?> value) => value("InstanceID") ?? value("DeviceID") ?? value("Name");
}
