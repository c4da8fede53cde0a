using WsManSvp.Cim.Model;
using WsManSvp.Cim.Schema;
using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Providers;

/// <summary>Builds the CIM_ComputerSystem instances: the host (DSP1042 7.1) and virtual systems (DSP1057).</summary>
public sealed class ComputerSystems(CimClass computerSystem)
{
    public const string ClassName = "CIM_ComputerSystem";

    public CimInstance Host(HostInfo host) => new CimInstance(computerSystem)
        .Set("CreationClassName", ClassName)
        .Set("Name", host.HostName)
        .Set("NameFormat", "Other")
        .Set("ElementName", host.HostName)
        .Set("Caption", "Host Computer System")
        .Set("Description", $"Virtualization host ({host.HypervisorType} {host.HypervisorVersion})")
        .Set("OtherIdentifyingInfo", CimValue.StringArray(host.Uuid.ToString("D")))
        .Set("IdentifyingDescriptions", CimValue.StringArray("CIM:GUID"))
        .Set("EnabledState", CimValue.UInt16(EnabledStates.Enabled))
        .Set("RequestedState", CimValue.UInt16(EnabledStates.NotApplicable))
        .Set("EnabledDefault", CimValue.UInt16(EnabledStates.Enabled))
        .Set("TransitioningToState", CimValue.UInt16(EnabledStates.NotApplicable))
        .Set("OperationalStatus", CimValue.UInt16Array(EnabledStates.OperationalOk))
        .Set("HealthState", CimValue.UInt16(EnabledStates.HealthOk));

    public CimInstance Virtual(VirtualSystem system)
    {
        var crashed = system.State == SystemState.Crashed;
        return new CimInstance(computerSystem)
            .Set("CreationClassName", ClassName)
            .Set("Name", InstanceIds.SystemName(system.Id))
            .Set("NameFormat", "UUID")
            .Set("ElementName", system.Definition.Name)
            .Set("Caption", "Virtual System")
            .Set("Description", system.Definition.Description)
            .Set("EnabledState", CimValue.UInt16(EnabledStates.EnabledState(system.State)))
            .Set("RequestedState", CimValue.UInt16(EnabledStates.NotApplicable))
            .Set("EnabledDefault", CimValue.UInt16(EnabledStates.Disabled))
            .Set("TransitioningToState", CimValue.UInt16(EnabledStates.NotApplicable))
            .Set("AvailableRequestedStates", CimValue.UInt16Array(EnabledStates.AvailableRequestedStates(system.State)))
            .Set("TimeOfLastStateChange", CimValue.DateTime(system.TimeOfLastStateChange))
            .Set("OperationalStatus", CimValue.UInt16Array(crashed ? EnabledStates.OperationalError : EnabledStates.OperationalOk))
            .Set("HealthState", CimValue.UInt16(crashed ? EnabledStates.HealthCriticalFailure : EnabledStates.HealthOk));
    }
}
