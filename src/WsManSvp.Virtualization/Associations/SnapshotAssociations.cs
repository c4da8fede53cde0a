using System.Runtime.CompilerServices;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Model;
using static WsManSvp.Virtualization.Model.ModelElement;

namespace WsManSvp.Virtualization.Associations;

/// <summary>
/// An association among a virtual system and its snapshots (DSP1042 7.7): the links of one system come
/// from its snapshot tree, so traversal from a system or a snapshot reads only that system's tree.
/// </summary>
public abstract class SnapshotAssociationProvider(ModelInstances instances, CimClassRepository repository, string className)
    : ModelAssociationProvider(instances, repository, className, "Antecedent", "Dependent")
{
    protected abstract IEnumerable<Link> LinksOf(VirtualSystem system, SnapshotTree tree);

    protected override async IAsyncEnumerable<Link> AllAsync(CimCallContext context)
    {
        await foreach (var system in Source.SystemsAsync(context).ConfigureAwait(false))
            foreach (var link in LinksOf(system, await Source.SnapshotsAsync(system.Id, context).ConfigureAwait(false)))
                yield return link;
    }

    protected override async IAsyncEnumerable<Link> LinksOfAsync(ModelElement element, CimCallContext context)
    {
        var id = element switch
        {
            VirtualComputerSystem s => s.Id,
            Configuration { Kind: ConfigurationKind.Snapshot } c => c.Id,
            _ => (Guid?)null,
        };
        if (id is null || await Source.SystemAsync(id.Value, context).ConfigureAwait(false) is not { } system) yield break;
        foreach (var link in LinksOf(system, await Source.SnapshotsAsync(system.Id, context).ConfigureAwait(false)))
            if (link.From == element || link.To == element) yield return link;
    }

    protected static Configuration Snapshot(VirtualSystem system, string name) => new(system.Id, ConfigurationKind.Snapshot, name);
}

/// <summary>CIM_SnapshotOfVirtualSystem (DSP1042 10.18): a virtual system to each snapshot taken of it.</summary>
public sealed class SnapshotOfVirtualSystemProvider(ModelInstances instances, CimClassRepository repository)
    : SnapshotAssociationProvider(instances, repository, "CIM_SnapshotOfVirtualSystem")
{
    protected override IEnumerable<Link> LinksOf(VirtualSystem system, SnapshotTree tree) =>
        tree.Snapshots.Select(s => new Link(new VirtualComputerSystem(system.Id), Snapshot(system, s.Name)));
}

/// <summary>CIM_LastAppliedSnapshot (DSP1042 10.12): the snapshot last applied to a system, to the system.</summary>
public sealed class LastAppliedSnapshotProvider(ModelInstances instances, CimClassRepository repository)
    : SnapshotAssociationProvider(instances, repository, "CIM_LastAppliedSnapshot")
{
    protected override IEnumerable<Link> LinksOf(VirtualSystem system, SnapshotTree tree) =>
        tree.LastApplied is { } name && tree.Find(name) is not null ? [new Link(Snapshot(system, name), new VirtualComputerSystem(system.Id))] : [];
}

/// <summary>
/// CIM_MostCurrentSnapshotInBranch (DSP1042 10.13): a system to the younger of its last captured and last
/// applied snapshot — the hypervisor's current snapshot, the parent of the next one taken.
/// </summary>
public sealed class MostCurrentSnapshotInBranchProvider(ModelInstances instances, CimClassRepository repository)
    : SnapshotAssociationProvider(instances, repository, "CIM_MostCurrentSnapshotInBranch")
{
    protected override IEnumerable<Link> LinksOf(VirtualSystem system, SnapshotTree tree) =>
        tree.Current is { } name && tree.Find(name) is not null ? [new Link(new VirtualComputerSystem(system.Id), Snapshot(system, name))] : [];
}

/// <summary>
/// The parent-child relation of snapshots (DSP1042 10.3: CIM_Dependency, which is abstract; served as its
/// generic concrete subclass CIM_ConcreteDependency, which a query for CIM_Dependency finds).
/// </summary>
public sealed class SnapshotDependencyProvider(ModelInstances instances, CimClassRepository repository)
    : SnapshotAssociationProvider(instances, repository, "CIM_ConcreteDependency")
{
    protected override IEnumerable<Link> LinksOf(VirtualSystem system, SnapshotTree tree) =>
        tree.Snapshots.Where(s => s.Parent is not null && tree.Find(s.Parent) is not null)
            .Select(s => new Link(Snapshot(system, s.Parent!), Snapshot(system, s.Name)));
}
