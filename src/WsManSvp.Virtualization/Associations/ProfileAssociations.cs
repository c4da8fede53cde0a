using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Virtualization.Model;
using static WsManSvp.Virtualization.Model.ModelElement;

namespace WsManSvp.Virtualization.Associations;

/// <summary>
/// CIM_ElementConformsToProfile (DSP1033, DSP1042 7.2): System Virtualization to the host system, Virtual
/// System to every virtual system, each resource allocation profile to its pools (central class
/// advertisement). Served in root/interop and in root/cimv2, so traversal works from either side.
/// </summary>
public sealed class ElementConformsToProfileProvider(ModelInstances instances, CimClassRepository repository)
    : ModelAssociationProvider(instances, repository, "CIM_ElementConformsToProfile", "ConformantStandard", "ManagedElement",
        CimNamespaces.Interop, CimNamespaces.Cimv2)
{
    protected override async IAsyncEnumerable<Link> AllAsync(CimCallContext context)
    {
        yield return new Link(new Profile(RegisteredProfile.SystemVirtualization), new HostSystem());
        await foreach (var link in SystemsAsync(context).ConfigureAwait(false)) yield return link;
        foreach (var pool in await Source.PoolsAsync(context).ConfigureAwait(false))
            yield return new Link(new Profile(RegisteredProfile.ForPools(pool.Kind)), new Pool(pool.Kind, pool.Name));
    }

    protected override IAsyncEnumerable<Link> LinksOfAsync(ModelElement element, CimCallContext context) => element switch
    {
        Profile p when p.Registration == RegisteredProfile.SystemVirtualization => One(new Link(p, new HostSystem())),
        Profile p when p.Registration == RegisteredProfile.VirtualSystem => SystemsAsync(context),
        Profile { Registration.CentralPools: { } kind } p => PoolsOfAsync(p, kind, context),
        HostSystem => One(new Link(new Profile(RegisteredProfile.SystemVirtualization), element)),
        VirtualComputerSystem s => IfExists(s, context, [new Link(new Profile(RegisteredProfile.VirtualSystem), s)]),
        Pool p => IfExists(p, context, [new Link(new Profile(RegisteredProfile.ForPools(p.Kind)), p)]),
        _ => None(),
    };

    private async IAsyncEnumerable<Link> SystemsAsync(CimCallContext context)
    {
        await foreach (var system in Source.SystemsAsync(context).ConfigureAwait(false))
            yield return new Link(new Profile(RegisteredProfile.VirtualSystem), new VirtualComputerSystem(system.Id));
    }

    private async IAsyncEnumerable<Link> PoolsOfAsync(Profile profile, Hypervisor.ResourceKind kind, CimCallContext context)
    {
        foreach (var pool in await Source.PoolsAsync(context).ConfigureAwait(false))
            if (pool.Kind == kind) yield return new Link(profile, new Pool(pool.Kind, pool.Name));
    }

    private static IAsyncEnumerable<Link> One(Link link) => new[] { link }.ToAsyncEnumerable();
}

/// <summary>
/// CIM_ReferencedProfile (DSP1042 7.2.2, 10.14): System Virtualization (Antecedent) scopes Virtual System and
/// each resource allocation profile (Dependent).
/// </summary>
public sealed class ReferencedProfileProvider(ModelInstances instances, CimClassRepository repository)
    : ModelAssociationProvider(instances, repository, "CIM_ReferencedProfile", "Antecedent", "Dependent", CimNamespaces.Interop)
{
    private static readonly Link[] Links = RegisteredProfile.ScopedResourceProfiles.Prepend(RegisteredProfile.VirtualSystem)
        .Select(p => new Link(new Profile(RegisteredProfile.SystemVirtualization), new Profile(p))).ToArray();

    protected override IAsyncEnumerable<Link> AllAsync(CimCallContext context) => Links.ToAsyncEnumerable();

    protected override IAsyncEnumerable<Link> LinksOfAsync(ModelElement element, CimCallContext context) =>
        Links.Where(l => l.From == element || l.To == element).ToAsyncEnumerable();
}
