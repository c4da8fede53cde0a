namespace WsManSvp.Virtualization;

/// <summary>
/// How instances are named, stable across restarts because they derive from the hypervisor's identities
/// (documented in docs/MODEL.md):
/// virtual system CIM_ComputerSystem.Name = the system's UUID (NameFormat "UUID");
/// its "Defined" CIM_VirtualSystemSettingData.InstanceID = "WsManSvp:{uuid}".
/// </summary>
public static class InstanceIds
{
    public const string OrgId = "WsManSvp";

    public static string SystemName(Guid id) => id.ToString("D");

    public static string DefinedConfiguration(Guid id) => $"{OrgId}:{id:D}";

    public static bool TryParseSystemName(string name, out Guid id) => Guid.TryParseExact(name, "D", out id);

    public static bool TryParseDefinedConfiguration(string instanceId, out Guid id)
    {
        id = default;
        return instanceId.StartsWith(OrgId + ":", StringComparison.OrdinalIgnoreCase) &&
               Guid.TryParseExact(instanceId.AsSpan(OrgId.Length + 1), "D", out id);
    }
}
