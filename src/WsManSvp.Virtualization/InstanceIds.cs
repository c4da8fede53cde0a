using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization;

/// <summary>
/// How instances are named (docs/MODEL.md). Every name derives from an identity the hypervisor keeps (a
/// system's UUID, a device's name, a pool's name), so names are the same after a restart. InstanceIDs have
/// DSP0004's "OrgID:LocalID" form with OrgID "WsManSvp".
/// </summary>
public static class InstanceIds
{
    public const string OrgId = "WsManSvp";
    private const string Prefix = OrgId + ":";
    private const string StateSuffix = ":State";
    private const string SnapshotCapabilitiesSuffix = ":SnapshotCapabilities";
    private const string PoolPrefix = Prefix + "Pool/";
    private const string AllocationCapabilitiesPrefix = Prefix + "AllocationCapabilities/";

    public const string ManagementCapabilities = Prefix + "VirtualSystemManagementCapabilities";
    public const string SnapshotServiceCapabilities = Prefix + "VirtualSystemSnapshotServiceCapabilities";

    public static string SystemName(Guid id) => id.ToString("D");

    public static bool TryParseSystemName(string name, out Guid id) => Guid.TryParseExact(name, "D", out id);

    /// <summary>A configuration's VSSD: "WsManSvp:{uuid}" (Defined) or "WsManSvp:{uuid}:State".</summary>
    public static string Configuration(Guid id, ConfigurationKind kind) =>
        Prefix + id.ToString("D") + (kind == ConfigurationKind.State ? StateSuffix : "");

    /// <summary>A resource allocation in a configuration: the configuration's InstanceID, "/", the resource key.</summary>
    public static string ResourceSetting(Guid id, ConfigurationKind kind, string key) => Configuration(id, kind) + "/" + key;

    /// <summary>Parses a VSSD (key null) or RASD InstanceID of a virtual system.</summary>
    public static bool TryParseSetting(string instanceId, out Guid id, out ConfigurationKind kind, out string? key)
    {
        id = default;
        kind = ConfigurationKind.Defined;
        key = null;
        if (!instanceId.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || instanceId.Length < Prefix.Length + 36 ||
            !Guid.TryParseExact(instanceId.AsSpan(Prefix.Length, 36), "D", out id))
            return false;
        var rest = instanceId.AsSpan(Prefix.Length + 36);
        if (rest.StartsWith(StateSuffix, StringComparison.OrdinalIgnoreCase))
        {
            kind = ConfigurationKind.State;
            rest = rest[StateSuffix.Length..];
        }
        if (rest.IsEmpty) return true;
        if (rest[0] != '/' || rest.Length == 1) return false;
        key = rest[1..].ToString();
        return true;
    }

    public static string SnapshotCapabilities(Guid id) => Prefix + id.ToString("D") + SnapshotCapabilitiesSuffix;

    public static bool TryParseSnapshotCapabilities(string instanceId, out Guid id)
    {
        id = default;
        return instanceId.EndsWith(SnapshotCapabilitiesSuffix, StringComparison.OrdinalIgnoreCase) &&
               instanceId.Length == Prefix.Length + 36 + SnapshotCapabilitiesSuffix.Length &&
               instanceId.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) &&
               Guid.TryParseExact(instanceId.AsSpan(Prefix.Length, 36), "D", out id);
    }

    /// <summary>A resource pool: "WsManSvp:Pool/{Kind}/{name}"; also its PoolID.</summary>
    public static string Pool(ResourceKind kind, string name) => $"{PoolPrefix}{kind}/{name}";

    public static bool TryParsePool(string instanceId, out ResourceKind kind, out string name) =>
        TryParseKindAndName(instanceId, PoolPrefix, out kind, out name);

    /// <summary>A pool's allocation capabilities: "WsManSvp:AllocationCapabilities/{Kind}/{name}".</summary>
    public static string AllocationCapabilities(ResourceKind kind, string name) => $"{AllocationCapabilitiesPrefix}{kind}/{name}";

    public static bool TryParseAllocationCapabilities(string instanceId, out ResourceKind kind, out string name) =>
        TryParseKindAndName(instanceId, AllocationCapabilitiesPrefix, out kind, out name);

    /// <summary>A setting describing a pool's limits: its capabilities' InstanceID, "/", the role (Minimum, ...).</summary>
    public static string CapabilitySetting(ResourceKind kind, string name, CapabilityRole role) =>
        $"{AllocationCapabilities(kind, name)}/{role}";

    public static bool TryParseCapabilitySetting(string instanceId, out ResourceKind kind, out string name, out CapabilityRole role)
    {
        role = default;
        var slash = instanceId.LastIndexOf('/');
        kind = default;
        name = "";
        return slash > 0 && Enum.TryParse(instanceId[(slash + 1)..], ignoreCase: true, out role) && Enum.IsDefined(role) &&
               TryParseKindAndName(instanceId[..slash], AllocationCapabilitiesPrefix, out kind, out name);
    }

    private static bool TryParseKindAndName(string instanceId, string prefix, out ResourceKind kind, out string name)
    {
        kind = default;
        name = "";
        if (!instanceId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return false;
        var rest = instanceId[prefix.Length..];
        var slash = rest.IndexOf('/');
        if (slash <= 0 || slash == rest.Length - 1 || rest.IndexOf('/', slash + 1) >= 0) return false;
        name = rest[(slash + 1)..];
        return Enum.TryParse(rest[..slash], ignoreCase: true, out kind) && Enum.IsDefined(kind);
    }
}
