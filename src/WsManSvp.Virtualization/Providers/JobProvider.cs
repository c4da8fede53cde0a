using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Virtualization.Jobs;
using WsManSvp.Virtualization.Management;
using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Providers;

/// <summary>
/// CIM_ConcreteJob: the jobs methods started (DSP1042 10.2). RequestStateChange terminates (4) or kills (5) a
/// running job; GetError and GetErrors return why a job did not complete, as an embedded CIM_Error.
/// </summary>
public sealed class JobProvider(ModelInstances instances) : ModelClassProvider(instances, Cimv2(ModelPaths.ConcreteJobClass))
{
    private const ushort Terminate = 4;
    private const ushort Kill = 5;
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(10);

    public override async IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProvidedClass cls, CimCallContext context)
    {
        foreach (var job in Source.Jobs.Jobs) yield return Instances.JobInstance(job);
        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>Put: a client may change whether a finished job is removed (DeleteOnCompletion) and when (TimeBeforeRemoval).</summary>
    public override async ValueTask<CimInstance> ModifyInstanceAsync(CimInstance modified, CimCallContext context)
    {
        var paths = await Source.PathsAsync(context).ConfigureAwait(false);
        var job = paths.Parse(modified.GetPath()) is ModelElement.Job j ? Source.Jobs.Find(j.Id) : null;
        if (job is null) throw new CimException(CimStatus.NotFound, $"No job {modified.GetPath()} exists.");
        var current = Instances.JobInstance(job);
        foreach (var property in modified.SpecifiedProperties)
        {
            if (property.IsKey || property.Name is "DeleteOnCompletion" or "TimeBeforeRemoval" || modified[property] == current[property]) continue;
            throw new CimException(CimStatus.InvalidParameter, $"{property.Name} of a job cannot be changed; DeleteOnCompletion and TimeBeforeRemoval can.");
        }
        bool? delete = modified["DeleteOnCompletion"] is { IsNull: false } d ? d.AsBoolean() : null;
        TimeSpan? keep = null;
        if (modified["TimeBeforeRemoval"] is { IsNull: false } t)
        {
            if (t.AsDateTime() is not { IsInterval: true } interval)
                throw new CimException(CimStatus.InvalidParameter, "TimeBeforeRemoval is an interval (for example P0DT0H10M0S).");
            keep = TimeSpan.FromTicks(interval.IntervalMicroseconds * 10);
        }
        var changed = await Source.Jobs.ModifyAsync(job.Id, delete, keep).ConfigureAwait(false)
            ?? throw new CimException(CimStatus.NotFound, $"Job {job.Id} no longer exists.");
        return Instances.JobInstance(changed);
    }

    public override async ValueTask<CimMethodResult> InvokeMethodAsync(CimObjectPath target, CimMethod method,
        IReadOnlyDictionary<string, CimValue> arguments, CimCallContext context)
    {
        var paths = await Source.PathsAsync(context).ConfigureAwait(false);
        var job = paths.Parse(target) is ModelElement.Job j ? Source.Jobs.Find(j.Id) : null;
        if (job is null) throw new CimException(CimStatus.NotFound, $"No job {target.StringKey("InstanceID")} exists.");
        var args = new MethodArguments(arguments);
        switch (method.Name)
        {
            case "RequestStateChange":
                return await RequestStateChangeAsync(job, args, context).ConfigureAwait(false);
            case "GetError":
                return MethodResults.With(MethodCodes.Completed, ("Error", CimValue.Instance(Instances.JobErrorInstance(job, paths))));
            case "GetErrors":
                return MethodResults.With(MethodCodes.Completed, ("Errors", Instances.JobErrorInstance(job, paths) is { } error
                    ? CimValue.Array(CimType.Instance, CimValue.Instance(error))
                    : CimValue.Null(CimType.Instance, isArray: true)));
            default:
                throw new CimException(CimStatus.MethodNotAvailable, $"{method.Name} is not available on CIM_ConcreteJob.");
        }
    }

    /// <summary>CIM_ConcreteJob.RequestStateChange: 0 stopped, 4096 stopping, 4097 already finished, 1 for Start/Suspend/Service, 5 for anything else.</summary>
    private async ValueTask<CimMethodResult> RequestStateChangeAsync(Job job, MethodArguments args, CimCallContext context)
    {
        if (args["TimeoutPeriod"] is { } timeout && !(timeout.AsDateTime() is { IsInterval: true, IntervalMicroseconds: 0 }))
            return MethodResults.Code(RequestStateChange.TimeoutNotSupported);
        var requested = args.UInt("RequestedState");
        if (requested is 2 or 3 or 6) return MethodResults.Code(MethodCodes.NotSupported); // Start, Suspend, Service
        if (requested is not (Terminate or Kill)) return MethodResults.Code(RequestStateChange.InvalidParameter);
        var stopped = requested == Kill ? JobState.Killed : JobState.Terminated;
        return await Source.Jobs.StopAsync(job.Id, stopped, StopWait, context.CancellationToken).ConfigureAwait(false) switch
        {
            JobStopOutcome.Stopped => MethodResults.Code(MethodCodes.Completed),
            JobStopOutcome.Stopping => MethodResults.Code(MethodCodes.JobStarted),
            JobStopOutcome.NotFound => throw new CimException(CimStatus.NotFound, $"Job {job.Id} no longer exists."),
            _ => MethodResults.Code(RequestStateChange.InvalidStateTransition),
        };
    }
}
