namespace WsManSvp.Virtualization.Jobs;

/// <summary>CIM_ConcreteJob.JobState (CIM schema ValueMap).</summary>
public enum JobState : ushort
{
    New = 2,
    Starting = 3,
    Running = 4,
    Suspended = 5,
    ShuttingDown = 6,
    Completed = 7,
    Terminated = 8,
    Killed = 9,
    Exception = 10,
}

public static class JobStates
{
    public static bool IsFinished(this JobState state) => state is JobState.Completed or JobState.Terminated or JobState.Killed or JobState.Exception;
}
