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

    /// <summary>
    /// CIM_ConcreteJob.RequestStateChange: 0 stopped, 4096 stopping, 4097 already finished, 1 for Start/Suspend/Service,
    /// 5 (Invalid Parameter) for a RequestedState that is none of them.
    /// </summary>
    private async ValueTask<CimMethodResult> RequestStateChangeAsync(Job job, MethodArguments args, CimCallContext context)
    {
        if (args["TimeoutPeriod"] is { } timeout && !(timeout.AsDateTime() is { IsInterval: true, IntervalMicroseconds: 0 }))
            return MethodResults.Code(RequestStateChange.TimeoutNotSupported);
        var requested = args.UInt("RequestedState");
        var stopped = requested switch { Terminate => JobState.Terminated, Kill => JobState.Killed, _ => (JobState?)null };
        if (stopped is null) return MethodResults.Code(requested is 2 or 3 or 6 ? MethodCodes.NotSupported : RequestStateChange.InvalidParameter);
        return await Source.Jobs.StopAsync(job.Id, stopped.Value, StopWait, context.CancellationToken).ConfigureAwait(false) switch
        {
            JobStopOutcome.Stopped => MethodResults.Code(MethodCodes.Completed),
            JobStopOutcome.Stopping => MethodResults.Code(MethodCodes.JobStarted),
            JobStopOutcome.NotFound => throw new CimException(CimStatus.NotFound, $"Job {job.Id} no longer exists."),
            _ => MethodResults.Code(RequestStateChange.InvalidStateTransition),
        };
    }
}
