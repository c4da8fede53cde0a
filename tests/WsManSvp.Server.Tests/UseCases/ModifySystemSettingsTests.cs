using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>
/// DSP1042 9.3.2.1: modify a virtual system's definition (or state) through ModifySystemSettings with a
/// locally changed copy of its VSSD. Changes systems, so it has a server of its own; each test changes a
/// different system.
/// </summary>
public abstract class ModifySystemSettingsTests(ServerFixture server)
{
    [Fact]
    public async Task UseCase_9_3_2_1_the_Description_of_the_definition_changes()
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);
        var db01 = await MethodSteps.VirtualSystemAsync(cim, "db01");

        // Step 1: the VSSD of the definition; step 2: a conformant change to a local copy (keys untouched).
        var definition = await cim.GetInstanceAsync(await MethodSteps.DefinedConfigurationAsync(cim, db01));
        var changed = EmbeddedInstance.From(definition).With("Description", "Database server, moved to rack 4");
        // Step 3: ModifySystemSettings with the copy, sent back as the WS-Man client received it.
        var result = await cim.InvokeMethodAsync(service, new MethodCall("ModifySystemSettings").Embedded("SystemSettings", changed, EmbeddedForm.XsiType));

        // Step 4 and the result: executed synchronously, and the definition says so.
        Assert.Equal(0u, result.ReturnValue);
        Assert.Null(result.Reference("Job"));
        var after = await cim.GetInstanceAsync(definition.Path);
        Assert.Equal("Database server, moved to rack 4", after.Prop("Description"));
        Assert.Equal(definition.Prop("ElementName"), after.Prop("ElementName"));
        Assert.Equal(definition.Prop("InstanceID"), after.Prop("InstanceID"));
        Assert.Equal("Database server, moved to rack 4", (await cim.GetInstanceAsync(db01)).Prop("Description"));
    }

    [Fact]
    public async Task UseCase_9_3_2_1_the_State_configuration_of_an_active_system_is_not_modified_here_5()
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);
        var web01 = await MethodSteps.VirtualSystemAsync(cim, "web01");

        var state = await cim.GetInstanceAsync(Assert.Single(await MethodSteps.StateConfigurationsAsync(cim, web01)));
        var changed = EmbeddedInstance.From(state).With("Description", "changed while running");
        var result = await cim.InvokeMethodAsync(service, new MethodCall("ModifySystemSettings").Embedded("SystemSettings", changed, EmbeddedForm.XsiType));

        // Table 11: 5, modifications not supported in the present state; the Defined configuration is what changes.
        Assert.Equal(5u, result.ReturnValue);
        Assert.Equal(state.Prop("Description"), (await cim.GetInstanceAsync(state.Path)).Prop("Description"));
        Assert.Equal(state.Prop("Description"), (await cim.GetInstanceAsync(await MethodSteps.DefinedConfigurationAsync(cim, web01))).Prop("Description"));
    }

    [Fact]
    public async Task UseCase_9_3_2_1_a_copy_whose_InstanceID_names_no_configuration_is_ignored()
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);
        var build01 = await MethodSteps.VirtualSystemAsync(cim, "build01");
        var definition = await cim.GetInstanceAsync(await MethodSteps.DefinedConfigurationAsync(cim, build01));

        // 8.2.5.1: the key was modified, which a client must not do; the implementation ignores the value.
        var changed = EmbeddedInstance.From(definition).With("InstanceID", "WsManSvp:00000000-0000-0000-0000-000000000000").With("Description", "lost");
        var result = await cim.InvokeMethodAsync(service, new MethodCall("ModifySystemSettings").Embedded("SystemSettings", changed, EmbeddedForm.XsiType));

        Assert.Equal(0u, result.ReturnValue);
        Assert.Equal(definition.Prop("Description"), (await cim.GetInstanceAsync(definition.Path)).Prop("Description"));
    }
}

public sealed class ModifySystemSettingsOnSimulatorTests(ServerFixture server) : ModifySystemSettingsTests(server), IClassFixture<ServerFixture>;

public sealed class ModifySystemSettingsOnLibvirtTests(LibvirtServerFixture server) : ModifySystemSettingsTests(server), IClassFixture<LibvirtServerFixture>;
