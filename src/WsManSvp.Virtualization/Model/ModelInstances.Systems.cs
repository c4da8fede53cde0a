using WsManSvp.Cim.Model;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Management;
using WsManSvp.Virtualization.Providers;

namespace WsManSvp.Virtualization.Model;

/// <summary>The host system, virtual systems, the services and their capabilities (DSP1042, DSP1057).</summary>
public sealed partial class ModelInstances
{
    private const ushort VirtualResourceStateChangeIndications = 2;
    private const ushort ConcreteJobStateChangeIndications = 3;
    private const ushort VirtualSystemStateChangeIndications = 4;

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
        var requested = source.PendingStateChanges.RequestedStateOf(system.Id) ?? EnabledStates.NotApplicable;
        return New(ModelPaths.ComputerSystem)
            .Set("CreationClassName", ModelPaths.ComputerSystem)
            .Set("Name", InstanceIds.SystemName(system.Id))
            .Set("NameFormat", "UUID")
            .Set("ElementName", system.Definition.Name)
            .Set("Caption", "Virtual System")
            .Set("Description", system.Definition.Description)
            .Set("EnabledState", U16(EnabledStates.EnabledState(system.State)))
            .Set("RequestedState", U16(requested))
            .Set("EnabledDefault", U16(EnabledStates.Disabled))
            .Set("TransitioningToState", U16(requested))
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

    /// <summary>
    /// What virtual system management implements (DSP1042 7.4), kept true: the methods that always run
    /// synchronously, those that run as jobs, the indications subscribers receive (CIM 2.32 ValueMap: 2 virtual
    /// resource, 3 job and 4 virtual system changes, all published by ModelIndicationSource), and no renaming.
    /// </summary>
    public CimInstance ManagementCapabilitiesInstance(HostInfo host) => New(ModelPaths.ManagementCapabilitiesClass)
        .Set("InstanceID", InstanceIds.ManagementCapabilities)
        .Set("ElementName", "Virtual System Management Capabilities")
        .Set("VirtualSystemTypesSupported", CimValue.StringArray(VirtualSystemTypes.For(host)))
        .Set("SynchronousMethodsSupported", U16s(ManagementMethodIds(ManagementMethods.Synchronous)))
        .Set("AsynchronousMethodsSupported", U16s(ManagementMethodIds(ManagementMethods.Asynchronous)))
        .Set("IndicationsSupported", U16s(VirtualResourceStateChangeIndications, ConcreteJobStateChangeIndications, VirtualSystemStateChangeIndications))
        .Set("ElementNameEditSupported", CimValue.Boolean(false));

    /// <summary>What the snapshot service implements (DSP1042 7.7.1.2): every method as a job, the snapshot types the host takes.</summary>
    public CimInstance SnapshotServiceCapabilitiesInstance(HostInfo host) => New(ModelPaths.SnapshotServiceCapabilitiesClass)
        .Set("InstanceID", InstanceIds.SnapshotServiceCapabilities)
        .Set("ElementName", "Virtual System Snapshot Service Capabilities")
        .Set("AynchronousMethodsSupported", U16s(SnapshotMethodIds(SnapshotMethods.Asynchronous))) // sic: the CIM schema's spelling
        .Set("SnapshotTypesSupported", U16s(SnapshotMethods.TypesOf(host.SnapshotKinds)));

    /// <summary>What can be done with one system's snapshots now (DSP1042 7.7.5): the types it can be captured with in its state.</summary>
    public CimInstance SnapshotCapabilitiesInstance(VirtualSystem system, HostInfo host) => New(ModelPaths.SnapshotCapabilitiesClass)
        .Set("InstanceID", InstanceIds.SnapshotCapabilities(system.Id))
        .Set("ElementName", $"Snapshot capabilities of {system.Definition.Name}")
        .Set("SnapshotTypesEnabled", U16s(SnapshotMethods.CanCapture(system.State) ? SnapshotMethods.TypesOf(host.SnapshotKinds) : []))
        .Set("GuestOSNotificationEnabled", CimValue.Boolean(false));

    /// <summary>CIM_VirtualSystemManagementCapabilities' method identifiers (CIM schema 2.32 ValueMap).</summary>
    private static ushort[] ManagementMethodIds(IEnumerable<string> methods) => methods.Select(m => m switch
    {
        "DefineSystem" => (ushort)2,
        "DestroySystem" => (ushort)3,
        "ModifyResourceSettings" => (ushort)5,
        "ModifySystemSettings" => (ushort)6,
        "RemoveResourceSettings" => (ushort)7,
        "AddResourceSettings" => (ushort)10,
        _ => throw new ArgumentOutOfRangeException(nameof(methods), m, null),
    }).Order().ToArray();

    private static ushort[] SnapshotMethodIds(IEnumerable<string> methods) => methods.Select(m => m switch
    {
        "CreateSnapshot" => (ushort)2,
        "DestroySnapshot" => (ushort)3,
        "ApplySnapshot" => (ushort)4,
        _ => throw new ArgumentOutOfRangeException(nameof(methods), m, null),
    }).Order().ToArray();

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
