using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Model;

/// <summary>
/// One configuration of a virtual system as it is now, with the definition it describes: the system's
/// definition ("Defined"), what its instance runs with ("State"), or what a snapshot captured.
/// </summary>
public sealed record SystemConfiguration(VirtualSystem System, ModelElement.Configuration Element, SystemDefinition Definition, SystemSnapshot? Snapshot)
{
    private IReadOnlyList<VirtualResource>? _resources;

    public ConfigurationKind Kind => Element.Kind;

    /// <summary>The resource allocations of the configuration (computed once).</summary>
    public IReadOnlyList<VirtualResource> Resources => _resources ??= VirtualResources.Of(Definition);

    public ModelElement.ResourceSetting SettingOf(VirtualResource resource) => new(System.Id, Kind, resource.Key, Element.Snapshot);

    public static SystemConfiguration Defined(VirtualSystem system) =>
        new(system, new ModelElement.Configuration(system.Id, ConfigurationKind.Defined), system.Definition, null);

    /// <summary>The "State" configuration, which exists only while the system is active.</summary>
    public static SystemConfiguration? State(VirtualSystem system) => VirtualDevices.IsActive(system.State)
        ? new(system, new ModelElement.Configuration(system.Id, ConfigurationKind.State), system.ActiveDefinition ?? system.Definition, null)
        : null;

    public static SystemConfiguration OfSnapshot(VirtualSystem system, SystemSnapshot snapshot) =>
        new(system, new ModelElement.Configuration(system.Id, ConfigurationKind.Snapshot, snapshot.Name), snapshot.Definition, snapshot);
}
