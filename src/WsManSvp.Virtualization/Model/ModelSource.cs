using WsManSvp.Cim.Providers;
using WsManSvp.Hypervisor;
using static WsManSvp.Virtualization.Model.ModelElement;

namespace WsManSvp.Virtualization.Model;

/// <summary>
/// The hypervisor facts the profile model is computed from, fetched per operation (the hypervisor is the
/// source of truth; nothing is cached across requests), with hypervisor failures turned into CIM errors.
/// </summary>
public sealed class ModelSource(IHypervisor hypervisor)
{
    public IHypervisor Hypervisor => hypervisor;

    public ValueTask<HostInfo> HostAsync(CimCallContext context) =>
        HypervisorCalls.Call(() => hypervisor.GetHostInfoAsync(context.CancellationToken));

    public async ValueTask<ModelPaths> PathsAsync(CimCallContext context) => new((await HostAsync(context).ConfigureAwait(false)).HostName);

    public ValueTask<VirtualSystem?> SystemAsync(Guid id, CimCallContext context) =>
        HypervisorCalls.Call(() => hypervisor.GetSystemAsync(id, context.CancellationToken));

    public IAsyncEnumerable<VirtualSystem> SystemsAsync(CimCallContext context) =>
        HypervisorCalls.Stream(hypervisor.ListSystemsAsync(context.CancellationToken));

    public ValueTask<IReadOnlyList<ResourcePoolInfo>> PoolsAsync(CimCallContext context) =>
        HypervisorCalls.Call(() => hypervisor.ListPoolsAsync(context.CancellationToken));

    public async ValueTask<ResourcePoolInfo?> PoolAsync(ResourceKind kind, string name, CimCallContext context) =>
        (await PoolsAsync(context).ConfigureAwait(false)).FirstOrDefault(p => p.Kind == kind && p.Name == name);

    /// <summary>The pool a kind's allocations come from when a request names none (DSP1042 9.2.11).</summary>
    public async ValueTask<ResourcePoolInfo?> DefaultPoolAsync(ResourceKind kind, CimCallContext context)
    {
        var pools = (await PoolsAsync(context).ConfigureAwait(false)).Where(p => p.Kind == kind).ToList();
        var preferred = kind is ResourceKind.Processor or ResourceKind.Memory ? ResourcePools.HostPool
            : kind == ResourceKind.Storage ? ResourcePools.DefaultStoragePool : ResourcePools.DefaultNetwork;
        return pools.FirstOrDefault(p => p.Name == preferred) ?? pools.FirstOrDefault();
    }

    /// <summary>A resource of a system in a configuration; null when the system, configuration or resource does not exist.</summary>
    public async ValueTask<(VirtualSystem System, VirtualResource Resource)?> ResourceAsync(ResourceSetting setting, CimCallContext context)
    {
        if (await ConfigurationAsync(setting.Id, setting.Kind, context).ConfigureAwait(false) is not { } system) return null;
        var resource = VirtualResources.Of(system.Definition).FirstOrDefault(r => r.Key == setting.Key);
        return resource is null ? null : (system, resource);
    }

    /// <summary>The system whose configuration of this kind exists (State only while it is active), or null.</summary>
    public async ValueTask<VirtualSystem?> ConfigurationAsync(Guid id, ConfigurationKind kind, CimCallContext context)
    {
        var system = await SystemAsync(id, context).ConfigureAwait(false);
        return system is not null && (kind == ConfigurationKind.Defined || VirtualDevices.IsActive(system.State)) ? system : null;
    }

    public async ValueTask<(VirtualSystem System, VirtualDevice Device)?> DeviceAsync(Device device, CimCallContext context)
    {
        if (await ConfigurationAsync(device.Id, ConfigurationKind.State, context).ConfigureAwait(false) is not { } system) return null;
        var found = DevicesOf(system).FirstOrDefault(d => d.DeviceId == device.DeviceId &&
            string.Equals(d.ClassName, device.ClassName, StringComparison.OrdinalIgnoreCase));
        return found is null ? null : (system, found);
    }

    public static IEnumerable<VirtualDevice> DevicesOf(VirtualSystem system) =>
        VirtualDevices.IsActive(system.State) ? VirtualDevices.Of(system.Definition, VirtualResources.Of(system.Definition)) : [];

    /// <summary>The configurations a system has now: Defined, and State while it is active.</summary>
    public static IEnumerable<ConfigurationKind> ConfigurationsOf(VirtualSystem system) =>
        VirtualDevices.IsActive(system.State) ? [ConfigurationKind.Defined, ConfigurationKind.State] : [ConfigurationKind.Defined];

    /// <summary>Whether the element exists now.</summary>
    public async ValueTask<bool> ExistsAsync(ModelElement element, CimCallContext context) => element switch
    {
        HostSystem or ManagementService or SnapshotService or ManagementCapabilities or SnapshotServiceCapabilities or Profile => true,
        VirtualComputerSystem s => await SystemAsync(s.Id, context).ConfigureAwait(false) is not null,
        SnapshotCapabilities c => await SystemAsync(c.Id, context).ConfigureAwait(false) is not null,
        Configuration c => await ConfigurationAsync(c.Id, c.Kind, context).ConfigureAwait(false) is not null,
        ResourceSetting r => await ResourceAsync(r, context).ConfigureAwait(false) is not null,
        Device d => await DeviceAsync(d, context).ConfigureAwait(false) is not null,
        Pool p => await PoolAsync(p.Kind, p.Name, context).ConfigureAwait(false) is not null,
        PoolCapabilities p => await PoolAsync(p.Kind, p.Name, context).ConfigureAwait(false) is not null,
        CapabilitySetting c => await PoolAsync(c.Kind, c.Name, context).ConfigureAwait(false) is not null,
        _ => false,
    };
}
