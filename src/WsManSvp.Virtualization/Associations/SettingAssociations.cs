using System.Runtime.CompilerServices;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Model;
using static WsManSvp.Virtualization.Model.ModelElement;

namespace WsManSvp.Virtualization.Associations;

/// <summary>
/// CIM_VirtualSystemSettingDataComponent: a configuration's VSSD to each of its resource allocations
/// (DSP1057), for the Defined and State configurations and each snapshot (DSP1042 7.7.2).
/// </summary>
public sealed class VirtualSystemSettingDataComponentProvider(ModelInstances instances, CimClassRepository repository)
    : ModelAssociationProvider(instances, repository, "CIM_VirtualSystemSettingDataComponent", "GroupComponent", "PartComponent")
{
    protected override async IAsyncEnumerable<Link> AllAsync(CimCallContext context)
    {
        await foreach (var system in Source.SystemsAsync(context).ConfigureAwait(false))
            await foreach (var configuration in Source.ConfigurationsOfAsync(system, context).ConfigureAwait(false))
                foreach (var link in LinksOf(configuration)) yield return link;
    }

    protected override async IAsyncEnumerable<Link> LinksOfAsync(ModelElement element, CimCallContext context)
    {
        switch (element)
        {
            case Configuration c when await Source.ConfigurationAsync(c, context).ConfigureAwait(false) is { } configuration:
                foreach (var link in LinksOf(configuration)) yield return link;
                break;
            case ResourceSetting r when await Source.ResourceAsync(r, context).ConfigureAwait(false) is not null:
                yield return new Link(r.Owner, r);
                break;
        }
    }

    private static IEnumerable<Link> LinksOf(SystemConfiguration configuration) =>
        configuration.Resources.Select(r => new Link(configuration.Element, configuration.SettingOf(r)));
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
        if (id is null || await Source.SystemAsync(id.Value, context).ConfigureAwait(false) is not { } system) yield break;
        foreach (var link in LinksOf(system))
            if (link.From == element || link.To == element) yield return link;
    }

    private static IEnumerable<Link> LinksOf(VirtualSystem system)
    {
        if (SystemConfiguration.State(system) is not { } state) yield break;
        yield return new Link(new VirtualComputerSystem(system.Id), state.Element);
        foreach (var device in VirtualDevices.Of(state.Definition, state.Resources))
            yield return new Link(new Device(system.Id, device.ClassName, device.DeviceId), state.SettingOf(device.Resource));
    }
}

/// <summary>
/// CIM_ElementSettingData (DSP1057, DSP1042 9.4.5): a virtual system to its "Defined" configuration (the
/// default, and the next one it starts with) and to each of its snapshots; while it is active, the "State"
/// VSSD and each "State" RASD to their "Defined" counterparts (IsDefault), which is how a client finds the
/// definition behind what runs (DSP1042 9.3.2.3).
/// </summary>
public sealed class ElementSettingDataProvider(ModelInstances instances, CimClassRepository repository)
    : ModelAssociationProvider(instances, repository, "CIM_ElementSettingData", "ManagedElement", "SettingData")
{
    private const ushort Unknown = 0, Is = 1, IsNot = 2;

    protected override async IAsyncEnumerable<Link> AllAsync(CimCallContext context)
    {
        await foreach (var system in Source.SystemsAsync(context).ConfigureAwait(false))
            await foreach (var link in LinksOfAsync(system, context).ConfigureAwait(false)) yield return link;
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
        await foreach (var link in LinksOfAsync(system, context).ConfigureAwait(false))
            if (link.From == element || link.To == element) yield return link;
    }

    private async IAsyncEnumerable<Link> LinksOfAsync(VirtualSystem system, CimCallContext context,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var defined = SystemConfiguration.Defined(system);
        var state = SystemConfiguration.State(system);
        var computer = new VirtualComputerSystem(system.Id);
        // While the system is off, its definition is all there is of it: the current configuration too.
        yield return new Link(computer, defined.Element, Flags(Is, state is null ? Is : IsNot, Is));
        foreach (var snapshot in (await Source.SnapshotsAsync(system.Id, context).ConfigureAwait(false)).Snapshots)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new Link(computer, SystemConfiguration.OfSnapshot(system, snapshot).Element, Flags(IsNot, IsNot, IsNot));
        }
        if (state is null) yield break;
        yield return new Link(state.Element, defined.Element, Flags(Is, Unknown, Unknown));
        var definedKeys = defined.Resources.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var resource in state.Resources.Where(r => definedKeys.Contains(r.Key)))
            yield return new Link(state.SettingOf(resource), defined.SettingOf(resource), Flags(Is, Unknown, Unknown));
    }

    private static Action<CimInstance> Flags(ushort isDefault, ushort isCurrent, ushort isNext) => i => i
        .Set("IsDefault", CimValue.UInt16(isDefault))
        .Set("IsCurrent", CimValue.UInt16(isCurrent))
        .Set("IsNext", CimValue.UInt16(isNext));
}
