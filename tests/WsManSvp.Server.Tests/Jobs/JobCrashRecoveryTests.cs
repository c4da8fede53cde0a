using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;
using WsManSvp.Server.Tests.Processes;
using static WsManSvp.Server.Tests.Infrastructure.VirtualSystemServices;

namespace WsManSvp.Server.Tests.Jobs;

/// <summary>
/// The run command killed outright (SIGKILL) while jobs run, and started again on its data directory: the
/// jobs are there, finished in Exception as interrupted; what they worked on is as it was, exactly once;
/// every definition made before the kill is there; the seed is not laid down again.
/// </summary>
public sealed class JobCrashRecoveryTests
{
    private const string User = "crasher";
    private const string Password = "crash-secret-1";

    private static readonly Dictionary<string, string?> Environment = new()
    {
        ["WSMANSVP_USER"] = User,
        ["WSMANSVP_PASSWORD"] = Password,
    };

    [Fact]
    public async Task Jobs_running_at_a_kill_are_interrupted_and_their_systems_kept()
    {
        using var temp = new TempDirectory();
        string[] arguments = ["--urls", "http://127.0.0.1:0", "--data-dir", temp.Path, "--host-name", ServerFixture.HostName];
        var names = new[] { "crash-start", "crash-destroy", "crash-idle" };
        Dictionary<string, string> uuids;
        Dictionary<string, string> definitions;
        string seedDestroyedJob;

        // 1. No latency: define three systems and destroy a seeded one (its job completes), then kill.
        await using (var first = await ServerCommand.StartServerAsync(arguments, Environment))
        {
            using var http = new WsManClient(first.Endpoint, User, Password);
            var cim = new CimClient(http);
            uuids = [];
            foreach (var name in names) uuids[name] = (await DefineAsync(cim, name)).Selector("Name")!;
            definitions = await DefinitionsAsync(cim, uuids.Values);
            var test01 = await SeededSystems.NameOfAsync(http, "test01");
            var destroy = await DestroyAsync(cim, ModelEprs.System(test01));
            seedDestroyedJob = destroy.Selector("InstanceID")!;
            Assert.Equal(JobView.Completed, (await FinishedAsync(cim, destroy)).JobState);
        } // disposing kills the process (SIGKILL): no orderly shutdown

        // 2. Every change takes 30 s: start one system, destroy another, and kill while both jobs run.
        string startJob, destroyJob;
        await using (var second = await ServerCommand.StartServerAsync([.. arguments, "--sim-latency", "30s"], Environment))
        {
            using var cim = new CimClient(new WsManClient(second.Endpoint, User, Password));
            var start = await RequestStateChangeAsync(cim, ModelEprs.System(uuids["crash-start"]), 2);
            var destroy = await DestroyAsync(cim, ModelEprs.System(uuids["crash-destroy"]));
            (startJob, destroyJob) = (start.Selector("InstanceID")!, destroy.Selector("InstanceID")!);
            foreach (var job in new[] { start, destroy })
                Assert.Contains((await cim.GetInstanceAsync(job)).Prop("JobState"), new[] { "2", "4" });
        }

        // 3. Started again on the same data directory.
        await using var third = await ServerCommand.StartServerAsync(arguments, Environment);
        using var client = new WsManClient(third.Endpoint, User, Password);
        var again = new CimClient(client);

        foreach (var (id, method) in new[] { (startJob, "RequestStateChange"), (destroyJob, "DestroySystem") })
        {
            var job = new JobView((await client.GetAsync(Job(id))).AssertOk().Content);
            Assert.Equal((JobView.Exception, method), (job.JobState, job.Instance.Prop("Name")));
            Assert.StartsWith("Interrupted", job.ErrorDescription);
            Assert.NotEqual(0, job.ErrorCode);
            var error = (await again.InvokeMethodAsync(Job(id), new MethodCall("GetError"))).Single("Error");
            Assert.Equal("WsManSvp.Job.Interrupted", error.Element(Ns.Class("CIM_Error") + "MessageID")?.Value);
        }
        var finished = new JobView((await client.GetAsync(Job(seedDestroyedJob))).AssertOk().Content);
        Assert.Equal((JobView.Completed, 0, 100), (finished.JobState, finished.ErrorCode, finished.PercentComplete));

        // Each system exactly once, with its UUID, as defined, and neither started nor destroyed.
        var systems = await again.EnumerateInstancesAsync("CIM_ComputerSystem", CimClient.Implementation);
        foreach (var name in names)
        {
            var system = Assert.Single(systems, s => s.Prop("ElementName") == name);
            Assert.Equal(uuids[name], system.Prop("Name"));
            Assert.Equal(("3", "12"), (system.Prop("EnabledState"), system.Prop("RequestedState")));
        }
        Assert.Equal(definitions, await DefinitionsAsync(again, uuids.Values));

        // The seed was laid down once: the destroyed seeded system stays destroyed, the others are there once.
        var virtualNames = systems.Select(s => s.Prop("ElementName")!).Where(n => n != ServerFixture.HostName).Order().ToList();
        Assert.Equal(names.Concat(["web01", "db01", "build01"]).Order(), virtualNames);

        // The interrupted system takes changes again.
        var restart = await RequestStateChangeAsync(again, ModelEprs.System(uuids["crash-start"]), 2);
        Assert.Equal(JobView.Completed, (await FinishedAsync(again, restart)).JobState);
    }

    private static Epr Job(string instanceId) => ModelEprs.Of("CIM_ConcreteJob", ModelEprs.Implementation, ("InstanceID", instanceId));

    /// <summary>Each system's Defined configuration and its allocations, as the service writes them (InstanceID → XML).</summary>
    private static async Task<Dictionary<string, string>> DefinitionsAsync(CimClient cim, IEnumerable<string> uuids)
    {
        var wanted = uuids.ToHashSet();
        var settings = await cim.EnumerateInstancesAsync("CIM_VirtualSystemSettingData", CimClient.Implementation);
        var allocations = await cim.EnumerateInstancesAsync("CIM_ResourceAllocationSettingData", CimClient.Implementation);
        var ours = settings.Where(s => wanted.Contains(s.Prop("VirtualSystemIdentifier")!))
            .Concat(allocations.Where(a => wanted.Any(u => a.Prop("InstanceID")!.StartsWith($"WsManSvp:{u}/", StringComparison.Ordinal))))
            .ToDictionary(i => i.Prop("InstanceID")!, i => i.Instance.ToString(SaveOptions.DisableFormatting));
        Assert.Equal(wanted.Count, ours.Keys.Count(k => !k.Contains('/')));
        Assert.True(ours.Count > wanted.Count, "The systems have no allocations.");
        return ours;
    }
}
