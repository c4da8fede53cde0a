using WsManSvp.Cim.Model;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Providers;

namespace WsManSvp.Virtualization.Model;

/// <summary>The host system, virtual systems, the services and their capabilities (DSP1042, DSP1057).</summary>
public sealed partial class ModelInstances
{
    public CimInstance HostSystemInstance(HostInfo host) => New(ModelPaths.ComputerSystem)
        .Set("CreationClassName", ModelPaths.ComputerSystem)
        .Set("Name", host.HostName)
        .Set("NameFormat", "Other")
        .Set("ElementName", host.HostName)
        .Set("Caption", "Host Computer System")
        .Set("Description", $"Virtualization host ({host.HypervisorType} {host.HypervisorVersion})")
        .Set("OtherIdentifyingInfo", CimValue.StringArray(host.Uuid.ToString("D")))
        .Set("IdentifyingDescriptions", CimValue.StringArray("CIM:GUID"))
        .Set("EnabledState", U16(EnabledStates.Enabled))
        .Set("RequestedState", U16(EnabledStates.NotApplicable))
        .Set("EnabledDefault", U16(EnabledStates.Enabled))
        .Set("TransitioningToState", U16(EnabledStates.NotApplicable))
        .Set("OperationalStatus", U16s(EnabledStates.OperationalOk))
        .Set("HealthState", U16(EnabledStates.HealthOk));

    public CimInstance VirtualSystemInstance(VirtualSystem system)
    {
        var crashed = system.State == SystemState.Crashed;
        return New(ModelPaths.ComputerSystem)
            .Set("CreationClassName", ModelPaths.ComputerSystem)
            .Set("Name", InstanceIds.SystemName(system.Id))
            .Set("NameFormat", "UUID")
            .Set("ElementName", system.Definition.Name)
            .Set("Caption", "Virtual System")
            .Set("Description", system.Definition.Description)
            .Set("EnabledState", U16(EnabledStates.EnabledState(system.State)))
            .Set("RequestedState", U16(EnabledStates.NotApplicable))
            .Set("EnabledDefault", U16(EnabledStates.Disabled))
            .Set("TransitioningToState", U16(EnabledStates.NotApplicable))
            .Set("AvailableRequestedStates", U16s(EnabledStates.AvailableRequestedStates(system.State)))
            .Set("TimeOfLastStateChange", CimValue.DateTime(system.TimeOfLastStateChange))
            .Set("OperationalStatus", U16s(crashed ? EnabledStates.OperationalError : EnabledStates.OperationalOk))
            .Set("HealthState", U16(crashed ? EnabledStates.HealthCriticalFailure : EnabledStates.HealthOk));
    }

    public CimInstance ManagementServiceInstance(HostInfo host) =>
        Service(ModelPaths.ManagementServiceClass, ModelPaths.ManagementServiceName, "Virtual System Management Service", host)
            .Set("Description", $"Defines, modifies and destroys virtual systems on {host.HostName}");

    public CimInstance SnapshotServiceInstance(HostInfo host) =>
        Service(ModelPaths.SnapshotServiceClass, ModelPaths.SnapshotServiceName, "Virtual System Snapshot Service", host)
            .Set("Description", $"Takes, applies and destroys snapshots of virtual systems on {host.HostName}");

    /// <summary>What virtual system management implements (DSP1042 7.4): the values here must stay true.</summary>
    public CimInstance ManagementCapabilitiesInstance(HostInfo host) => New(ModelPaths.ManagementCapabilitiesClass)
        .Set("InstanceID", InstanceIds.ManagementCapabilities)
        .Set("ElementName", "Virtual System Management Capabilities")
        .Set("VirtualSystemTypesSupported", CimValue.StringArray(VirtualSystemTypes.For(host)))
        .Set("ElementNameEditSupported", CimValue.Boolean(false));

    /// <summary>What the snapshot service implements (DSP1042 7.7.1): no methods yet, so nothing is listed.</summary>
    public CimInstance SnapshotServiceCapabilitiesInstance() => New(ModelPaths.SnapshotServiceCapabilitiesClass)
        .Set("InstanceID", InstanceIds.SnapshotServiceCapabilities)
        .Set("ElementName", "Virtual System Snapshot Service Capabilities");

    /// <summary>What can be done with one system's snapshots (DSP1042 7.7.5): none enabled until snapshots are implemented.</summary>
    public CimInstance SnapshotCapabilitiesInstance(VirtualSystem system) => New(ModelPaths.SnapshotCapabilitiesClass)
        .Set("InstanceID", InstanceIds.SnapshotCapabilities(system.Id))
        .Set("ElementName", $"Snapshot capabilities of {system.Definition.Name}")
        .Set("GuestOSNotificationEnabled", CimValue.Boolean(false));

    private CimInstance Service(string className, string name, string elementName, HostInfo host) => New(className)
        .Set("SystemCreationClassName", ModelPaths.ComputerSystem)
        .Set("SystemName", host.HostName)
        .Set("CreationClassName", className)
        .Set("Name", name)
        .Set("ElementName", elementName)
        .Set("Caption", elementName)
        .Set("EnabledState", U16(EnabledStates.Enabled))
        .Set("RequestedState", U16(EnabledStates.NotApplicable))
        .Set("EnabledDefault", U16(EnabledStates.Enabled))
        .Set("OperationalStatus", U16s(EnabledStates.OperationalOk))
        .Set("HealthState", U16(EnabledStates.HealthOk))
        .Set("Started", CimValue.Boolean(true));
}
