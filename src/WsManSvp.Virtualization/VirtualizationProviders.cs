using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Associations;
using WsManSvp.Virtualization.Jobs;
using WsManSvp.Virtualization.Management;
using WsManSvp.Virtualization.Model;
using WsManSvp.Virtualization.Providers;

namespace WsManSvp.Virtualization;

/// <summary>The providers that together implement the profiles over one hypervisor, with the jobs its methods start.</summary>
public static class VirtualizationProviders
{
    public static IReadOnlyList<ICimProvider> Create(IHypervisor hypervisor, JobEngine jobs, CimClassRepository repository, ILogger? logger = null) =>
        Create(new ModelInstances(repository, new ModelSource(hypervisor, jobs)), logger);

    /// <summary>The providers over a model whose changes are also watched (<see cref="Indications.ModelIndicationSource"/>), so both share its state.</summary>
    public static IReadOnlyList<ICimProvider> Create(ModelInstances instances, ILogger? logger = null)
    {
        logger ??= NullLogger.Instance;
        var repository = instances.Repository;
        var locks = new SystemLocks();
        var management = new ManagementMethods(instances, locks, logger);
        return
        [
            new ComputerSystemProvider(instances),
            new ServiceProvider(instances, management, new SnapshotMethods(instances, locks, logger)),
            new JobProvider(instances),
            new CapabilitiesProvider(instances),
            new PoolProvider(instances),
            new ProfileProvider(instances),
            new SettingsProvider(instances, management),
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
            new SnapshotOfVirtualSystemProvider(instances, repository),
            new LastAppliedSnapshotProvider(instances, repository),
            new MostCurrentSnapshotInBranchProvider(instances, repository),
            new SnapshotDependencyProvider(instances, repository),
            new AffectedJobElementProvider(instances, repository),
            new OwningJobElementProvider(instances, repository),
        ];
    }
}
