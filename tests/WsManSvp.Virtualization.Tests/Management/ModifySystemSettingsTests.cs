using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Hypervisor;
using static WsManSvp.Virtualization.Tests.Inputs;

namespace WsManSvp.Virtualization.Tests.Management;

/// <summary>ModifySystemSettings (DSP1042 8.2.5, 9.3.2.1): a client gets a VSSD, changes it and sends it back (Table 11).</summary>
public sealed class ModifySystemSettingsTests
{
    private static Task<CimMethodResult> ModifyAsync(ServedModel model, CimInstance settings) =>
        model.ManageAsync("ModifySystemSettings", ("SystemSettings", Instance(settings)));

    private static async Task AssertRefusedAsync(ServedModel model, uint code, CimInstance settings)
    {
        var before = await model.AllSystemsAsync();

        Assert.Equal(code, (await ModifyAsync(model, settings)).Code());

        Assert.Equal(before, await model.AllSystemsAsync());
    }

    [Theory]
    [InlineData("db01")]
    [InlineData("web01")]
    public async Task The_description_of_a_Defined_configuration_changes(string system)
    {
        await using var model = await ServedModel.SeededAsync();
        var settings = (await model.GetAsync(ServedModel.DefinedPath(system)))!.Set("Description", Text("Holds the orders"));

        var result = await ModifyAsync(model, settings);

        Assert.Equal(0u, result.Code());
        Assert.False(result.OutParameters.ContainsKey("Job"));
        Assert.Equal("Holds the orders", (await model.SystemAsync(system)).Definition.Description);
        Assert.Equal("Holds the orders", (await model.GetAsync(ServedModel.DefinedPath(system)))!.Text("Description"));
        Assert.Equal("Holds the orders", (await model.GetAsync(ServedModel.VirtualSystemPath(system)))!.Text("Description"));
    }

    [Fact]
    public async Task Settings_sent_back_as_read_change_nothing_and_succeed()
    {
        await using var model = await ServedModel.SeededAsync();
        var before = await model.AllSystemsAsync();

        Assert.Equal(0u, (await ModifyAsync(model, (await model.GetAsync(ServedModel.DefinedPath("db01")))!)).Code());

        Assert.Equal(before, await model.AllSystemsAsync());
    }

    [Theory]
    [InlineData("ElementName", "renamed")]
    [InlineData("VirtualSystemType", "DMTF:xen")]
    [InlineData("VirtualSystemIdentifier", "00000000-0000-0000-0000-000000000001")]
    [InlineData("Caption", "Another caption")]
    public async Task A_property_other_than_Description_that_changes_returns_4(string property, string value)
    {
        await using var model = await ServedModel.SeededAsync();

        await AssertRefusedAsync(model, 4, (await model.GetAsync(ServedModel.DefinedPath("db01")))!
            .Set("Description", Text("would change")).Set(property, Text(value)));
    }

    [Fact]
    public async Task The_State_configuration_of_a_running_system_returns_5()
    {
        await using var model = await ServedModel.SeededAsync();

        await AssertRefusedAsync(model, 5, (await model.GetAsync(ServedModel.StatePath("web01")))!.Set("Description", Text("live")));
    }

    [Fact]
    public async Task A_snapshot_returns_4()
    {
        await using var model = await ServedModel.SeededAsync();
        var snapshot = await ModelScenarios.SnapshotAsync(model, "db01", 3);

        await AssertRefusedAsync(model, 4, (await model.GetAsync(ServedModel.SnapshotPath(Model.SeededId("db01"), snapshot)))!.Set("Description", Text("edited")));
    }

    /// <summary>8.2.5.1: settings whose InstanceID names no existing VSSD are ignored.</summary>
    [Theory]
    [InlineData("no system")]
    [InlineData("the State configuration of a system that is off")]
    [InlineData("a snapshot that does not exist")]
    [InlineData("an InstanceID of another implementation")]
    [InlineData("no InstanceID")]
    public async Task Settings_of_no_existing_configuration_are_ignored_and_succeed(string why)
    {
        await using var model = await ServedModel.SeededAsync();
        var settings = (await model.GetAsync(ServedModel.DefinedPath("db01")))!.Set("Description", Text("ignored")).Set("InstanceID", Text(why switch
        {
            "no system" => $"WsManSvp:{Guid.NewGuid():D}",
            "the State configuration of a system that is off" => $"WsManSvp:{Model.SeededId("db01"):D}:State",
            "a snapshot that does not exist" => $"WsManSvp:{Model.SeededId("db01"):D}:Snapshot:1700000000",
            "an InstanceID of another implementation" => "Microsoft:Definition\\db01",
            _ => null,
        }));
        var before = await model.AllSystemsAsync();

        Assert.Equal(0u, (await ModifyAsync(model, settings)).Code());

        Assert.Equal(before, await model.AllSystemsAsync());
    }

    [Fact]
    public async Task No_settings_return_4()
    {
        await using var model = await ServedModel.SeededAsync();

        Assert.Equal(4u, (await model.ManageAsync("ModifySystemSettings")).Code());
    }

    [Fact]
    public async Task A_hypervisor_that_fails_to_change_the_definition_returns_2()
    {
        await using var model = await ServedModel.SeededAsync();
        var settings = (await model.GetAsync(ServedModel.DefinedPath("db01")))!.Set("Description", Text("new"));
        model.Refusing.ChangeFailure = new HypervisorException(HypervisorError.Failed, "write failed");

        await AssertRefusedAsync(model, 2, settings);
    }
}
