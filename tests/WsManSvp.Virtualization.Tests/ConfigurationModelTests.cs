using WsManSvp.Cim.Model;
using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Tests;

/// <summary>
/// The "Defined" and "State" configurations (VSSDs) of each system and how systems and configurations are
/// tied together (CIM_ElementSettingData, CIM_SettingsDefineState), through state changes.
/// </summary>
public sealed class ConfigurationModelTests
{
    private static readonly string[] Seeded = ["web01", "db01", "build01", "test01"];

    private static string Defined(string system) => $"WsManSvp:{ServedModel.SystemName(system)}";

    private static string State(string system) => $"WsManSvp:{ServedModel.SystemName(system)}:State";

    private static CimObjectPath VssdPath(string instanceId) => ServedModel.InstancePath("CIM_VirtualSystemSettingData", instanceId);

    private static async Task<List<string>> ConfigurationIdsAsync(ServedModel model) =>
        (await model.InstancesAsync("CIM_VirtualSystemSettingData")).Select(c => c.Id()).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Every_system_has_its_Defined_configuration_and_the_active_ones_their_State_configuration()
    {
        await using var model = await ServedModel.SeededAsync();

        var ids = await ConfigurationIdsAsync(model);

        // web01 runs and build01 is paused; db01 is off and test01 saved.
        Assert.Equal(Seeded.Select(Defined).Concat(new[] { "web01", "build01" }.Select(State)).Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public async Task Starting_a_system_adds_its_State_configuration_and_saving_one_removes_it()
    {
        await using var model = await ServedModel.SeededAsync();

        await model.ChangeAsync("db01", StateTransition.Start);
        await model.ChangeAsync("web01", StateTransition.Save);

        Assert.Equal(Seeded.Select(Defined).Concat(new[] { "db01", "build01" }.Select(State)).Order(StringComparer.Ordinal), await ConfigurationIdsAsync(model));
        Assert.Null(await model.GetAsync(VssdPath(State("web01"))));
        Assert.NotNull(await model.GetAsync(VssdPath(State("db01"))));
    }

    [Theory]
    [InlineData("web01")]
    [InlineData("build01")]
    public async Task The_State_configuration_describes_the_same_system_as_the_Defined_one(string system)
    {
        await using var model = await ServedModel.SeededAsync();

        var defined = (await model.GetAsync(VssdPath(Defined(system))))!;
        var state = (await model.GetAsync(VssdPath(State(system))))!;

        Assert.Equal(("Defined configuration", "State configuration"), (defined.Text("Caption"), state.Text("Caption")));
        foreach (var property in new[] { "ElementName", "VirtualSystemIdentifier", "VirtualSystemType", "Description" })
            Assert.Equal(defined[property], state[property]);
        Assert.Equal(ServedModel.SystemName(system), state.Text("VirtualSystemIdentifier"));
        Assert.Equal(system, state.Text("ElementName"));
    }

    [Theory]
    [InlineData("web01", 2)]
    [InlineData("db01", 1)]
    [InlineData("build01", 2)]
    [InlineData("test01", 1)]
    public async Task A_system_has_its_Defined_configuration_as_default_and_next_and_as_current_only_while_inactive(string system, int isCurrent)
    {
        await using var model = await ServedModel.SeededAsync();

        var link = Assert.Single(await model.ReferencesAsync(ServedModel.VirtualSystemPath(system), "CIM_ElementSettingData"));

        Assert.Equal(VssdPath(Defined(system)), link.Ref("SettingData"));
        Assert.Equal((1, isCurrent, 1), (link.Number("IsDefault"), link.Number("IsCurrent"), link.Number("IsNext")));
    }

    [Fact]
    public async Task An_active_systems_State_configuration_defines_its_state_and_leads_to_its_definition()
    {
        await using var model = await ServedModel.SeededAsync();
        await model.ChangeAsync("db01", StateTransition.Start);

        var state = await model.AssociatorsAsync(ServedModel.VirtualSystemPath("db01"), "CIM_SettingsDefineState");
        var definition = Assert.Single(await model.ReferencesAsync(VssdPath(State("db01")), "CIM_ElementSettingData", "ManagedElement"));

        Assert.Equal(State("db01"), Assert.Single(state).Id());
        Assert.Equal(VssdPath(Defined("db01")), definition.Ref("SettingData"));
        Assert.Equal(1, definition.Number("IsDefault"));
    }

    [Theory]
    [InlineData("db01")]
    [InlineData("test01")]
    public async Task An_inactive_system_has_no_state_configuration_to_define(string system)
    {
        await using var model = await ServedModel.SeededAsync();

        Assert.Empty(await model.ReferencesAsync(ServedModel.VirtualSystemPath(system), "CIM_SettingsDefineState"));
        Assert.Equal(VssdPath(Defined(system)),
            Assert.Single(await model.AssociatorsAsync(ServedModel.VirtualSystemPath(system), "CIM_ElementSettingData")).GetPath());
    }
}
