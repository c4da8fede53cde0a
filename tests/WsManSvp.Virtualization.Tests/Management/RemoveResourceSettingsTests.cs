using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Hypervisor;
using static WsManSvp.Virtualization.Tests.Inputs;

namespace WsManSvp.Virtualization.Tests.Management;

/// <summary>RemoveResourceSettings (DSP1042 8.2.6, 9.3.2.4): every allocation named goes, or none does (Table 13).</summary>
public sealed class RemoveResourceSettingsTests
{
    private static readonly Guid Db01 = Model.SeededId("db01");

    private static Task<CimMethodResult> RemoveAsync(ServedModel model, params CimObjectPath[] settings) =>
        model.ManageAsync("RemoveResourceSettings", ("ResourceSettings", References(settings)));

    private static async Task AssertRefusedAsync(ServedModel model, uint code, params CimObjectPath[] settings)
    {
        var before = await model.AllSystemsAsync();

        Assert.Equal(code, (await RemoveAsync(model, settings)).Code());

        Assert.Equal(before, await model.AllSystemsAsync());
    }

    [Theory]
    [InlineData("vdb")]
    [InlineData("vdb/image")]
    public async Task Removing_a_drive_or_its_image_removes_the_disk(string key)
    {
        await using var model = await ServedModel.SeededAsync();

        var result = await RemoveAsync(model, ServedModel.SettingPath(Db01, key));

        Assert.Equal(0u, result.Code());
        Assert.False(result.OutParameters.ContainsKey("Job"));
        Assert.Equal(["vda", "hdc"], (await model.SystemAsync("db01")).Definition.Disks.Select(d => d.Device));
        Assert.Null(await model.GetAsync(ServedModel.SettingPath(Db01, "vdb")));
        Assert.Null(await model.GetAsync(ServedModel.SettingPath(Db01, "vdb/image")));
    }

    [Fact]
    public async Task Several_allocations_of_one_system_go_together()
    {
        await using var model = await ServedModel.SeededAsync();
        var adapters = (await model.SystemAsync("db01")).Definition.NetworkAdapters;

        var result = await RemoveAsync(model, ServedModel.SettingPath(Db01, "hdc"), ServedModel.SettingPath(Db01, adapters[0].MacAddress + "/connection"),
            ServedModel.SettingPath(Db01, adapters[1].MacAddress), ServedModel.SettingPath(Db01, "hdc/image"));

        Assert.Equal(0u, result.Code());
        var definition = (await model.SystemAsync("db01")).Definition;
        Assert.Equal(["vda", "vdb"], definition.Disks.Select(d => d.Device));
        Assert.Empty(definition.NetworkAdapters);
        // The last drive on the ide bus took its controller with it.
        Assert.Null(await model.GetAsync(ServedModel.SettingPath(Db01, "ide0")));
    }

    public static TheoryData<string, string> NotRemovable => new()
    {
        { "the processor", "proc" },
        { "the memory", "mem" },
        { "a controller", "ide0" },
        { "an allocation that does not exist", "vdz" },
    };

    [Theory]
    [MemberData(nameof(NotRemovable))]
    public async Task One_allocation_that_cannot_go_returns_4_and_nothing_goes(string _, string key)
    {
        await using var model = await ServedModel.SeededAsync();

        await AssertRefusedAsync(model, 4, ServedModel.SettingPath(Db01, "vdb"), ServedModel.SettingPath(Db01, key));
    }

    [Fact]
    public async Task Allocations_of_the_State_configuration_or_a_snapshot_return_4()
    {
        await using var model = await ServedModel.SeededAsync();
        var web01 = Model.SeededId("web01");
        var snapshot = await ModelScenarios.SnapshotAsync(model, "web01", 2);

        await AssertRefusedAsync(model, 4, ServedModel.SettingPath(web01, "vda", ":State"));
        await AssertRefusedAsync(model, 4, ServedModel.SettingPath(web01, "vda", ":Snapshot:" + snapshot));
        Assert.NotNull(await model.GetAsync(ServedModel.SettingPath(web01, "vda", ":Snapshot:" + snapshot)));
    }

    [Fact]
    public async Task Allocations_of_two_systems_or_references_to_other_things_return_4()
    {
        await using var model = await ServedModel.SeededAsync();

        await AssertRefusedAsync(model, 4, ServedModel.SettingPath(Db01, "vdb"), ServedModel.SettingPath(Model.SeededId("web01"), "vda"));
        await AssertRefusedAsync(model, 4, ServedModel.SettingPath(Db01, "vdb"), ServedModel.DefinedPath("db01"));
        await AssertRefusedAsync(model, 4, ServedModel.SettingPath(Guid.NewGuid(), "vdb"));
        await AssertRefusedAsync(model, 4);
        Assert.Equal(4u, (await model.ManageAsync("RemoveResourceSettings")).Code());
    }

    [Fact]
    public async Task A_hypervisor_that_fails_to_change_the_definition_returns_2()
    {
        await using var model = await ServedModel.SeededAsync();
        model.Refusing.ChangeFailure = new HypervisorException(HypervisorError.Failed, "write failed");

        await AssertRefusedAsync(model, 2, ServedModel.SettingPath(Db01, "vdb"));
    }
}
