using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>
/// DSP1042 9.3.2.3: from a running system's logical devices to their resource allocations (the "State"
/// extension, then the definition behind it), changed locally and applied as one ModifyResourceSettings.
/// Changes web01, so it has a server of its own.
/// </summary>
public abstract class ModifyVirtualResourcesTests(ServerFixture server)
{
    [Fact]
    public async Task UseCase_9_3_2_3_the_definitions_of_memory_and_processor_change_in_one_call()
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);
        var web01 = await MethodSteps.VirtualSystemAsync(cim, "web01");
        var devices = await MethodSteps.DevicesAsync(cim, web01);

        // Steps 1 to 5 for the memory, then again for a processor: local copies of the two definitions.
        var memory = await DefinitionBehindAsync(cim, devices.First(d => d.ClassName == "CIM_Memory"));
        var processor = await DefinitionBehindAsync(cim, devices.First(d => d.ClassName == "CIM_Processor"));
        Assert.Equal(("4", 2048UL), (memory.Prop("ResourceType"), memory.Quantity()));
        Assert.Equal(("3", 2UL), (processor.Prop("ResourceType"), processor.Quantity()));
        var moreMemory = EmbeddedInstance.From(memory).With("VirtualQuantity", "3072");
        var moreProcessors = EmbeddedInstance.From(processor).With("VirtualQuantity", "4").With("Weight", "200");

        // Step 6: one ModifyResourceSettings with both.
        var result = await cim.InvokeMethodAsync(service, new MethodCall("ModifyResourceSettings")
            .Embedded("ResourceSettings", moreMemory, EmbeddedForm.XsiType)
            .Embedded("ResourceSettings", moreProcessors, EmbeddedForm.XsiType));

        // Step 7 and the result: both definitions changed, named in ResultingResourceSettings[].
        Assert.Equal(0u, result.ReturnValue);
        Assert.Equal([memory.Path.ToString(), processor.Path.ToString()], result.References("ResultingResourceSettings").Select(r => r.ToString()).Order());
        Assert.Equal(3072UL, (await cim.GetInstanceAsync(memory.Path)).Quantity());
        var processorAfter = await cim.GetInstanceAsync(processor.Path);
        Assert.Equal(4UL, processorAfter.Quantity());
        Assert.Equal("200", processorAfter.Prop("Weight"));

        // The running system goes on with what it started with; the definition applies from its next start.
        var stateAllocations = await MethodSteps.AllocationsAsync(cim, Assert.Single(await MethodSteps.StateConfigurationsAsync(cim, web01)));
        Assert.Equal(2048UL, stateAllocations.Single(4).Quantity());
        await MethodSteps.ChangeStateAsync(cim, web01, 3);
        await MethodSteps.ChangeStateAsync(cim, web01, 2);
        stateAllocations = await MethodSteps.AllocationsAsync(cim, Assert.Single(await MethodSteps.StateConfigurationsAsync(cim, web01)));
        Assert.Equal(3072UL, stateAllocations.Single(4).Quantity());
        Assert.Equal(4UL, stateAllocations.Single(3).Quantity());
        Assert.Equal(4, (await MethodSteps.DevicesAsync(cim, web01)).Count(d => d.ClassName == "CIM_Processor"));
    }

    [Fact]
    public async Task UseCase_9_3_2_3_Figure_5_a_change_to_the_State_extension_is_refused_5()
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);
        var build01 = await MethodSteps.VirtualSystemAsync(cim, "build01");
        var processorDevice = (await MethodSteps.DevicesAsync(cim, build01)).First(d => d.ClassName == "CIM_Processor");

        // Step 1 only (the client modifies the "State" extension): Figure 5's Reservation 2 and Weight 200.
        var state = Assert.Single(await cim.AssociatorsAsync(processorDevice, "CIM_SettingsDefineState", MethodSteps.ResourceAllocationSettingData));
        var changed = EmbeddedInstance.From(state).With("Reservation", "2").With("Weight", "200");
        var result = await cim.InvokeMethodAsync(service, new MethodCall("ModifyResourceSettings").Embedded("ResourceSettings", changed, EmbeddedForm.XsiType));

        // Table 9's 5: this implementation changes definitions, not what a running system runs with; nothing changed.
        Assert.Equal(5u, result.ReturnValue);
        Assert.Equal(state.Prop("Weight"), (await cim.GetInstanceAsync(state.Path)).Prop("Weight"));
        Assert.Equal(state.Prop("Weight"), (await MethodSteps.DefinedAllocationsAsync(cim, build01)).Single(3).Prop("Weight"));
    }

    /// <summary>
    /// Steps 1 to 4: Associators(device, CIM_SettingsDefineState, CIM_ResourceAllocationSettingData) gives the
    /// one "State" extension; References(it, CIM_ElementSettingData), the one with IsDefault 1; GetInstance of
    /// its SettingData, the definition.
    /// </summary>
    private static async Task<NamedInstance> DefinitionBehindAsync(CimClient cim, Epr device)
    {
        var state = Assert.Single(await cim.AssociatorsAsync(device, "CIM_SettingsDefineState", MethodSteps.ResourceAllocationSettingData));
        var settings = await cim.ReferencesAsync(state.Path, "CIM_ElementSettingData");
        var definition = Assert.Single(settings, s => s.Prop("IsDefault") == "1").Ref("SettingData");
        return await cim.GetInstanceAsync(definition);
    }
}

public sealed class ModifyVirtualResourcesOnSimulatorTests(ServerFixture server) : ModifyVirtualResourcesTests(server), IClassFixture<ServerFixture>;

public sealed class ModifyVirtualResourcesOnLibvirtTests(LibvirtServerFixture server) : ModifyVirtualResourcesTests(server), IClassFixture<LibvirtServerFixture>;
