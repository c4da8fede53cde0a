using Microsoft.Extensions.Logging;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Jobs;
using WsManSvp.Virtualization.Model;
using static WsManSvp.Virtualization.Model.ModelElement;

namespace WsManSvp.Virtualization.Management;

/// <summary>
/// The methods of CIM_VirtualSystemManagementService (DSP1042 8.2). DefineSystem and the four settings
/// methods run synchronously; DestroySystem runs as a job (the capabilities say so). Each system's edits
/// are serialized, and every edit reaches the hypervisor as one whole definition, so nothing is half-made.
/// </summary>
public sealed class ManagementMethods(ModelInstances instances, SystemLocks locks, ILogger logger)
{
    public static readonly string[] Synchronous = ["DefineSystem", "AddResourceSettings", "ModifyResourceSettings", "ModifySystemSettings", "RemoveResourceSettings"];
    public static readonly string[] Asynchronous = ["DestroySystem"];

    private ModelSource Source => instances.Source;

    public ValueTask<CimMethodResult> InvokeAsync(string method, IReadOnlyDictionary<string, CimValue> arguments, CimCallContext context)
    {
        var args = new MethodArguments(arguments);
        return RequestRejected.AsReturnCode(method, logger, async () => method switch
        {
            "DefineSystem" => await DefineSystemAsync(args, context).ConfigureAwait(false),
            "DestroySystem" => await DestroySystemAsync(args, context).ConfigureAwait(false),
            "AddResourceSettings" => await AddResourceSettingsAsync(args, context).ConfigureAwait(false),
            "ModifyResourceSettings" => await ModifyResourceSettingsAsync(args.Instances("ResourceSettings"), ignoreUnknown: true, context).ConfigureAwait(false),
            "ModifySystemSettings" => await ModifySystemSettingsAsync(args.Instance("SystemSettings"), ignoreUnknown: true, context).ConfigureAwait(false),
            "RemoveResourceSettings" => await RemoveResourceSettingsAsync(args, context).ConfigureAwait(false),
            _ => MethodResults.Code(MethodCodes.NotSupported),
        });
    }

    /// <summary>
    /// DSP1042 8.2.1: a new system from the "Input" configuration (SystemSettings, ResourceSettings[]) over
    /// the "Reference" one (ReferenceConfiguration, cloned with new adapter addresses and new disk images).
    /// Input allocations whose InstanceID names one of the reference's amend it; processor and memory
    /// requests set the system's one allocation of each; others are added.
    /// </summary>
    private async ValueTask<CimMethodResult> DefineSystemAsync(MethodArguments args, CimCallContext context)
    {
        var host = await Source.HostAsync(context).ConfigureAwait(false);
        var pools = new AllocationContext(host, await Source.PoolsAsync(context).ConfigureAwait(false));
        var paths = await Source.PathsAsync(context).ConfigureAwait(false);
        SystemConfiguration? reference = null;
        if (args.Reference("ReferenceConfiguration") is { } referencePath)
        {
            reference = paths.Parse(referencePath) is Configuration { Kind: not ConfigurationKind.State } c
                ? await Source.ConfigurationAsync(c, context).ConfigureAwait(false)
                : null;
            if (reference is null)
                throw new RequestRejected(MethodCodes.InvalidParameter, $"ReferenceConfiguration: {referencePath} is not a Defined configuration or snapshot of this host.");
        }
        var start = reference is not null
            ? reference.Definition with { Uuid = null }
            : new SystemDefinition("", 1, AllocationLimits.Of(pools.DefaultPool(ResourceKind.Memory), CapabilityRole.Default), [], []);
        var named = SystemSettingsInput.ApplyToNew(args.Instance("SystemSettings"), start with { Name = "" }, host, "SystemSettings");
        var name = named.Name.Length > 0 ? named.Name : reference is not null ? reference.Definition.Name + "-copy" : "vm-" + Guid.NewGuid().ToString("N")[..8];
        var editor = new DefinitionEditor(named with { Name = name }, pools) { Name = name };
        foreach (var (request, part) in Pair(Inputs(args.Instances("ResourceSettings"), "ResourceSettings")))
        {
            if (reference is not null && ReferencedResource(reference, request) is { } amended)
                editor.Modify(request, amended, instances.ResourceSettingInstance(reference, amended));
            else
                editor.Add(request, part, setsSingletons: true);
        }
        var definition = reference is null ? editor.Build() : Distinct(editor.Build(), reference.Definition);
        var system = await Hypervise(() => Source.Hypervisor.DefineSystemAsync(definition, context.CancellationToken)).ConfigureAwait(false);
        return MethodResults.With(MethodCodes.Completed, ("ResultingSystem", CimValue.Reference(paths.Of(new VirtualComputerSystem(system.Id)))));
    }

