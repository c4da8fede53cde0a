using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Model;
using static WsManSvp.Virtualization.Model.ModelElement;

namespace WsManSvp.Virtualization.Associations;

/// <summary>CIM_SystemDevice: an active virtual system to each of its logical devices (DSP1057).</summary>
public sealed class SystemDeviceProvider(ModelInstances instances, CimClassRepository repository)
    : ModelAssociationProvider(instances, repository, "CIM_SystemDevice", "GroupComponent", "PartComponent")
{
    protected override async IAsyncEnumerable<Link> AllAsync(CimCallContext context)
    {
        await foreach (var system in Source.SystemsAsync(context).ConfigureAwait(false))
            foreach (var link in LinksOf(system)) yield return link;
    }

    protected override async IAsyncEnumerable<Link> LinksOfAsync(ModelElement element, CimCallContext context)
    {
        var id = element switch { VirtualComputerSystem s => s.Id, Device d => d.Id, _ => (Guid?)null };
        if (id is null || await Source.SystemAsync(id.Value, context).ConfigureAwait(false) is not { } system) yield break;
        foreach (var link in LinksOf(system))
            if (link.From == element || link.To == element) yield return link;
    }

    private static IEnumerable<Link> LinksOf(VirtualSystem system) =>
        ModelSource.DevicesOf(system).Select(d => new Link(new VirtualComputerSystem(system.Id), new Device(system.Id, d.ClassName, d.DeviceId)));
}

/// <summary>CIM_ElementAllocatedFromPool: each pool to the logical devices drawing on it (DSP1041).</summary>
public sealed class ElementAllocatedFromPoolProvider(ModelInstances instances, CimClassRepository repository)
    : ModelAssociationProvider(instances, repository, "CIM_ElementAllocatedFromPool", "Antecedent", "Dependent")
{
    protected override async IAsyncEnumerable<Link> AllAsync(CimCallContext context)
    {
        await foreach (var system in Source.SystemsAsync(context).ConfigureAwait(false))
            foreach (var link in LinksOf(system)) yield return link;
    }

    protected override async IAsyncEnumerable<Link> LinksOfAsync(ModelElement element, CimCallContext context)
    {
        switch (element)
        {
            case Pool p when await Source.ExistsAsync(p, context).ConfigureAwait(false):
                await foreach (var link in AllAsync(context).ConfigureAwait(false))
                    if (link.From == p) yield return link;
                break;
            case Device d when await Source.SystemAsync(d.Id, context).ConfigureAwait(false) is { } system:
                foreach (var link in LinksOf(system))
                    if (link.To == d) yield return link;
                break;
        }
    }

    private static IEnumerable<Link> LinksOf(VirtualSystem system) =>
        ModelSource.DevicesOf(system).Where(d => d.PoolKind is not null)
            .Select(d => new Link(new Pool(d.PoolKind!.Value, d.PoolName!), new Device(system.Id, d.ClassName, d.DeviceId)));
}

/// <summary>CIM_ResourceAllocationFromPool: each pool to the resource allocations drawn from it (DSP1041; use case 9.2.12).</summary>
public sealed class ResourceAllocationFromPoolProvider(ModelInstances instances, CimClassRepository repository)
    : ModelAssociationProvider(instances, repository, "CIM_ResourceAllocationFromPool", "Antecedent", "Dependent")
{
    protected override async IAsyncEnumerable<Link> AllAsync(CimCallContext context)
    {
        await foreach (var system in Source.SystemsAsync(context).ConfigureAwait(false))
            foreach (var link in LinksOf(system)) yield return link;
    }

    protected override async IAsyncEnumerable<Link> LinksOfAsync(ModelElement element, CimCallContext context)
    {
        switch (element)
        {
            case Pool p when await Source.ExistsAsync(p, context).ConfigureAwait(false):
                await foreach (var link in AllAsync(context).ConfigureAwait(false))
                    if (link.From == p) yield return link;
                break;
            case ResourceSetting { Kind: not ConfigurationKind.Snapshot } r
                when await Source.ResourceAsync(r, context).ConfigureAwait(false) is { Resource.PoolKind: { } kind } found:
                yield return new Link(new Pool(kind, found.Resource.PoolName!), r);
                break;
        }
    }

    /// <summary>What the Defined and State configurations draw from pools; a snapshot's allocations are a record, not an allocation.</summary>
    private static IEnumerable<Link> LinksOf(VirtualSystem system) =>
        from configuration in ModelSource.LiveConfigurationsOf(system)
        from resource in configuration.Resources
        where resource.PoolKind is not null
        select new Link(new Pool(resource.PoolKind!.Value, resource.PoolName!), configuration.SettingOf(resource));
}
