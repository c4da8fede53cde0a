using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Hypervisor;
using WsManSvp.Hypervisor.Simulator;
using WsManSvp.Virtualization.Jobs;
using WsManSvp.Virtualization.Model;
using static WsManSvp.Virtualization.Tests.Inputs;

namespace WsManSvp.Virtualization.Tests.Snapshots;

/// <summary>CreateSnapshot (DSP1042 8.3.1, 9.4.3): checked at once (Table 15), then taken by a job that names the snapshot it created.</summary>
public sealed class CreateSnapshotTests
{
    private static Task<CimMethodResult> CreateAsync(ServedModel model, CimObjectPath? system, ushort? type, CimInstance? settings = null)
    {
        var arguments = new List<(string, CimValue)>();
        if (system is not null) arguments.Add(("AffectedSystem", Reference(system)));
        if (type is { } t) arguments.Add(("SnapshotType", U16(t)));
        if (settings is not null) arguments.Add(("SnapshotSettings", Instance(settings)));
        return model.SnapshotServiceAsync("CreateSnapshot", [.. arguments]);
    }

    /// <summary>Asserts a refusal: the code, no job started, and no system or snapshot changed.</summary>
    private static async Task AssertRefusedAsync(ServedModel model, uint code, CimObjectPath? system, ushort? type)
    {
        var before = await model.AllSystemsAsync();

        var result = await CreateAsync(model, system, type);

        Assert.Equal(code, result.Code());
        Assert.False(result.OutParameters.ContainsKey("Job"));
        Assert.Empty(model.Jobs.Jobs);
        Assert.Equal(before, await model.AllSystemsAsync());
        foreach (var name in new[] { "web01", "db01", "build01", "test01" }) Assert.Empty((await model.SnapshotsAsync(name)).Snapshots);
    }

    [Theory]
    [InlineData("web01", 2, SnapshotKind.Full, "Full snapshot")]
    [InlineData("web01", 3, SnapshotKind.DiskOnly, "Disk snapshot")]
    [InlineData("db01", 3, SnapshotKind.DiskOnly, "Disk snapshot")]
    [InlineData("build01", 2, SnapshotKind.Full, "Full snapshot")]
    public async Task A_snapshot_is_taken_by_a_job_that_names_it_created_and_the_system_is_left_as_it_was(string name, ushort type, SnapshotKind kind, string caption)
    {
        await using var model = await ServedModel.SeededAsync();
        var before = await model.SystemAsync(name);

        var result = await CreateAsync(model, ServedModel.VirtualSystemPath(name), type);

        Assert.False(result.OutParameters.TryGetValue("ResultingSnapshot", out var resulting) && !resulting.IsNull);
        var job = await model.CompletedJobAsync(result);
        Assert.Equal(("CreateSnapshot", $"Snapshot {name}"), (job.MethodName, job.Description));
        Assert.Equal(new ModelElement.SnapshotService(), job.OwningElement);
        var tree = await model.SnapshotsAsync(name);
        var snapshot = Assert.Single(tree.Snapshots);
        Assert.Equal((kind, before.State, before.Definition), (snapshot.Kind, snapshot.State, snapshot.Definition));
        Assert.Equal(snapshot.Name, tree.Current);
        var created = new ModelElement.Configuration(before.Id, ConfigurationKind.Snapshot, snapshot.Name);
        Assert.Equal([new JobEffect(created, JobEffect.Create)], job.Affected);
        var vssd = (await model.GetAsync(ServedModel.SnapshotPath(before.Id, snapshot.Name)))!;
        Assert.Equal(caption, vssd.Text("Caption"));
        Assert.Equal(before, await model.SystemAsync(name));
    }

    [Fact]
    public async Task The_ElementName_of_SnapshotSettings_names_the_snapshot()
    {
        await using var model = await ServedModel.SeededAsync();

        await model.CompletedJobAsync(await CreateAsync(model, ServedModel.VirtualSystemPath("db01"), 3, SystemSettings("before the upgrade")));

        var snapshot = Assert.Single((await model.SnapshotsAsync("db01")).Snapshots);
        Assert.Equal("before the upgrade", snapshot.Description);
        Assert.Equal("before the upgrade", (await model.GetAsync(ServedModel.SnapshotPath(Model.SeededId("db01"), snapshot.Name)))!.Text("ElementName"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData((ushort)0)]
    [InlineData((ushort)4)]
    [InlineData((ushort)32768)]
    public async Task No_snapshot_type_or_one_that_does_not_exist_returns_6(ushort? type)
    {
        await using var model = await ServedModel.SeededAsync();

        await AssertRefusedAsync(model, 6, ServedModel.VirtualSystemPath("web01"), type);
    }

    [Fact]
    public async Task A_type_the_host_does_not_take_returns_6_and_its_capabilities_list_only_the_type_it_takes()
    {
        await using var model = await ServedModel.SeededAsync(options: new SimulatorOptions { SnapshotKinds = [SnapshotKind.Full] });

        await AssertRefusedAsync(model, 6, ServedModel.VirtualSystemPath("db01"), 3);

        var capabilities = Assert.Single(await model.InstancesAsync("CIM_VirtualSystemSnapshotServiceCapabilities"));
        Assert.Equal([2L], capabilities.Numbers("SnapshotTypesSupported"));
        await model.CompletedJobAsync(await CreateAsync(model, ServedModel.VirtualSystemPath("db01"), 2));
    }

    [Fact]
    public async Task A_saved_system_cannot_be_captured_5()
    {
        await using var model = await ServedModel.SeededAsync();

        await AssertRefusedAsync(model, 5, ServedModel.VirtualSystemPath("test01"), 2);
    }

    public static TheoryData<string, CimObjectPath?> NotVirtualSystems => new()
    {
        { "no system", ServedModel.VirtualSystemPath(Guid.NewGuid()) },
        { "the host", ServedModel.HostPath },
        { "a configuration", ServedModel.DefinedPath("db01") },
        { "nothing", null },
    };

    [Theory]
    [MemberData(nameof(NotVirtualSystems))]
    public async Task A_reference_to_no_virtual_system_returns_4(string _, CimObjectPath? system)
    {
        await using var model = await ServedModel.SeededAsync();

        await AssertRefusedAsync(model, 4, system, 2);
    }

    [Theory]
    [InlineData(HypervisorError.InvalidState, 5)]
    [InlineData(HypervisorError.NotSupported, 6)]
    [InlineData(HypervisorError.Failed, 2)]
    public async Task A_hypervisor_refusal_while_the_job_runs_fails_it_with_the_code_a_synchronous_call_would_return(HypervisorError error, int code)
    {
        await using var model = await ServedModel.SeededAsync();
        model.Refusing.ChangeFailure = new HypervisorException(error, "refused by the hypervisor");

        var job = await model.FinishedJobAsync(await CreateAsync(model, ServedModel.VirtualSystemPath("web01"), 2));

        Assert.Equal(JobState.Exception, job.State);
        Assert.Equal((code, "refused by the hypervisor"), (job.Error!.ErrorCode, job.Error.Description));
        Assert.Empty(job.Affected);
        Assert.Empty((await model.SnapshotsAsync("web01")).Snapshots);
    }
}
