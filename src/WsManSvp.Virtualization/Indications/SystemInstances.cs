using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Indications;

/// <summary>
/// What one virtual system is in the model at one moment, built by the same builders a Get uses: its
/// CIM_ComputerSystem, then each configuration it has without snapshots (Defined, and State while active) as
/// its VSSD followed by its RASDs. Parents come before what they contain.
/// </summary>
internal static class SystemInstances
{
    public static IReadOnlyList<KeyedInstance> Of(VirtualSystem? system, ModelInstances instances, HostInfo host)
    {
        if (system is null) return [];
        var list = new List<KeyedInstance> { KeyedInstance.Of(instances.VirtualSystemInstance(system)) };
        foreach (var configuration in ModelSource.LiveConfigurationsOf(system)) list.AddRange(OfConfiguration(configuration, instances, host));
        return list;
    }

    /// <summary>A configuration's VSSD, then its RASDs.</summary>
    public static IEnumerable<KeyedInstance> OfConfiguration(SystemConfiguration configuration, ModelInstances instances, HostInfo host)
    {
        yield return KeyedInstance.Of(instances.ConfigurationInstance(configuration, host));
        foreach (var resource in configuration.Resources)
            yield return KeyedInstance.Of(instances.ResourceSettingInstance(configuration, resource));
    }
}
