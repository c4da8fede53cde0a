using System.Runtime.CompilerServices;
using WsManSvp.Cim.Providers;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Jobs;
using static WsManSvp.Virtualization.Model.ModelElement;

namespace WsManSvp.Virtualization.Model;

/// <summary>
/// The facts the profile model is computed from, fetched per operation: the hypervisor's (the source of
/// truth; nothing is cached across requests, and failures become CIM errors), the jobs, and the state
/// changes in progress.
/// </summary>
public sealed class ModelSource(IHypervisor hypervisor, JobEngine jobs)
{
    public IHypervisor Hypervisor => hypervisor;

    public JobEngine Jobs => jobs;

    public PendingStateChanges PendingStateChanges { get; } = new();

    public SnapshotChanges SnapshotChanges { get; } = new();

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

    /// <summary>A system's snapshots; none when the system is gone.</summary>
    public async ValueTask<SnapshotTree> SnapshotsAsync(Guid id, CimCallContext context)
    {
        try { return await hypervisor.ListSnapshotsAsync(id, context.CancellationToken).ConfigureAwait(false); }
        catch (HypervisorException e) when (e.Error == HypervisorError.NotFound) { return SnapshotTree.Empty; }
        catch (HypervisorException e) { throw e.ToCim(); }
    }

    /// <summary>A configuration as it is now, or null when it does not exist (State only while the system is active).</summary>
    public async ValueTask<SystemConfiguration?> ConfigurationAsync(Configuration configuration, CimCallContext context)
    {
        if (await SystemAsync(configuration.Id, context).ConfigureAwait(false) is not { } system) return null;
        switch (configuration.Kind)
        {
            case ConfigurationKind.Defined:
                return SystemConfiguration.Defined(system);
            case ConfigurationKind.State:
                return SystemConfiguration.State(system);
            default:
                var snapshot = (await SnapshotsAsync(system.Id, context).ConfigureAwait(false)).Find(configuration.Snapshot!);
                return snapshot is null ? null : SystemConfiguration.OfSnapshot(system, snapshot);
        }
    }

    /// <summary>A resource allocation and its configuration; null when either does not exist.</summary>
    public async ValueTask<(SystemConfiguration Configuration, VirtualResource Resource)?> ResourceAsync(ResourceSetting setting, CimCallContext context)
    {
        if (await ConfigurationAsync(setting.Owner, context).ConfigureAwait(false) is not { } configuration) return null;
        var resource = configuration.Resources.FirstOrDefault(r => r.Key == setting.Key);
        return resource is null ? null : (configuration, resource);
    }

    public async ValueTask<(VirtualSystem System, VirtualDevice Device)?> DeviceAsync(Device device, CimCallContext context)
    {
        if (await SystemAsync(device.Id, context).ConfigureAwait(false) is not { } system) return null;
        var found = DevicesOf(system).FirstOrDefault(d => d.DeviceId == device.DeviceId &&
            string.Equals(d.ClassName, device.ClassName, StringComparison.OrdinalIgnoreCase));
        return found is null ? null : (system, found);
    }

    /// <summary>The logical devices of an active system: those of what it runs with.</summary>
    public static IEnumerable<VirtualDevice> DevicesOf(VirtualSystem system) => SystemConfiguration.State(system) is { } state
        ? VirtualDevices.Of(state.Definition, state.Resources)
        : [];

    /// <summary>The configurations a system has now without asking for its snapshots: Defined, and State while it is active.</summary>
    public static IEnumerable<SystemConfiguration> LiveConfigurationsOf(VirtualSystem system) =>
        SystemConfiguration.State(system) is { } state ? [SystemConfiguration.Defined(system), state] : [SystemConfiguration.Defined(system)];

    /// <summary>Every configuration of a system: Defined, State while it is active, and one per snapshot.</summary>
    public async IAsyncEnumerable<SystemConfiguration> ConfigurationsOfAsync(VirtualSystem system, CimCallContext context,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var live in LiveConfigurationsOf(system)) yield return live;
        foreach (var snapshot in (await SnapshotsAsync(system.Id, context).ConfigureAwait(false)).Snapshots)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return SystemConfiguration.OfSnapshot(system, snapshot);
        }
    }

    /// <summary>Whether the element exists now.</summary>
    public async ValueTask<bool> ExistsAsync(ModelElement element, CimCallContext context) => element switch
    {
        HostSystem or ManagementService or SnapshotService or ManagementCapabilities or SnapshotServiceCapabilities or Profile => true,
        VirtualComputerSystem s => await SystemAsync(s.Id, context).ConfigureAwait(false) is not null,
        SnapshotCapabilities c => await SystemAsync(c.Id, context).ConfigureAwait(false) is not null,
        Configuration c => await ConfigurationAsync(c, context).ConfigureAwait(false) is not null,
        ResourceSetting r => await ResourceAsync(r, context).ConfigureAwait(false) is not null,
        Device d => await DeviceAsync(d, context).ConfigureAwait(false) is not null,
        Pool p => await PoolAsync(p.Kind, p.Name, context).ConfigureAwait(false) is not null,
        PoolCapabilities p => await PoolAsync(p.Kind, p.Name, context).ConfigureAwait(false) is not null,
        CapabilitySetting c => await PoolAsync(c.Kind, c.Name, context).ConfigureAwait(false) is not null,
        ModelElement.Job j => jobs.Find(j.Id) is not null,
        _ => false,
    };
}
