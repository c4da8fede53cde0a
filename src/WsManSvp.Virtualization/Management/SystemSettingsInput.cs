using WsManSvp.Cim.Model;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Providers;

namespace WsManSvp.Virtualization.Management;

/// <summary>
/// The system part of a request (an embedded CIM_VirtualSystemSettingData, DSP1042 7.5 and 10.22): what a
/// new system is named and identified as, and what an existing system's settings may change to.
/// </summary>
public static class SystemSettingsInput
{
    /// <summary>What DefineSystem honours; InstanceID and Caption are ignored (7.5.1), anything else must be NULL.</summary>
    private static readonly HashSet<string> DefineProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "InstanceID", "Caption", "ElementName", "Description", "VirtualSystemIdentifier", "VirtualSystemType",
    };

    /// <summary>Applies the SystemSettings of DefineSystem to a definition (name, description, identity), after checking them.</summary>
    public static SystemDefinition ApplyToNew(CimInstance? settings, SystemDefinition definition, HostInfo host, string label)
    {
        if (settings is null) return definition;
        foreach (var property in settings.Class.Properties)
            if (!settings[property].IsNull && !DefineProperties.Contains(property.Name))
                throw new RequestRejected(MethodCodes.InvalidParameter, $"{label}: {property.Name} is not something a new system's settings can set here.");
        if (Text(settings, "VirtualSystemType") is { } type && !string.Equals(type, VirtualSystemTypes.For(host), StringComparison.OrdinalIgnoreCase))
            throw new RequestRejected(MethodCodes.InvalidParameter, $"{label}: VirtualSystemType '{type}' is not supported; this host defines {VirtualSystemTypes.For(host)} systems.");
        var uuid = definition.Uuid;
        if (Text(settings, "VirtualSystemIdentifier") is { } identifier)
            uuid = InstanceIds.TryParseSystemName(identifier, out var id)
                ? id
                : throw new RequestRejected(MethodCodes.InvalidParameter, $"{label}: VirtualSystemIdentifier '{identifier}' is not a UUID.");
        var name = Text(settings, "ElementName") ?? definition.Name;
        if (string.IsNullOrWhiteSpace(name)) throw new RequestRejected(MethodCodes.InvalidParameter, $"{label}: ElementName is empty.");
        return definition with { Name = name, Description = Text(settings, "Description") ?? definition.Description, Uuid = uuid };
    }

    /// <summary>
    /// Applies ModifySystemSettings (or a Put) to a system's definition: only Description may change; values
    /// left NULL or equal to <paramref name="current"/> are no request.
    /// </summary>
    public static SystemDefinition ApplyToExisting(CimInstance settings, CimInstance current, SystemDefinition definition, string label)
    {
        foreach (var property in settings.Class.Properties)
        {
            var value = settings[property];
            if (value.IsNull || property.Name == "Description") continue;
            var now = current.Class.GetProperty(property.Name) is { } p ? current[p] : CimValue.Null(property.Type, property.IsArray);
            if (now == value) continue;
            throw new RequestRejected(MethodCodes.InvalidParameter, property.Name == "ElementName"
                ? $"{label}: ElementName cannot be changed: systems are not renamed here (ElementNameEditSupported is false)."
                : $"{label}: {property.Name} cannot be changed (it is {now}; the request says {value}).");
        }
        return Text(settings, "Description") is { } description ? definition with { Description = description } : definition;
    }

    private static string? Text(CimInstance instance, string name) =>
        instance.Class.GetProperty(name) is { } p && instance[p] is { IsNull: false, Type: CimType.String, IsArray: false } v ? v.AsString() : null;
}
