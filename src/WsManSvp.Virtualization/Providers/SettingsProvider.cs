using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Providers;

/// <summary>
/// Setting data: each virtual system's configurations (VSSD) and their resource allocations (RASD and its
/// storage and Ethernet subclasses), and the settings describing each pool's limits (DSP1043).
/// </summary>
public sealed class SettingsProvider(ModelInstances instances) : ModelClassProvider(instances,
    Cimv2(ModelPaths.VirtualSystemSettingData), Cimv2(VirtualResources.ResourceAllocationSettingData),
    Cimv2(VirtualResources.StorageAllocationSettingData), Cimv2(VirtualResources.EthernetPortAllocationSettingData))
{
    public override async IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProvidedClass cls, CimCallContext context)
    {
        var host = await Source.HostAsync(context).ConfigureAwait(false);
        await foreach (var system in Source.SystemsAsync(context).ConfigureAwait(false))
        {
            await foreach (var configuration in Source.ConfigurationsOfAsync(system, context).ConfigureAwait(false))
            {
                if (cls.ClassName == ModelPaths.VirtualSystemSettingData)
                {
                    yield return Instances.ConfigurationInstance(configuration, host);
                    continue;
                }
                foreach (var resource in configuration.Resources)
                    if (resource.ClassName == cls.ClassName) yield return Instances.ResourceSettingInstance(configuration, resource);
            }
        }
        if (cls.ClassName == ModelPaths.VirtualSystemSettingData) yield break;
        foreach (var pool in await Source.PoolsAsync(context).ConfigureAwait(false))
        {
            if (ModelPaths.CapabilitySettingClassOf(pool.Kind) != cls.ClassName) continue;
            foreach (var role in Enum.GetValues<CapabilityRole>())
                yield return Instances.CapabilitySettingInstance(pool, role, host);
        }
    }
}
