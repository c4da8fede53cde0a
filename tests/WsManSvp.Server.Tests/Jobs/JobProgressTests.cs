using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;
using static WsManSvp.Server.Tests.Infrastructure.VirtualSystemServices;

namespace WsManSvp.Server.Tests.Jobs;

/// <summary>
/// A state change watched through the service as a client watches it (DSP1042 8.1.2): the job polled with
/// Get every 100 ms while the slowed simulator works, the system read between polls, then the associations
/// that lead from the job to the system and back, and the job's error and removal settings.
/// </summary>
public sealed class JobProgressTests(SlowSimulatorServerFixture server) : IClassFixture<SlowSimulatorServerFixture>
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>One round of polling: the job, then the system (its reply in hand at <paramref name="SystemReadBy"/>), then the job again.</summary>
    private sealed record Poll(JobView Before, DateTimeOffset SystemReadBy, XElement System, JobView After)
    {
        public string EnabledState => System.Prop("EnabledState")!;
        public string RequestedState => System.Prop("RequestedState")!;
    }

    [Fact]
    public async Task A_start_polled_from_running_to_completed_moves_only_forward()
    {
        using var client = server.Client();
        var cim = new CimClient(client);
        var system = await DefineAsync(cim, "progress-start");
        var before = (await client.GetAsync(system)).AssertOk().Content;
        Assert.Equal(("3", "12"), (before.Prop("EnabledState"), before.Prop("RequestedState")));

        var job = await RequestStateChangeAsync(cim, system, 2);
        var polls = new List<Poll>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (polls.Count == 0 || !polls[^1].After.IsFinished)
        {
            if (polls.Count > 0)
            {
                Assert.True(DateTime.UtcNow < deadline, $"The job did not finish in time; last seen:\n{polls[^1].After}");
                await Task.Delay(PollInterval);
            }
            var first = new JobView((await client.GetAsync(job)).AssertOk().Content);
            var state = (await client.GetAsync(system)).AssertOk().Content;
            polls.Add(new Poll(first, DateTimeOffset.UtcNow, state, new JobView((await client.GetAsync(job)).AssertOk().Content)));
        }
        var after = (await client.GetAsync(system)).AssertOk().Content;

        var seen = polls.SelectMany(p => new[] { p.Before, p.After }).ToList();
        AssertMovesForward(seen);
        Assert.All(seen, j => Assert.Equal(0, j.ErrorCode));
        Assert.All(seen, j => Assert.Null(j.ErrorDescription));

        // While the simulator works, the system stays Disabled and says where it is going; once the job reads
        // Completed, it is Enabled with nothing requested. A state read after a poll that saw the job finished
        // is the final one; a state read still Disabled means the job had not completed before it.
        Assert.All(polls.Where(p => p.EnabledState == "3"), p =>
        {
            Assert.Equal("2", p.RequestedState);
            Assert.False(p.Before.IsFinished, "The job read Completed before a read of the system that was still Disabled.");
        });
        Assert.All(polls.Where(p => p.Before.IsFinished), p => Assert.Equal(("2", "12"), (p.EnabledState, p.RequestedState)));
        Assert.DoesNotContain(polls, p => p.EnabledState == "3" && p.RequestedState == "12");
        Assert.Equal(("2", "12"), (after.Prop("EnabledState"), after.Prop("RequestedState")));
        var enabled = polls.Select(p => p.EnabledState).Append(after.Prop("EnabledState")).ToList();
        Assert.Equal(new[] { "3", "2" }, enabled.Distinct()); // Disabled, then Enabled, never back

        // The change is not visible mid-way: the simulator commits it no earlier than its latency after the job
        // started (the server runs in this process, on this clock), and every read answered before then sees it
        // Disabled. The job's completion comes after the commit.
        // (Timers may round a millisecond either way: a few are allowed.)
        var committable = seen.Select(j => j.StartTime).First(t => t is not null)!.Value + SlowSimulatorServerFixture.Latency - TimeSpan.FromMilliseconds(20);
        var midway = polls.Where(p => p.SystemReadBy < committable).ToList();
        Assert.True(midway.Count >= 2, $"Too few reads while the job ran to watch it: {midway.Count}.");
        Assert.All(midway, p => Assert.Equal(("3", "2"), (p.EnabledState, p.RequestedState)));
        Assert.True(seen[^1].TimeOfLastStateChange >= committable, "The job completed before the simulator could have made the change.");
    }

    [Fact]
    public async Task A_completed_state_change_links_job_and_system_and_has_no_error()
    {
        using var client = server.Client();
        var cim = new CimClient(client);
        var system = await DefineAsync(cim, "progress-links");
        var job = await RequestStateChangeAsync(cim, system, 2);

        var running = new JobView((await client.GetAsync(job)).AssertOk().Content);
        Assert.Contains(running.JobState, new[] { JobView.New, JobView.Running });
        Assert.Equal("RequestStateChange", running.Instance.Prop("Name"));
        Assert.Equal(ServerFixture.User, running.Instance.Prop("Owner"));
        // The system it works on is linked from the start (DSP1042 8.1.2, ElementEffects 0 Unknown).
        Assert.Contains(await cim.AssociatorNamesAsync(job, "CIM_AffectedJobElement", "CIM_ComputerSystem"), e => e.SameAs(system));

        var completed = await FinishedAsync(cim, job);
        Assert.Equal(JobView.Completed, completed.JobState);
        Assert.Equal(100, completed.PercentComplete);

        var affected = await cim.AssociatorNamesAsync(job, "CIM_AffectedJobElement", "CIM_ComputerSystem");
        Assert.True(Assert.Single(affected).SameAs(system), $"The job affects {affected[0]}, not the system {system}.");
        var link = Assert.Single(await cim.ReferencesAsync(job, "CIM_AffectedJobElement"));
        Assert.Equal(["0"], link.Values("ElementEffects"));
        Assert.True(link.Ref("AffectedElement").SameAs(system));

        var owned = await cim.AssociatorNamesAsync(system, "CIM_OwningJobElement", "CIM_ConcreteJob");
        Assert.Contains(owned, e => e.SameAs(job));
        var owning = Assert.Single(await cim.AssociatorNamesAsync(job, "CIM_OwningJobElement", "CIM_ComputerSystem"));
        Assert.True(owning.SameAs(system), $"The job's owning element is {owning}, not the system {system}.");

        // GetError of a job that completed: success, and no error (DSP1103: Error is NULL).
        var error = await cim.InvokeMethodAsync(job, new MethodCall("GetError"));
        Assert.Equal(0u, error.ReturnValue);
        Assert.Equal("true", (string?)error.Single("Error").Attribute(Ns.Xsi + "nil"));
        Assert.Empty(error.Single("Error").Nodes());
        var errors = await cim.InvokeMethodAsync(job, new MethodCall("GetErrors"));
        Assert.Equal(0u, errors.ReturnValue);
        Assert.All(errors.Output.Elements().Where(e => e.Name.LocalName == "Errors"),
            e => Assert.Equal("true", (string?)e.Attribute(Ns.Xsi + "nil")));

        // A finished job is kept for TimeBeforeRemoval (CIM_Job's default, 5 minutes) and then removed.
        Assert.True(completed.DeleteOnCompletion);
        Assert.Equal(TimeSpan.FromMinutes(5), completed.TimeBeforeRemoval);
        Assert.Equal(TimeSpan.FromMinutes(5), running.TimeBeforeRemoval);
    }

    /// <summary>
    /// The job's observable history is consistent: JobState only moves forward (New, Running, Completed);
    /// PercentComplete never decreases and is 100 exactly when Completed; TimeOfLastStateChange never goes
    /// back, and changes exactly when JobState does.
    /// </summary>
    private static void AssertMovesForward(IReadOnlyList<JobView> seen)
    {
        Assert.All(seen, j => Assert.Contains(j.JobState, new[] { JobView.New, JobView.Running, JobView.Completed }));
        Assert.Equal(JobView.Completed, seen[^1].JobState);
        Assert.All(seen, j => Assert.Equal(j.JobState == JobView.Completed, j.PercentComplete == 100));
        for (var i = 1; i < seen.Count; i++)
        {
            var (previous, current) = (seen[i - 1], seen[i]);
            var history = string.Join(" ", seen.Take(i + 1).Select(j => $"{j.JobState}/{j.PercentComplete}%/{j.TimeOfLastStateChange:HH:mm:ss.ffffff}"));
            Assert.True(current.JobState >= previous.JobState, $"JobState went back: {history}");
            Assert.True(current.PercentComplete >= previous.PercentComplete, $"PercentComplete went back: {history}");
            Assert.True(current.TimeOfLastStateChange >= previous.TimeOfLastStateChange, $"TimeOfLastStateChange went back: {history}");
            Assert.True((current.JobState != previous.JobState) == (current.TimeOfLastStateChange != previous.TimeOfLastStateChange),
                $"TimeOfLastStateChange should change exactly when JobState does: {history}");
        }
    }
}
