using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Associations;
using WsManSvp.Virtualization.Model;
using WsManSvp.Virtualization.Providers;

namespace WsManSvp.Virtualization;

/// <summary>The providers that together implement the profiles over one hypervisor.</summary>
public static class VirtualizationProviders
{
    public static IReadOnlyList<ICimProvider> Create(IHypervisor hypervisor, CimClassRepository repository)
    {
        var instances = new ModelInstances(repository, new ModelSource(hypervisor));
        return
        [
            new ComputerSystemProvider(instances),
            new ServiceProvider(instances),
            new CapabilitiesProvider(instances),
            new PoolProvider(instances),
            new ProfileProvider(instances),
            new SettingsProvider(instances),
            new DeviceProvider(instances),
            new HostedDependencyProvider(instances, repository),
            new HostedServiceProvider(instances, repository),
            new ServiceAffectsElementProvider(instances, repository),
            new HostedResourcePoolProvider(instances, repository),
            new ElementCapabilitiesProvider(instances, repository),
            new SettingsDefineCapabilitiesProvider(instances, repository),
            new ElementConformsToProfileProvider(instances, repository),
            new ReferencedProfileProvider(instances, repository),
            new VirtualSystemSettingDataComponentProvider(instances, repository),
            new SettingsDefineStateProvider(instances, repository),
            new ElementSettingDataProvider(instances, repository),
            new SystemDeviceProvider(instances, repository),
            new ElementAllocatedFromPoolProvider(instances, repository),
            new ResourceAllocationFromPoolProvider(instances, repository),
        ];
    }
}
