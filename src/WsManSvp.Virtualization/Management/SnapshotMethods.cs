using Microsoft.Extensions.Logging;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Jobs;
using WsManSvp.Virtualization.Model;
using static WsManSvp.Virtualization.Model.ModelElement;

namespace WsManSvp.Virtualization.Management;

/// <summary>
/// The methods of CIM_VirtualSystemSnapshotService (DSP1042 8.3), each run as a job once its parameters
/// are checked: CreateSnapshot (SnapshotType 2 full, 3 disk, as the host supports), DestroySnapshot and
/// ApplySnapshot.
/// </summary>
public sealed class SnapshotMethods(ModelInstances instances, SystemLocks locks, ILogger logger)
{
    public const ushort FullSnapshot = 2;
    public const ushort DiskSnapshot = 3;

    public static readonly string[] Asynchronous = ["CreateSnapshot", "DestroySnapshot", "ApplySnapshot"];

    private ModelSource Source => instances.Source;

    /// <summary>SnapshotType values for the kinds a host takes.</summary>
    public static ushort[] TypesOf(IEnumerable<SnapshotKind> kinds) => kinds.Select(k => k == SnapshotKind.Full ? FullSnapshot : DiskSnapshot).Order().ToArray();

    /// <summary>Whether a system in this state can be captured (a saved or changing system cannot).</summary>
    public static bool CanCapture(SystemState state) => state is SystemState.Running or SystemState.Paused or SystemState.Off;

    public ValueTask<CimMethodResult> InvokeAsync(string method, IReadOnlyDictionary<string, CimValue> arguments, CimCallContext context)
    {
        var args = new MethodArguments(arguments);
        return RequestRejected.AsReturnCode(method, logger, async () => method switch
        {
            "CreateSnapshot" => await CreateSnapshotAsync(args, context).ConfigureAwait(false),
            "DestroySnapshot" => await DestroySnapshotAsync(args, context).ConfigureAwait(false),
            "ApplySnapshot" => await ApplySnapshotAsync(args, context).ConfigureAwait(false),
            _ => MethodResults.Code(MethodCodes.NotSupported),
        });
    }

    /// <summary>DSP1042 8.3.1: SnapshotSettings may carry the snapshot's ElementName; the new snapshot is the job's affected element (Create).</summary>
    private async ValueTask<CimMethodResult> CreateSnapshotAsync(MethodArguments args, CimCallContext context)
    {
        var host = await Source.HostAsync(context).ConfigureAwait(false);
        var paths = await Source.PathsAsync(context).ConfigureAwait(false);
        var system = await SystemOf(args.Reference("AffectedSystem"), paths, context).ConfigureAwait(false)
            ?? throw new RequestRejected(MethodCodes.InvalidParameter, "AffectedSystem: no such virtual system.");
        var type = args.UInt("SnapshotType");
        var kind = type switch { FullSnapshot => SnapshotKind.Full, DiskSnapshot => SnapshotKind.DiskOnly, _ => (SnapshotKind?)null };
        if (kind is null || !host.SnapshotKinds.Contains(kind.Value))
            throw new RequestRejected(MethodCodes.InvalidSnapshotType,
                $"SnapshotType {type?.ToString() ?? "NULL"} is not one this host takes ({string.Join(", ", TypesOf(host.SnapshotKinds))}).");
        if (!CanCapture(system.State))
            throw new RequestRejected(MethodCodes.InvalidState, $"AffectedSystem: {system.Definition.Name} is {system.State}; it can be captured when running, paused or off.");
        var description = args.Instance("SnapshotSettings") is { } settings && settings.Class.GetProperty("ElementName") is { } p && settings[p] is { IsNull: false } name
            ? name.AsString()
            : null;
        var hypervisor = Source.Hypervisor;
        var job = await Source.Jobs.StartAsync(
            new JobStart("CreateSnapshot", $"Snapshot {system.Definition.Name}", new SnapshotService(), context.UserName, []),
            async job =>
            {
                var snapshot = await Run(() => hypervisor.CreateSnapshotAsync(system.Id, kind.Value, description, job.CancellationToken)).ConfigureAwait(false);
                Source.SnapshotChanges.Taken(system, snapshot);
                job.Affects(new Configuration(system.Id, ConfigurationKind.Snapshot, snapshot.Name), JobEffect.Create);
            }).ConfigureAwait(false);
        return MethodResults.JobStarted(job, paths);
    }