    /// <summary>DSP1042 8.2.2, as a job: an active system is powered off first; its snapshots go with it.</summary>
    private async ValueTask<CimMethodResult> DestroySystemAsync(MethodArguments args, CimCallContext context)
    {
        var paths = await Source.PathsAsync(context).ConfigureAwait(false);
        var system = args.Reference("AffectedSystem") is { } path && paths.Parse(path) is VirtualComputerSystem s
            ? await Source.SystemAsync(s.Id, context).ConfigureAwait(false)
            : null;
        if (system is null)
            throw new RequestRejected(MethodCodes.InvalidParameter, "AffectedSystem: no such virtual system."); // Table 5: 4 = not found
        if (system.State is SystemState.Starting or SystemState.ShuttingDown || !Source.PendingStateChanges.TryBegin(system.Id, EnabledStates.Disabled))
            throw new RequestRejected(MethodCodes.InvalidState, $"AffectedSystem: {system.Definition.Name} is changing state; destroy it once it has.");
        try
        {
            var hypervisor = Source.Hypervisor;
            var job = await Source.Jobs.StartAsync(
                new JobStart("DestroySystem", $"Destroy {system.Definition.Name}", new ManagementService(), context.UserName,
                    [new JobEffect(new VirtualComputerSystem(system.Id), JobEffect.Unknown)]),
                async job =>
                {
                    try
                    {
                        var current = await hypervisor.GetSystemAsync(system.Id, job.CancellationToken).ConfigureAwait(false)
                            ?? throw new JobFailedException(new JobError(4, $"{system.Definition.Name} no longer exists.", (uint)CimStatus.NotFound, JobErrorKind.Failed));
                        if (VirtualDevices.IsActive(current.State))
                        {
                            await hypervisor.ChangeStateAsync(system.Id, StateTransition.PowerOff, job.CancellationToken).ConfigureAwait(false);
                            await job.ProgressAsync(50).ConfigureAwait(false);
                        }
                        await hypervisor.UndefineSystemAsync(system.Id, job.CancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        Source.PendingStateChanges.End(system.Id);
                    }
                }).ConfigureAwait(false);
            return MethodResults.JobStarted(job, paths);
        }
        catch
        {
            Source.PendingStateChanges.End(system.Id);
            throw;
        }
    }

    /// <summary>DSP1042 8.2.3: new allocations in a "Defined" configuration; their InstanceIDs are ignored (8.2.3.2).</summary>
    private async ValueTask<CimMethodResult> AddResourceSettingsAsync(MethodArguments args, CimCallContext context)
    {
        var paths = await Source.PathsAsync(context).ConfigureAwait(false);
        if (args.Reference("AffectedConfiguration") is not { } path || paths.Parse(path) is not Configuration target)
            throw new RequestRejected(MethodCodes.InvalidParameter, "AffectedConfiguration: a virtual system configuration is required.");
        if (target.Kind != ConfigurationKind.Defined)
            throw new RequestRejected(MethodCodes.InvalidParameter, $"AffectedConfiguration: resources are added to a system's Defined configuration, not to its {target.Kind} configuration.");
        var inputs = Inputs(args.Instances("ResourceSettings"), "ResourceSettings");
        if (inputs.Count == 0) throw new RequestRejected(MethodCodes.InvalidParameter, "ResourceSettings: at least one allocation is required.");
        using var _ = await locks.AcquireAsync(target.Id, context.CancellationToken).ConfigureAwait(false);
        var configuration = await Source.ConfigurationAsync(target, context).ConfigureAwait(false)
            ?? throw new RequestRejected(MethodCodes.InvalidParameter, "AffectedConfiguration: no such configuration.");
        var editor = new DefinitionEditor(configuration.Definition, await PoolsAsync(context).ConfigureAwait(false)) { Name = configuration.Definition.Name };
        var added = new List<string>();
        foreach (var (request, part) in Pair(inputs))
        {
            if (request.ResourceType is ResourceTypes.LogicalDisk or ResourceTypes.EthernetConnection &&
                request.ParentInstanceId(instances.Repository) is { } parentId && ExistingResource(configuration, parentId) is { } parent)
            {
                // Hyper-V style: a medium or connection added to a drive or adapter the configuration already has.
                var attached = Attached(configuration, parent);
                editor.Modify(request, attached, instances.ResourceSettingInstance(configuration, attached), strict: false);
                added.Add(attached.Key);
                continue;
            }
            added.AddRange(editor.Add(request, part, setsSingletons: false));
        }
        if (editor.Changes)
            await Hypervise(() => Source.Hypervisor.UpdateDefinitionAsync(target.Id, editor.Build(), context.CancellationToken)).ConfigureAwait(false);
        return MethodResults.With(MethodCodes.Completed,
            ("ResultingResourceSettings", MethodResults.References(paths, added.Distinct().Select(k => new ResourceSetting(target.Id, ConfigurationKind.Defined, k)))));
    }

    /// <summary>
    /// DSP1042 8.2.4 (and Put of a RASD): the allocations the InstanceIDs name change as one atomic edit.
    /// Unknown InstanceIDs are ignored (8.2.4.1) unless <paramref name="ignoreUnknown"/> is false (Put).
    /// </summary>
    public async ValueTask<CimMethodResult> ModifyResourceSettingsAsync(IReadOnlyList<CimInstance> settings, bool ignoreUnknown, CimCallContext context)
    {
        var inputs = Inputs(settings, "ResourceSettings");
        if (inputs.Count == 0) throw new RequestRejected(MethodCodes.InvalidParameter, "ResourceSettings: at least one allocation is required.");
        var targets = new List<(RasdInput Request, ResourceSetting Setting)>();
        foreach (var input in inputs)
        {
            if (input.InstanceId is { } id && InstanceIds.TryParseSetting(id, out var system, out var kind, out var key, out var snapshot) && key is not null)
                targets.Add((input, new ResourceSetting(system, kind, key, snapshot)));
            else if (!ignoreUnknown)
                throw new RequestRejected(MethodCodes.InvalidParameter, $"{input.Label}: InstanceID '{input.InstanceId}' names no resource allocation.");
        }
        if (targets.Select(t => t.Setting.Id).Distinct().Count() > 1)
            throw new RequestRejected(MethodCodes.IncompatibleParameters, "ResourceSettings: the allocations belong to more than one virtual system; modify one system at a time.");
        if (targets.Count == 0) return MethodResults.With(MethodCodes.Completed, ("ResultingResourceSettings", MethodResults.References(await Source.PathsAsync(context).ConfigureAwait(false), [])));
        var systemId = targets[0].Setting.Id;
        using var _ = await locks.AcquireAsync(systemId, context.CancellationToken).ConfigureAwait(false);
        var editor = (DefinitionEditor?)null;
        SystemConfiguration? configuration = null;
        var modified = new List<string>();
        foreach (var (request, setting) in targets)
        {
            if (await Source.ResourceAsync(setting, context).ConfigureAwait(false) is not { } found)
            {
                if (ignoreUnknown) continue;
                throw new RequestRejected(MethodCodes.InvalidParameter, $"{request.Label}: no allocation {request.InstanceId} exists.");
            }
            CheckModifiable(setting.Kind, request.Label, "allocations");
            configuration ??= found.Configuration;
            editor ??= new DefinitionEditor(configuration.Definition, await PoolsAsync(context).ConfigureAwait(false)) { Name = configuration.Definition.Name };
            editor.Modify(request, found.Resource, instances.ResourceSettingInstance(found.Configuration, found.Resource));
            modified.Add(found.Resource.Key);
        }
        var paths = await Source.PathsAsync(context).ConfigureAwait(false);
        if (editor is null) return MethodResults.With(MethodCodes.Completed, ("ResultingResourceSettings", MethodResults.References(paths, [])));
        if (editor.Changes)
            await Hypervise(() => Source.Hypervisor.UpdateDefinitionAsync(systemId, editor.Build(), context.CancellationToken)).ConfigureAwait(false);
        return MethodResults.With(MethodCodes.Completed, ("ResultingResourceSettings",
            MethodResults.References(paths, modified.Distinct().Select(k => new ResourceSetting(systemId, ConfigurationKind.Defined, k)))));
    }

    /// <summary>DSP1042 8.2.5 (and Put of a VSSD): Description may change; an unknown InstanceID is ignored (8.2.5.1) unless <paramref name="ignoreUnknown"/> is false.</summary>
    public async ValueTask<CimMethodResult> ModifySystemSettingsAsync(CimInstance? settings, bool ignoreUnknown, CimCallContext context)
    {
        if (settings is null) throw new RequestRejected(MethodCodes.InvalidParameter, "SystemSettings: the settings to apply are required.");
        var id = settings.Class.GetProperty("InstanceID") is { } p && settings[p] is { IsNull: false } v ? v.AsString() : null;
        var target = id is not null && InstanceIds.TryParseSetting(id, out var system, out var kind, out var key, out var snapshot) && key is null
            ? new Configuration(system, kind, snapshot)
            : null;
        using var _ = target is null ? null : await locks.AcquireAsync(target.Id, context.CancellationToken).ConfigureAwait(false);
        var configuration = target is null ? null : await Source.ConfigurationAsync(target, context).ConfigureAwait(false);
        if (configuration is null)
        {
            if (ignoreUnknown) return MethodResults.Code(MethodCodes.Completed);
            throw new RequestRejected(MethodCodes.InvalidParameter, $"SystemSettings: InstanceID '{id}' names no virtual system configuration.");
        }
        CheckModifiable(configuration.Kind, "SystemSettings", "settings");
        var host = await Source.HostAsync(context).ConfigureAwait(false);
        var definition = SystemSettingsInput.ApplyToExisting(settings, instances.ConfigurationInstance(configuration, host), configuration.Definition, "SystemSettings");
        if (definition != configuration.Definition)
            await Hypervise(() => Source.Hypervisor.UpdateDefinitionAsync(target!.Id, definition, context.CancellationToken)).ConfigureAwait(false);
        return MethodResults.Code(MethodCodes.Completed);
    }

    /// <summary>DSP1042 8.2.6: all the allocations named go, or none do (9.3.2.4).</summary>
    private async ValueTask<CimMethodResult> RemoveResourceSettingsAsync(MethodArguments args, CimCallContext context)
    {
        var paths = await Source.PathsAsync(context).ConfigureAwait(false);
        var references = args.References("ResourceSettings");
        if (references.Count == 0) throw new RequestRejected(MethodCodes.InvalidParameter, "ResourceSettings: at least one allocation is required.");
        var settings = references.Select((r, i) => paths.Parse(r) as ResourceSetting
            ?? throw new RequestRejected(MethodCodes.InvalidParameter, $"ResourceSettings[{i}]: {r} is not a resource allocation.")).ToList();
        if (settings.Select(s => s.Id).Distinct().Count() > 1)
            throw new RequestRejected(MethodCodes.InvalidParameter, "ResourceSettings: the allocations belong to more than one virtual system.");
        if (settings.FirstOrDefault(s => s.Kind != ConfigurationKind.Defined) is { } other)
            throw new RequestRejected(MethodCodes.InvalidParameter, $"ResourceSettings: allocations are removed from a system's Defined configuration, not from its {other.Kind} configuration.");
        using var _ = await locks.AcquireAsync(settings[0].Id, context.CancellationToken).ConfigureAwait(false);
        DefinitionEditor? editor = null;
        for (var i = 0; i < settings.Count; i++)
        {
            var found = await Source.ResourceAsync(settings[i], context).ConfigureAwait(false)
                ?? throw new RequestRejected(MethodCodes.InvalidParameter, $"ResourceSettings[{i}]: no such allocation.");
            editor ??= new DefinitionEditor(found.Configuration.Definition, await PoolsAsync(context).ConfigureAwait(false));
            editor.Remove(found.Resource, $"ResourceSettings[{i}]");
        }
        await Hypervise(() => Source.Hypervisor.UpdateDefinitionAsync(settings[0].Id, editor!.Build(), context.CancellationToken)).ConfigureAwait(false);
        return MethodResults.Code(MethodCodes.Completed);
    }

    /// <summary>Live (State) configurations and snapshots are not edited here: the Defined configuration is.</summary>
    private static void CheckModifiable(ConfigurationKind kind, string label, string what)
    {
        if (kind == ConfigurationKind.State)
            throw new RequestRejected(MethodCodes.InvalidState, $"{label}: the State configuration of a running system cannot be changed; change its Defined configuration, which applies at its next start.");
        if (kind == ConfigurationKind.Snapshot)
            throw new RequestRejected(MethodCodes.InvalidParameter, $"{label}: a snapshot's {what} cannot be changed.");
    }

    private async ValueTask<AllocationContext> PoolsAsync(CimCallContext context) =>
        new(await Source.HostAsync(context).ConfigureAwait(false), await Source.PoolsAsync(context).ConfigureAwait(false));

    private static List<RasdInput> Inputs(IReadOnlyList<CimInstance> instances, string parameter) =>
        instances.Select((instance, i) => new RasdInput(instance, $"{parameter}[{i}]")).ToList();

    /// <summary>
    /// Pairs each medium (31) or connection (33) whose Parent names another request's InstanceID with that
    /// drive or adapter; the rest stand alone.
    /// </summary>
    private IEnumerable<(RasdInput Request, RasdInput? Part)> Pair(List<RasdInput> inputs)
    {
        var parts = new Dictionary<RasdInput, RasdInput>();
        foreach (var part in inputs.Where(i => i.ResourceType is ResourceTypes.LogicalDisk or ResourceTypes.EthernetConnection))
        {
            if (part.ParentInstanceId(instances.Repository) is not { } parentId) continue;
            var owner = inputs.FirstOrDefault(i => i != part && i.InstanceId == parentId &&
                (part.ResourceType == ResourceTypes.LogicalDisk
                    ? i.ResourceType is ResourceTypes.DiskDrive or ResourceTypes.CdDrive or ResourceTypes.DvdDrive
                    : i.ResourceType == ResourceTypes.EthernetAdapter));
            if (owner is not null && parts.TryAdd(owner, part)) continue;
        }
        var paired = parts.Values.ToHashSet();
        return inputs.Where(i => !paired.Contains(i)).Select(i => (i, parts.GetValueOrDefault(i)));
    }

    /// <summary>The reference configuration's allocation an input's InstanceID names (8.2.1.1's advanced level), if any.</summary>
    private static VirtualResource? ReferencedResource(SystemConfiguration reference, RasdInput input) =>
        input.InstanceId is { } id && InstanceIds.TryParseSetting(id, out var system, out var kind, out var key, out var snapshot) &&
        key is not null && reference.Element == new Configuration(system, kind, snapshot)
            ? reference.Resources.FirstOrDefault(r => r.Key == key)
            : null;

    private static VirtualResource? ExistingResource(SystemConfiguration configuration, string instanceId) =>
        InstanceIds.TryParseSetting(instanceId, out var system, out var kind, out var key, out var snapshot) && key is not null &&
        configuration.Element == new Configuration(system, kind, snapshot)
            ? configuration.Resources.FirstOrDefault(r => r.Key == key)
            : null;

    /// <summary>The medium of a drive, or the connection of an adapter (what a part added to it replaces).</summary>
    private static VirtualResource Attached(SystemConfiguration configuration, VirtualResource parent) =>
        configuration.Resources.First(r => r.ParentKey == parent.Key && r.Role is ResourceRole.Medium or ResourceRole.NetworkConnection);

    /// <summary>A copy of a reference is a new system: its adapters get new addresses and its disks new images.</summary>
    private static SystemDefinition Distinct(SystemDefinition copy, SystemDefinition reference)
    {
        var taken = copy.NetworkAdapters.Select(a => a.MacAddress).ToHashSet();
        var adapters = copy.NetworkAdapters.Select(a =>
        {
            if (reference.NetworkAdapters.All(r => r.MacAddress != a.MacAddress)) return a;
            string mac;
            do mac = $"52:54:00:{Random.Shared.Next(256):x2}:{Random.Shared.Next(256):x2}:{Random.Shared.Next(256):x2}";
            while (!taken.Add(mac));
            return a with { MacAddress = mac };
        }).ToArray();
        var disks = copy.Disks.Select(d => d.IsCdrom || reference.Disks.All(r => r.Path != d.Path)
            ? d
            : d with { Path = Path.Combine(Path.GetDirectoryName(d.Path) ?? "", $"{copy.Name}-{d.Device}{Path.GetExtension(d.Path)}"), CloneOf = d.Path }).ToArray();
        return copy with { NetworkAdapters = adapters, Disks = disks };
    }

    /// <summary>A hypervisor call whose refusals are the method's return codes; an unreachable hypervisor stays a fault.</summary>
    private static async ValueTask<T> Hypervise<T>(Func<ValueTask<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (HypervisorException e) when (e.Error is HypervisorError.AlreadyExists or HypervisorError.InvalidArgument or HypervisorError.NotFound)
        {
            throw new RequestRejected(MethodCodes.InvalidParameter, e.Message);
        }
        catch (HypervisorException e) when (e.Error == HypervisorError.InvalidState)
        {
            throw new RequestRejected(MethodCodes.InvalidState, e.Message);
        }
        catch (HypervisorException e) when (e.Error is HypervisorError.Failed or HypervisorError.NotSupported)
        {
            throw new RequestRejected(MethodCodes.Failed, e.Message);
        }
        catch (HypervisorException e)
        {
            throw e.ToCim();
        }
    }
}
