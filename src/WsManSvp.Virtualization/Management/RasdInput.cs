using System.Numerics;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Xml;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Management;

/// <summary>
/// One resource allocation a client sent (an embedded CIM_ResourceAllocationSettingData or subclass), read
/// property by property; every rejection names it (<see cref="Label"/>, e.g. "ResourceSettings[2]").
/// </summary>
public sealed class RasdInput(CimInstance instance, string label)
{
    public CimInstance Instance { get; } = instance;

    public string Label { get; } = label;

    /// <summary>ResourceType, or what the class implies (31 for a storage allocation, 33 for an Ethernet port one).</summary>
    public ushort? ResourceType =>
        UInt("ResourceType") is { } type ? (ushort)type
        : Instance.Class.IsA(VirtualResources.StorageAllocationSettingData) ? ResourceTypes.LogicalDisk
        : Instance.Class.IsA(VirtualResources.EthernetPortAllocationSettingData) ? ResourceTypes.EthernetConnection
        : null;

    public string? InstanceId => String("InstanceID");

    /// <summary>A property's value, or null when the class lacks it or it is NULL.</summary>
    public CimValue? Value(string name) =>
        Instance.Class.GetProperty(name) is { } p && Instance[p] is { IsNull: false } value ? value : null;

    public string? String(string name) => Value(name) is { IsArray: false, Type: CimType.String } v ? v.AsString() : null;

    /// <summary>The first element of a string array property (HostResource[0], Connection[0]).</summary>
    public string? FirstString(string name) => Value(name) is { IsArray: true } v && v.AsArray().Length > 0 ? v.AsArray()[0].AsString() : null;

    public ulong? UInt(string name) => Value(name) is { IsArray: false } v && v.Type.IsInteger() ? (ulong)v.AsInt128() : null;

    /// <summary>
    /// A quantity in the pool's base unit (bytes, or a count): VirtualQuantity in VirtualQuantityUnits (else
    /// AllocationUnits), Reservation and Limit in AllocationUnits; null when not given.
    /// </summary>
    public BigInteger? Quantity(string property, ResourceKind kind)
    {
        if (UInt(property) is not { } value) return null;
        var units = property == "VirtualQuantity" ? String("VirtualQuantityUnits") ?? String("AllocationUnits") : String("AllocationUnits");
        if (!AllocationUnits.TryParse(units, kind, out var multiplier))
            throw Invalid($"'{units}' is not a unit for {kind.ToString().ToLowerInvariant()} allocations" +
                          (kind is ResourceKind.Memory or ResourceKind.Storage ? " (use byte*2^20, MegaBytes, GigaBytes ...)." : " (use count)."));
        return value * multiplier;
    }

    /// <summary>The InstanceID a Parent names: Parent holds an object path (as we write it) or the InstanceID itself.</summary>
    public string? ParentInstanceId(Cim.Schema.CimClassRepository repository)
    {
        if (String("Parent") is not { } parent) return null;
        return CimObjectPathParser.TryParse(parent, repository, CimNamespaces.Cimv2, out var path, out _) && path!.StringKey("InstanceID") is { } id
            ? id : parent;
    }

    public RequestRejected Invalid(string message) => new(MethodCodes.InvalidParameter, $"{Label}: {message}");
}
