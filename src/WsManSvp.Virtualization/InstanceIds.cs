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
    private const string SnapshotSuffix = ":Snapshot:";
    private const string JobPrefix = Prefix + "Job/";
    private const string SnapshotCapabilitiesSuffix = ":SnapshotCapabilities";
    private const string PoolPrefix = Prefix + "Pool/";
    private const string AllocationCapabilitiesPrefix = Prefix + "AllocationCapabilities/";

    public const string ManagementCapabilities = Prefix + "VirtualSystemManagementCapabilities";
    public const string SnapshotServiceCapabilities = Prefix + "VirtualSystemSnapshotServiceCapabilities";

    public static string SystemName(Guid id) => id.ToString("D");

    public static bool TryParseSystemName(string name, out Guid id) => Guid.TryParseExact(name, "D", out id);

    /// <summary>
    /// A configuration's VSSD: "WsManSvp:{uuid}" (Defined), "WsManSvp:{uuid}:State", or
    /// "WsManSvp:{uuid}:Snapshot:{name}" (the snapshot's name with '%', '/' and ':' percent-encoded).
    /// </summary>
    public static string Configuration(Guid id, ConfigurationKind kind, string? snapshot = null) => Prefix + id.ToString("D") + kind switch
    {
        ConfigurationKind.State => StateSuffix,
        ConfigurationKind.Snapshot => SnapshotSuffix + EscapeSnapshotName(snapshot ?? throw new ArgumentNullException(nameof(snapshot))),
        _ => "",
    };

    /// <summary>A resource allocation in a configuration: the configuration's InstanceID, "/", the resource key.</summary>
    public static string ResourceSetting(Guid id, ConfigurationKind kind, string key, string? snapshot = null) =>
        Configuration(id, kind, snapshot) + "/" + key;

    /// <summary>Parses a VSSD (key null) or RASD InstanceID of a virtual system; snapshot is set for a snapshot's.</summary>
    public static bool TryParseSetting(string instanceId, out Guid id, out ConfigurationKind kind, out string? key, out string? snapshot)
    {
        id = default;
        kind = ConfigurationKind.Defined;
        key = null;
        snapshot = null;
        if (!instanceId.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || instanceId.Length < Prefix.Length + 36 ||
            !Guid.TryParseExact(instanceId.AsSpan(Prefix.Length, 36), "D", out id))
            return false;
        var rest = instanceId.AsSpan(Prefix.Length + 36);
        if (rest.StartsWith(StateSuffix, StringComparison.OrdinalIgnoreCase))
        {
            kind = ConfigurationKind.State;
            rest = rest[StateSuffix.Length..];
        }
        else if (rest.StartsWith(SnapshotSuffix, StringComparison.OrdinalIgnoreCase))
        {
            kind = ConfigurationKind.Snapshot;
            rest = rest[SnapshotSuffix.Length..];
            var end = rest.IndexOf('/');
            var name = end < 0 ? rest : rest[..end];
            if (name.IsEmpty || !TryUnescapeSnapshotName(name.ToString(), out snapshot)) return false;
            rest = end < 0 ? [] : rest[end..];
        }
        if (rest.IsEmpty) return true;
        if (rest[0] != '/' || rest.Length == 1) return false;
        key = rest[1..].ToString();
        return true;
    }

    /// <summary>A job: "WsManSvp:Job/{id}".</summary>
    public static string Job(string id) => JobPrefix + id;

    public static bool TryParseJob(string instanceId, out string id)
    {
        id = instanceId.StartsWith(JobPrefix, StringComparison.OrdinalIgnoreCase) ? instanceId[JobPrefix.Length..] : "";
        return Guid.TryParseExact(id, "D", out _);
    }

    private static string EscapeSnapshotName(string name) =>
        name.Replace("%", "%25", StringComparison.Ordinal).Replace("/", "%2F", StringComparison.Ordinal).Replace(":", "%3A", StringComparison.Ordinal);

    private static bool TryUnescapeSnapshotName(string escaped, out string? name)
    {
        name = Uri.UnescapeDataString(escaped);
        return EscapeSnapshotName(name) == escaped; // one spelling per name, so InstanceIDs compare as strings
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
