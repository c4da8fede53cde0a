using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Model;
using static WsManSvp.Virtualization.Model.ModelElement;

namespace WsManSvp.Virtualization.Associations;

/// <summary>
/// CIM_ElementCapabilities (DSP1042 10.4-10.7, DSP1043): the host and the management service to the
/// management capabilities; the snapshot service to its capabilities; each virtual system to its snapshot
/// capabilities; each pool to its allocation capabilities ("Current"), and the host to the allocation
/// capabilities of each kind's default pool ("Default", use case 9.2.11).
/// </summary>
public sealed class ElementCapabilitiesProvider(ModelInstances instances, CimClassRepository repository)
    : ModelAssociationProvider(instances, repository, "CIM_ElementCapabilities", "ManagedElement", "Capabilities")
{
    private const ushort Default = 2;
    private const ushort Current = 3;

    private static readonly Link[] ServiceLinks =
    [
        new(new HostSystem(), new ManagementCapabilities()),
        new(new ManagementService(), new ManagementCapabilities()),
        new(new SnapshotService(), new SnapshotServiceCapabilities()),
    ];

    protected override async IAsyncEnumerable<Link> AllAsync(CimCallContext context)
    {
        foreach (var link in ServiceLinks) yield return link;
        foreach (var link in await PoolLinksAsync(context).ConfigureAwait(false)) yield return link;
        await foreach (var system in Source.SystemsAsync(context).ConfigureAwait(false))
            yield return SnapshotLink(system.Id);
    }

    protected override async IAsyncEnumerable<Link> LinksOfAsync(ModelElement element, CimCallContext context)
    {
        foreach (var link in ServiceLinks.Where(l => l.From == element || l.To == element)) yield return link;
        switch (element)
        {
            case HostSystem or Pool or PoolCapabilities:
                foreach (var link in (await PoolLinksAsync(context).ConfigureAwait(false)).Where(l => l.From == element || l.To == element))
                    yield return link;
                break;
            case VirtualComputerSystem or SnapshotCapabilities:
                var id = element is VirtualComputerSystem s ? s.Id : ((SnapshotCapabilities)element).Id;
                if (await Source.SystemAsync(id, context).ConfigureAwait(false) is not null) yield return SnapshotLink(id);
                break;
        }
    }

    private async ValueTask<List<Link>> PoolLinksAsync(CimCallContext context)
    {
        var links = new List<Link>();
        foreach (var pool in await Source.PoolsAsync(context).ConfigureAwait(false))
            links.Add(new Link(new Pool(pool.Kind, pool.Name), Caps(pool), Characteristics(Current)));
        foreach (var kind in Enum.GetValues<ResourceKind>())
            if (await Source.DefaultPoolAsync(kind, context).ConfigureAwait(false) is { } pool)
                links.Add(new Link(new HostSystem(), Caps(pool), Characteristics(Default)));
        return links;
    }

    private static PoolCapabilities Caps(ResourcePoolInfo pool) => new(pool.Kind, pool.Name);

    private static Link SnapshotLink(Guid id) => new(new VirtualComputerSystem(id), new SnapshotCapabilities(id));

    private static Action<CimInstance> Characteristics(ushort value) => i => i.Set("Characteristics", CimValue.UInt16Array(value));
}

/// <summary>
/// CIM_SettingsDefineCapabilities (DSP1043): a pool's allocation capabilities to the settings giving its
/// minimum, maximum and increment (ValueRole Supported, ValueRange 1-3) and its default (ValueRole Default, Point).
/// </summary>
public sealed class SettingsDefineCapabilitiesProvider(ModelInstances instances, CimClassRepository repository)
    : ModelAssociationProvider(instances, repository, "CIM_SettingsDefineCapabilities", "GroupComponent", "PartComponent")
{
    protected override async IAsyncEnumerable<Link> AllAsync(CimCallContext context)
    {
        foreach (var pool in await Source.PoolsAsync(context).ConfigureAwait(false))
            foreach (var link in LinksOf(pool.Kind, pool.Name)) yield return link;
    }

    protected override IAsyncEnumerable<Link> LinksOfAsync(ModelElement element, CimCallContext context) => element switch
    {
        PoolCapabilities c => IfExists(c, context, LinksOf(c.Kind, c.Name)),
        CapabilitySetting s => IfExists(s, context, LinksOf(s.Kind, s.Name).Where(l => l.To == s)),
        _ => None(),
    };

    private static IEnumerable<Link> LinksOf(ResourceKind kind, string name) =>
        Enum.GetValues<CapabilityRole>().Select(role => new Link(new PoolCapabilities(kind, name), new CapabilitySetting(kind, name, role), i => i
            .Set("PropertyPolicy", CimValue.UInt16(0)) // Independent
            .Set("ValueRole", CimValue.UInt16(role == CapabilityRole.Default ? (ushort)0 : (ushort)3)) // Default, or Supported
            .Set("ValueRange", CimValue.UInt16(role switch
            {
                CapabilityRole.Minimum => 1,
                CapabilityRole.Maximum => 2,
                CapabilityRole.Increment => 3,
                _ => 0, // Point
            }))));
}
