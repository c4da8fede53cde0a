using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Model;
using static WsManSvp.Virtualization.Model.ModelElement;

namespace WsManSvp.Virtualization.Associations;

/// <summary>CIM_VirtualSystemSettingDataComponent: a configuration's VSSD to each of its resource allocations (DSP1057).</summary>
public sealed class VirtualSystemSettingDataComponentProvider(ModelInstances instances, CimClassRepository repository)
    : ModelAssociationProvider(instances, repository, "CIM_VirtualSystemSettingDataComponent", "GroupComponent", "PartComponent")
{
    protected override async IAsyncEnumerable<Link> AllAsync(CimCallContext context)
    {
        await foreach (var system in Source.SystemsAsync(context).ConfigureAwait(false))
            foreach (var kind in ModelSource.ConfigurationsOf(system))
                foreach (var link in LinksOf(system, kind)) yield return link;
    }

    protected override async IAsyncEnumerable<Link> LinksOfAsync(ModelElement element, CimCallContext context)
    {
        switch (element)
        {
            case Configuration c when await Source.ConfigurationAsync(c.Id, c.Kind, context).ConfigureAwait(false) is { } system:
                foreach (var link in LinksOf(system, c.Kind)) yield return link;
                break;
            case ResourceSetting r when await Source.ResourceAsync(r, context).ConfigureAwait(false) is not null:
                yield return new Link(new Configuration(r.Id, r.Kind), r);
                break;
        }
    }

    private static IEnumerable<Link> LinksOf(VirtualSystem system, ConfigurationKind kind) =>
        VirtualResources.Of(system.Definition).Select(r => new Link(new Configuration(system.Id, kind), new ResourceSetting(system.Id, kind, r.Key)));
}

/// <summary>
/// CIM_SettingsDefineState (DSP1057): an active virtual system to its "State" configuration, and each of its
/// devices to the "State" resource allocation the device realizes.
/// </summary>
public sealed class SettingsDefineStateProvider(ModelInstances instances, CimClassRepository repository)
    : ModelAssociationProvider(instances, repository, "CIM_SettingsDefineState", "ManagedElement", "SettingData")
{
    protected override async IAsyncEnumerable<Link> AllAsync(CimCallContext context)
    {
        await foreach (var system in Source.SystemsAsync(context).ConfigureAwait(false))
            foreach (var link in LinksOf(system)) yield return link;
    }

    protected override async IAsyncEnumerable<Link> LinksOfAsync(ModelElement element, CimCallContext context)
    {
        var id = element switch
        {
            VirtualComputerSystem s => s.Id,
            Configuration { Kind: ConfigurationKind.State } c => c.Id,
            ResourceSetting { Kind: ConfigurationKind.State } r => r.Id,
            Device d => d.Id,
            _ => (Guid?)null,
        };
        if (id is null || await Source.ConfigurationAsync(id.Value, ConfigurationKind.State, context).ConfigureAwait(false) is not { } system) yield break;
        foreach (var link in LinksOf(system))
            if (link.From == element || link.To == element) yield return link;
    }

    private static IEnumerable<Link> LinksOf(VirtualSystem system)
    {
        if (!VirtualDevices.IsActive(system.State)) yield break;
        yield return new Link(new VirtualComputerSystem(system.Id), new Configuration(system.Id, ConfigurationKind.State));
        foreach (var device in ModelSource.DevicesOf(system))
            yield return new Link(new Device(system.Id, device.ClassName, device.DeviceId),
                new ResourceSetting(system.Id, ConfigurationKind.State, device.Resource.Key));
    }
}

/// <summary>
/// CIM_ElementSettingData (DSP1057): a virtual system to its "Defined" configuration (the default, and the
/// next one it starts with); while it is active, the "State" VSSD and each "State" RASD to their "Defined"
/// counterparts (IsDefault), which is how a client finds the definition behind what runs (DSP1042 9.3.2.3).
/// </summary>
public sealed class ElementSettingDataProvider(ModelInstances instances, CimClassRepository repository)
    : ModelAssociationProvider(instances, repository, "CIM_ElementSettingData", "ManagedElement", "SettingData")
{
    private const ushort Unknown = 0, Is = 1, IsNot = 2;

    protected override async IAsyncEnumerable<Link> AllAsync(CimCallContext context)
    {
        await foreach (var system in Source.SystemsAsync(context).ConfigureAwait(false))
            foreach (var link in LinksOf(system)) yield return link;
    }

    protected override async IAsyncEnumerable<Link> LinksOfAsync(ModelElement element, CimCallContext context)
    {
        var id = element switch
        {
            VirtualComputerSystem s => s.Id,
            Configuration c => c.Id,
            ResourceSetting r => r.Id,
            _ => (Guid?)null,
        };
        if (id is null || await Source.SystemAsync(id.Value, context).ConfigureAwait(false) is not { } system) yield break;
        foreach (var link in LinksOf(system))
            if (link.From == element || link.To == element) yield return link;
    }

    private static IEnumerable<Link> LinksOf(VirtualSystem system)
    {
        var active = VirtualDevices.IsActive(system.State);
        var defined = new Configuration(system.Id, ConfigurationKind.Defined);
        // While the system is off, its definition is all there is of it: the current configuration too.
        yield return new Link(new VirtualComputerSystem(system.Id), defined, Flags(Is, active ? IsNot : Is, Is));
        if (!active) yield break;
        yield return new Link(new Configuration(system.Id, ConfigurationKind.State), defined, Flags(Is, Unknown, Unknown));
        foreach (var resource in VirtualResources.Of(system.Definition))
            yield return new Link(new ResourceSetting(system.Id, ConfigurationKind.State, resource.Key),
                new ResourceSetting(system.Id, ConfigurationKind.Defined, resource.Key), Flags(Is, Unknown, Unknown));
    }

    private static Action<CimInstance> Flags(ushort isDefault, ushort isCurrent, ushort isNext) => i => i
        .Set("IsDefault", CimValue.UInt16(isDefault))
        .Set("IsCurrent", CimValue.UInt16(isCurrent))
        .Set("IsNext", CimValue.UInt16(isNext));
}
