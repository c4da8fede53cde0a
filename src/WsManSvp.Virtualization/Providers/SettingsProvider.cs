using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Virtualization.Management;
using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Providers;

/// <summary>
/// Setting data: each virtual system's configurations (VSSD) and their resource allocations (RASD and its
/// storage and Ethernet subclasses), and the settings describing each pool's limits (DSP1043).
/// </summary>
public sealed class SettingsProvider(ModelInstances instances, ManagementMethods management) : ModelClassProvider(instances,
    Cimv2(ModelPaths.VirtualSystemSettingData), Cimv2(VirtualResources.ResourceAllocationSettingData),
    Cimv2(VirtualResources.StorageAllocationSettingData), Cimv2(VirtualResources.EthernetPortAllocationSettingData))
{
    /// <summary>
    /// WS-Transfer Put of a VSSD or RASD: the same path and checks as ModifySystemSettings and
    /// ModifyResourceSettings; what they would refuse with a return code is refused with the reason.
    /// </summary>
    public override async ValueTask<CimInstance> ModifyInstanceAsync(CimInstance modified, CimCallContext context)
    {
        var paths = await Source.PathsAsync(context).ConfigureAwait(false);
        var element = paths.Parse(modified.GetPath());
        try
        {
            switch (element)
            {
                case ModelElement.Configuration:
                    await management.ModifySystemSettingsAsync(modified, ignoreUnknown: false, context).ConfigureAwait(false);
                    break;
                case ModelElement.ResourceSetting:
                    await management.ModifyResourceSettingsAsync([modified], ignoreUnknown: false, context).ConfigureAwait(false);
                    break;
                default:
                    throw new CimException(CimStatus.NotSupported, $"The settings describing a pool's limits cannot be changed.");
            }
        }
        catch (RequestRejected rejected)
        {
            throw new CimException(rejected.Code switch
            {
                MethodCodes.InvalidState => CimStatus.NotSupported,
                MethodCodes.Failed => CimStatus.Failed,
                _ => CimStatus.InvalidParameter,
            }, rejected.Message);
        }
        return await Instances.BuildAsync(element!, context).ConfigureAwait(false)
            ?? throw new CimException(CimStatus.NotFound, $"{modified.GetPath()} no longer exists.");
    }

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
