using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Virtualization.Model;
using static WsManSvp.Virtualization.Model.ModelElement;

namespace WsManSvp.Virtualization.Associations;

/// <summary>CIM_HostedDependency: the host system hosts each virtual system (DSP1042 7.3.1, 10.9).</summary>
public sealed class HostedDependencyProvider(ModelInstances instances, CimClassRepository repository)
    : ModelAssociationProvider(instances, repository, "CIM_HostedDependency", "Antecedent", "Dependent")
{
    protected override async IAsyncEnumerable<Link> AllAsync(CimCallContext context)
    {
        await foreach (var system in Source.SystemsAsync(context).ConfigureAwait(false))
            yield return new Link(new HostSystem(), new VirtualComputerSystem(system.Id));
    }

    protected override IAsyncEnumerable<Link> LinksOfAsync(ModelElement element, CimCallContext context) => element switch
    {
        HostSystem => AllAsync(context),
        VirtualComputerSystem s => IfExists(s, context, [new Link(new HostSystem(), s)]),
        _ => None(),
    };
}

/// <summary>CIM_HostedService: the host system hosts the management and snapshot services (DSP1042 10.10, 10.11).</summary>
public sealed class HostedServiceProvider(ModelInstances instances, CimClassRepository repository)
    : ModelAssociationProvider(instances, repository, "CIM_HostedService", "Antecedent", "Dependent")
{
    private static readonly Link[] Links =
        [new(new HostSystem(), new ManagementService()), new(new HostSystem(), new SnapshotService())];

    protected override IAsyncEnumerable<Link> AllAsync(CimCallContext context) => Links.ToAsyncEnumerable();

    protected override IAsyncEnumerable<Link> LinksOfAsync(ModelElement element, CimCallContext context) =>
        Links.Where(l => l.From == element || l.To == element).ToAsyncEnumerable();
}

/// <summary>CIM_ServiceAffectsElement: each service manages every virtual system (DSP1042 10.16, 10.17).</summary>
public sealed class ServiceAffectsElementProvider(ModelInstances instances, CimClassRepository repository)
    : ModelAssociationProvider(instances, repository, "CIM_ServiceAffectsElement", "AffectingElement", "AffectedElement")
{
    private const ushort Manages = 5;

    protected override async IAsyncEnumerable<Link> AllAsync(CimCallContext context)
    {
        await foreach (var system in Source.SystemsAsync(context).ConfigureAwait(false))
        {
            yield return Affects(new ManagementService(), system.Id);
            yield return Affects(new SnapshotService(), system.Id);
        }
    }

    protected override IAsyncEnumerable<Link> LinksOfAsync(ModelElement element, CimCallContext context) => element switch
    {
        ManagementService or SnapshotService => AffectsEveryAsync(element, context),
        VirtualComputerSystem s => IfExists(s, context, [Affects(new ManagementService(), s.Id), Affects(new SnapshotService(), s.Id)]),
        _ => None(),
    };

    private async IAsyncEnumerable<Link> AffectsEveryAsync(ModelElement service, CimCallContext context)
    {
        await foreach (var system in Source.SystemsAsync(context).ConfigureAwait(false))
            yield return Affects(service, system.Id);
    }

    private static Link Affects(ModelElement service, Guid system) =>
        new(service, new VirtualComputerSystem(system), i => i.Set("ElementEffects", CimValue.UInt16Array(Manages)));
}

/// <summary>CIM_HostedResourcePool: the host system holds its resource pools (DSP1041).</summary>
public sealed class HostedResourcePoolProvider(ModelInstances instances, CimClassRepository repository)
    : ModelAssociationProvider(instances, repository, "CIM_HostedResourcePool", "GroupComponent", "PartComponent")
{
    protected override async IAsyncEnumerable<Link> AllAsync(CimCallContext context)
    {
        foreach (var pool in await Source.PoolsAsync(context).ConfigureAwait(false))
            yield return new Link(new HostSystem(), new Pool(pool.Kind, pool.Name));
    }

    protected override IAsyncEnumerable<Link> LinksOfAsync(ModelElement element, CimCallContext context) => element switch
    {
        HostSystem => AllAsync(context),
        Pool p => IfExists(p, context, [new Link(new HostSystem(), p)]),
        _ => None(),
    };
}
