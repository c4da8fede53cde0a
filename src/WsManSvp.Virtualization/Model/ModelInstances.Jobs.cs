using WsManSvp.Cim.Model;
using WsManSvp.Virtualization.Jobs;

namespace WsManSvp.Virtualization.Model;

/// <summary>Jobs (CIM_ConcreteJob) and the errors they report (CIM_Error).</summary>
public sealed partial class ModelInstances
{
    private const ushort LocalOrUtcTimeUtc = 2;
    private const ushort OperationalStopped = 10;
    private const ushort OperationalCompleted = 17;

    public CimInstance JobInstance(Job job)
    {
        var now = source.Jobs.Now;
        var elapsed = job.StartTime is { } start ? (job.FinishTime ?? now) - start : TimeSpan.Zero;
        return New(ModelPaths.ConcreteJobClass)
            .Set("InstanceID", InstanceIds.Job(job.Id))
            .Set("Name", job.MethodName)
            .Set("ElementName", job.Description)
            .Set("Caption", job.Description)
            .Set("Description", $"{job.MethodName}: {job.Description}")
            .Set("JobState", U16((ushort)job.State))
            .Set("JobStatus", job.State.ToString())
            .Set("PercentComplete", U16(job.PercentComplete))
            .Set("TimeSubmitted", CimValue.DateTime(job.TimeSubmitted))
            .Set("StartTime", job.StartTime is { } started ? CimValue.DateTime(started) : CimValue.Null(CimType.DateTime))
            .Set("ElapsedTime", CimValue.DateTime(CimDateTime.FromInterval(elapsed)))
            .Set("TimeOfLastStateChange", CimValue.DateTime(job.TimeOfLastStateChange))
            .Set("TimeBeforeRemoval", CimValue.DateTime(CimDateTime.FromInterval(job.TimeBeforeRemoval)))
            .Set("DeleteOnCompletion", CimValue.Boolean(job.DeleteOnCompletion))
            .Set("JobRunTimes", CimValue.UInt32(1))
            .Set("LocalOrUtcTime", U16(LocalOrUtcTimeUtc))
            .Set("Owner", job.Owner)
            .Set("ErrorCode", U16(job.Error?.ErrorCode ?? 0))
            .Set("ErrorDescription", job.Error?.Description)
            .Set("OperationalStatus", job.State switch
            {
                JobState.Completed => U16s(EnabledStates.OperationalOk, OperationalCompleted),
                JobState.Exception => U16s(EnabledStates.OperationalError, OperationalCompleted),
                JobState.Terminated or JobState.Killed => U16s(OperationalStopped, OperationalCompleted),
                _ => U16s(EnabledStates.OperationalOk),
            })
            .Set("HealthState", U16(job.State == JobState.Exception ? EnabledStates.HealthCriticalFailure : EnabledStates.HealthOk));
    }

    /// <summary>The CIM_Error a failed, terminated or killed job reports (GetError, GetErrors); null for others.</summary>
    public CimInstance? JobErrorInstance(Job job, ModelPaths paths)
    {
        if (job.Error is not { } error) return null;
        return New("CIM_Error")
            .Set("ErrorType", U16(error.Kind == JobErrorKind.Stopped ? ErrorTypeOther : ErrorTypeSoftware))
            .Set("OtherErrorType", error.Kind == JobErrorKind.Stopped ? "Stopped at a client's request" : null)
            .Set("OwningEntity", InstanceIds.OrgId)
            .Set("MessageID", $"{InstanceIds.OrgId}.Job.{error.Kind}")
            .Set("Message", error.Description)
            .Set("PerceivedSeverity", U16(error.Kind == JobErrorKind.Stopped ? SeverityInformation : SeverityMajor))
            .Set("ProbableCause", U16(ProbableCauseUnknown))
            .Set("ErrorSource", paths.Of(new ModelElement.Job(job.Id)).ToString())
            .Set("ErrorSourceFormat", U16(ErrorSourceFormatObjectPath))
            .Set("CIMStatusCode", CimValue.UInt32(error.CimStatusCode))
            .Set("CIMStatusCodeDescription", CimStatusDescription(error.CimStatusCode));
    }

    private const ushort ErrorTypeOther = 1;
    private const ushort ErrorTypeSoftware = 4;
    private const ushort SeverityInformation = 2;
    private const ushort SeverityMajor = 5;
    private const ushort ProbableCauseUnknown = 0;
    private const ushort ErrorSourceFormatObjectPath = 2;

    private static string CimStatusDescription(uint code) => code switch
    {
        1 => "CIM_ERR_FAILED",
        4 => "CIM_ERR_INVALID_PARAMETER",
        6 => "CIM_ERR_NOT_FOUND",
        7 => "CIM_ERR_NOT_SUPPORTED",
        11 => "CIM_ERR_ALREADY_EXISTS",
        _ => $"CIM status {code}",
    };
}
