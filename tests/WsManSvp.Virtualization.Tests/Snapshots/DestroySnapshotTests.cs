using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Jobs;
using WsManSvp.Virtualization.Model;
using static WsManSvp.Virtualization.Tests.Inputs;

namespace WsManSvp.Virtualization.Tests.Snapshots;

/// <summary>DestroySnapshot (DSP1042 8.3.2, 9.4.10): a job that removes a snapshot, its children taking its parent (Table 17).</summary>
public sealed class DestroySnapshotTests
{
    private static readonly Guid Db01 = Model.SeededId("db01");

    private static Task<CimMethodResult> DestroyAsync(ServedModel model, CimObjectPath snapshot) =>
        model.SnapshotServiceAsync("DestroySnapshot", ("AffectedSnapshot", Reference(snapshot)));

    private static async Task<string[]> ChainAsync(ServedModel model, int length)
    {
        var names = new string[length];
        for (var i = 0; i < length; i++) names[i] = await ModelScenarios.SnapshotAsync(model, "db01", 3);
        return names;
    }

    [Fact]
    public async Task Destroying_the_middle_of_a_chain_makes_its_child_depend_on_its_parent()
    {
        await using var model = await ServedModel.SeededAsync();
        var chain = await ChainAsync(model, 3);
        var (a, b, c) = (chain[0], chain[1], chain[2]);
        var before = await model.SystemAsync("db01");

        var job = await model.CompletedJobAsync(await DestroyAsync(model, ServedModel.SnapshotPath(Db01, b)));

        Assert.Equal(("DestroySnapshot", new ModelElement.SnapshotService() as ModelElement), (job.MethodName, job.OwningElement));
        Assert.Equal([new JobEffect(new ModelElement.VirtualComputerSystem(Db01), JobEffect.Unknown)], job.Affected);
        Assert.Null(await model.GetAsync(ServedModel.SnapshotPath(Db01, b)));
        Assert.Null(await model.GetAsync(ServedModel.SettingPath(Db01, "vda", ":Snapshot:" + b)));
        Assert.Equal([a, c], (await model.SnapshotsAsync("db01")).Snapshots.Select(s => s.Name));
        var dependency = Assert.Single(await model.InstancesAsync("CIM_ConcreteDependency"));
        Assert.Equal((ServedModel.SnapshotPath(Db01, a), ServedModel.SnapshotPath(Db01, c)), (dependency.Ref("Antecedent"), dependency.Ref("Dependent")));
        Assert.Equal(ServedModel.SnapshotPath(Db01, c),
            Assert.Single(await model.AssociatorsAsync(ServedModel.VirtualSystemPath("db01"), "CIM_MostCurrentSnapshotInBranch")).GetPath());
        Assert.Equal(before, await model.SystemAsync("db01"));
    }

    [Fact]
    public async Task Destroying_the_snapshot_last_applied_leaves_the_system_as_it_is_and_no_last_applied_snapshot()
    {
        await using var model = await ServedModel.SeededAsync();
        var web01 = Model.SeededId("web01");
        var snapshot = await ModelScenarios.SnapshotAsync(model, "web01", 2);
        await model.CompletedJobAsync(await model.SnapshotServiceAsync("ApplySnapshot", ("Snapshot", Reference(ServedModel.SnapshotPath(web01, snapshot)))));
        var applied = await model.SystemAsync("web01");

        await model.CompletedJobAsync(await DestroyAsync(model, ServedModel.SnapshotPath(web01, snapshot)));

        Assert.Equal(applied, await model.SystemAsync("web01"));
        Assert.Equal(SnapshotTree.Empty, await model.SnapshotsAsync("web01"));
        Assert.Empty(await model.AssociatorsAsync(ServedModel.VirtualSystemPath("web01"), "CIM_LastAppliedSnapshot"));
        Assert.Empty(await model.AssociatorsAsync(ServedModel.VirtualSystemPath("web01"), "CIM_MostCurrentSnapshotInBranch"));
        Assert.Empty(await model.AssociatorsAsync(ServedModel.VirtualSystemPath("web01"), "CIM_SnapshotOfVirtualSystem"));
    }

    public static TheoryData<string, CimObjectPath?> NotSnapshots => new()
    {
        { "a snapshot that does not exist", ServedModel.SnapshotPath(Db01, "1700000000") },
        { "a snapshot of no system", ServedModel.SnapshotPath(Guid.NewGuid(), "1700000000") },
        { "a Defined configuration", ServedModel.DefinedPath("db01") },
        { "a resource allocation of a snapshot", null },
        { "a virtual system", ServedModel.VirtualSystemPath("db01") },
    };

    [Theory]
    [MemberData(nameof(NotSnapshots))]
    public async Task A_reference_to_no_snapshot_returns_4_and_destroys_nothing(string _, CimObjectPath? target)
    {
        await using var model = await ServedModel.SeededAsync();
        var snapshot = (await ChainAsync(model, 1))[0];
        var tree = await model.SnapshotsAsync("db01");
        var jobs = model.Jobs.Jobs.Count();

        var result = await DestroyAsync(model, target ?? ServedModel.SettingPath(Db01, "vda", ":Snapshot:" + snapshot));

        Assert.Equal(4u, result.Code());
        Assert.Equal(jobs, model.Jobs.Jobs.Count());
        Assert.Equal(tree, await model.SnapshotsAsync("db01"));
        Assert.Equal(4u, (await model.SnapshotServiceAsync("DestroySnapshot")).Code());
    }

    [Fact]
    public async Task A_hypervisor_that_refuses_fails_the_job_and_the_snapshot_stays()
    {
        await using var model = await ServedModel.SeededAsync();
        var snapshot = (await ChainAsync(model, 1))[0];
        model.Refusing.ChangeFailure = new HypervisorException(HypervisorError.Failed, "The image is in use.");

        var job = await model.FinishedJobAsync(await DestroyAsync(model, ServedModel.SnapshotPath(Db01, snapshot)));

        Assert.Equal(JobState.Exception, job.State);
        Assert.Equal((2, "The image is in use."), (job.Error!.ErrorCode, job.Error.Description));
        Assert.NotNull(await model.GetAsync(ServedModel.SnapshotPath(Db01, snapshot)));
    }
}
