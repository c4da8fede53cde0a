using WsManSvp.Cim.Model;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Jobs;
using WsManSvp.Virtualization.Model;
using static WsManSvp.Virtualization.Tests.Inputs;

namespace WsManSvp.Virtualization.Tests;

/// <summary>
/// The simulator states the model-wide consistency checks run over. Each has a history made through the
/// profile's methods, so that every association has instances: snapshots taken, applied, destroyed and
/// chained; a system defined from a snapshot, started and destroyed; jobs completed, failed and running.
/// </summary>
public static class ModelScenarios
{
    public const string Seeded = "seeded";
    public const string Loaded = "seeded with 20 more systems";
    public const string Changed = "db01 given a display and started, web01 saved";

    public static TheoryData<string> All => new() { Seeded, Loaded, Changed };

    public static async Task<ServedModel> CreateAsync(string scenario)
    {
        // Jobs keep still time, so a running job's ElapsedTime reads the same by Enumerate and by Get.
        var model = await ServedModel.SeededAsync(scenario == Loaded ? 20 : 0, jobClock: new SteppedClock());
        await MakeHistoryAsync(model);
        if (scenario == Changed)
        {
            var display = Of(Rasd, ("ResourceType", U16(24)), ("ResourceSubType", Text("vnc")), ("Address", Text("127.0.0.1:5901")));
            Assert.Equal(0u, (await model.ManageAsync("AddResourceSettings", ("AffectedConfiguration", Reference(ServedModel.DefinedPath("db01"))),
                ("ResourceSettings", Instances(display)))).Code());
            await model.ChangeAsync("db01", StateTransition.Start);
            await model.ChangeAsync("web01", StateTransition.Save);
        }
        return model;
    }

    private static async Task MakeHistoryAsync(ServedModel model)
    {
        // web01 (running): S1 taken and applied, then S2 (S1's child) taken and applied, as in DSP1042 Figure 6.
        var web01 = Model.SeededId("web01");
        var s1 = await SnapshotAsync(model, "web01", 2);
        await model.CompletedJobAsync(await model.SnapshotServiceAsync("ApplySnapshot", ("Snapshot", Reference(ServedModel.SnapshotPath(web01, s1)))));
        var s2 = await SnapshotAsync(model, "web01", 2);
        await model.CompletedJobAsync(await model.SnapshotServiceAsync("ApplySnapshot", ("Snapshot", Reference(ServedModel.SnapshotPath(web01, s2)))));

        // db01 (off): a chain of three, the middle one destroyed, so the last one's parent is the first.
        var db01 = Model.SeededId("db01");
        var first = await SnapshotAsync(model, "db01", 3);
        var middle = await SnapshotAsync(model, "db01", 3);
        await SnapshotAsync(model, "db01", 2);
        await model.CompletedJobAsync(await model.SnapshotServiceAsync("DestroySnapshot", ("AffectedSnapshot", Reference(ServedModel.SnapshotPath(db01, middle)))));

        // A system cloned from db01's first snapshot, started, then destroyed: jobs whose elements are gone.
        var defined = await model.ManageAsync("DefineSystem", ("SystemSettings", Instance(SystemSettings("scratch"))),
            ("ReferenceConfiguration", Reference(ServedModel.SnapshotPath(db01, first))));
        Assert.Equal(0u, defined.Code());
        var scratch = defined.OutParameters["ResultingSystem"].AsReference();
        await model.CompletedJobAsync(await model.InvokeAsync(scratch, "RequestStateChange", ("RequestedState", U16(2))));
        await model.CompletedJobAsync(await model.ManageAsync("DestroySystem", ("AffectedSystem", Reference(scratch))));

        // A job that failed: build01 could not be resumed.
        model.Refusing.ChangeFailure = new HypervisorException(HypervisorError.Failed, "The hypervisor refused.");
        var failed = await model.FinishedJobAsync(await model.InvokeAsync(ServedModel.VirtualSystemPath("build01"), "RequestStateChange", ("RequestedState", U16(2))));
        Assert.Equal(JobState.Exception, failed.State);
        model.Refusing.ChangeFailure = null;

        // A job still running (until the model is disposed), owned by the snapshot service and affecting build01.
        var build01 = new ModelElement.VirtualComputerSystem(Model.SeededId("build01"));
        var running = await model.Jobs.StartAsync(
            new JobStart("CreateSnapshot", "Snapshot build01", new ModelElement.SnapshotService(), "tester", [new JobEffect(build01, JobEffect.Unknown)]),
            job => Task.Delay(Timeout.InfiniteTimeSpan, job.CancellationToken));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (model.Jobs.Find(running.Id)!.State != JobState.Running && DateTime.UtcNow < deadline) await Task.Delay(5);
        Assert.Equal(JobState.Running, model.Jobs.Find(running.Id)!.State);
    }

    /// <summary>Takes a snapshot of a seeded system through CreateSnapshot and returns its name.</summary>
    public static async Task<string> SnapshotAsync(ServedModel model, string system, ushort type)
    {
        var job = await model.CompletedJobAsync(await model.SnapshotServiceAsync("CreateSnapshot",
            ("AffectedSystem", Reference(ServedModel.VirtualSystemPath(system))), ("SnapshotType", U16(type))));
        var created = Assert.Single(job.Affected, e => e.Effect == JobEffect.Create);
        return Assert.IsType<ModelElement.Configuration>(created.Element).Snapshot!;
    }
}