    /// <summary>DSP1042 8.3.2: the snapshot's children take its parent as theirs; the system is not touched.</summary>
    private async ValueTask<CimMethodResult> DestroySnapshotAsync(MethodArguments args, CimCallContext context)
    {
        var paths = await Source.PathsAsync(context).ConfigureAwait(false);
        var (system, snapshot) = await SnapshotOf(args.Reference("AffectedSnapshot"), "AffectedSnapshot", paths, context).ConfigureAwait(false);
        var hypervisor = Source.Hypervisor;
        var job = await Source.Jobs.StartAsync(
            new JobStart("DestroySnapshot", $"Destroy snapshot {snapshot.Name} of {system.Definition.Name}", new SnapshotService(), context.UserName,
                [new JobEffect(new VirtualComputerSystem(system.Id), JobEffect.Unknown)]),
            job => Run(async () =>
            {
                await hypervisor.DeleteSnapshotAsync(system.Id, snapshot.Name, job.CancellationToken).ConfigureAwait(false);
                Source.SnapshotChanges.Deleted(system, snapshot);
                return true;
            }).AsTask()).ConfigureAwait(false);
        return MethodResults.JobStarted(job, paths);
    }

    /// <summary>DSP1042 8.3.3, 9.4.9: the system goes back to the snapshot (a full one also to its state); it becomes the last applied.</summary>
    private async ValueTask<CimMethodResult> ApplySnapshotAsync(MethodArguments args, CimCallContext context)
    {
        var paths = await Source.PathsAsync(context).ConfigureAwait(false);
        var (system, snapshot) = await SnapshotOf(args.Reference("Snapshot"), "Snapshot", paths, context).ConfigureAwait(false);
        // Where the system is going: a full snapshot's state, or (disk only) started again if it was active.
        var requested = snapshot.Kind == SnapshotKind.Full ? EnabledStates.EnabledState(snapshot.State)
            : VirtualDevices.IsActive(system.State) ? EnabledStates.Enabled : EnabledStates.Disabled;
        if (system.State is SystemState.Starting or SystemState.ShuttingDown || !Source.PendingStateChanges.TryBegin(system.Id, requested))
            throw new RequestRejected(MethodCodes.InvalidState, $"Snapshot: {system.Definition.Name} is changing state; apply the snapshot once it has.");
        try
        {
            var hypervisor = Source.Hypervisor;
            var job = await Source.Jobs.StartAsync(
                new JobStart("ApplySnapshot", $"Apply snapshot {snapshot.Name} to {system.Definition.Name}", new SnapshotService(), context.UserName,
                    [new JobEffect(new VirtualComputerSystem(system.Id), JobEffect.Unknown)]),
                async job =>
                {
                    try
                    {
                        // The definition is replaced: no settings edit of the system may interleave with it.
                        using var _ = await locks.AcquireAsync(system.Id, job.CancellationToken).ConfigureAwait(false);
                        await Run(() => hypervisor.ApplySnapshotAsync(system.Id, snapshot.Name, job.CancellationToken)).ConfigureAwait(false);
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

    private async ValueTask<VirtualSystem?> SystemOf(CimObjectPath? reference, ModelPaths paths, CimCallContext context) =>
        reference is not null && paths.Parse(reference) is VirtualComputerSystem s ? await Source.SystemAsync(s.Id, context).ConfigureAwait(false) : null;

    private async ValueTask<(VirtualSystem System, SystemSnapshot Snapshot)> SnapshotOf(CimObjectPath? reference, string parameter, ModelPaths paths, CimCallContext context)
    {
        if (reference is not null && paths.Parse(reference) is Configuration { Kind: ConfigurationKind.Snapshot } c &&
            await Source.ConfigurationAsync(c, context).ConfigureAwait(false) is { Snapshot: { } snapshot } found)
            return (found.System, snapshot);
        throw new RequestRejected(MethodCodes.InvalidParameter, $"{parameter}: {reference?.ToString() ?? "NULL"} is not a snapshot of a virtual system of this host.");
    }

    /// <summary>A snapshot operation in a job: the hypervisor's refusals become the job's ErrorCode (the return code a synchronous call would give).</summary>
    private static async ValueTask<T> Run<T>(Func<ValueTask<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (HypervisorException e) when (e.Error is HypervisorError.InvalidState or HypervisorError.NotSupported)
        {
            var code = e.Error == HypervisorError.InvalidState ? MethodCodes.InvalidState : MethodCodes.InvalidSnapshotType;
            throw new JobFailedException(new JobError((ushort)code, e.Message, (uint)e.ToCim().Status, JobErrorKind.Failed));
        }
    }
}
