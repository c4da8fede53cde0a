using WsManSvp.Virtualization.Jobs;
using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Tests.Jobs;

/// <summary>
/// A job stopped the moment it is started, before its work may have begun: the work still runs (its token
/// cancelled), so the cleanup it owns happens — a system's pending state change is released, say.
/// </summary>
public sealed class JobStoppedAtOnceTests
{
    private static readonly ModelElement System = new ModelElement.VirtualComputerSystem(Guid.Parse("6b1c3a2e-0c55-4a7e-9a3e-2c6f4f1d9b02"));

    [Fact]
    public async Task Every_job_stopped_at_once_runs_its_cleanup_and_ends_stopped()
    {
        await using var engine = JobEngine.InMemory();
        var cleanups = 0;
        var outcomes = new List<(JobStopOutcome Outcome, Job Job)>();
        for (var i = 0; i < 100; i++)
        {
            var job = await engine.StartAsync(new JobStart("RequestStateChange", "Start vm", System, "alice", []), async context =>
            {
                try { await Task.Delay(Timeout.InfiniteTimeSpan, context.CancellationToken); }
                finally { Interlocked.Increment(ref cleanups); }
            });
            var outcome = await engine.StopAsync(job.Id, JobState.Terminated, TimeSpan.FromSeconds(10), CancellationToken.None);
            outcomes.Add((outcome, engine.Find(job.Id)!));
        }

        Assert.Equal(100, cleanups);
        Assert.All(outcomes, o => Assert.Equal((JobStopOutcome.Stopped, JobState.Terminated), (o.Outcome, o.Job.State)));
    }
}
