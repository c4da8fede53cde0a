using WsManSvp.Server.Tests.Infrastructure;
using static WsManSvp.Server.Tests.Infrastructure.AllocationRequests;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>
/// DSP1042 9.3.1.1 with Figure 4's numbers: a "Reference" configuration of one processor, 1024 MB of memory
/// and a 1024 MB disk; an "Input" configuration asking for 4096 MB of memory and another disk. Defines
/// systems, so it has a server of its own.
/// </summary>
public abstract class DefineSystemFromInputAndReferenceTests(ServerFixture server)
{
    [Fact]
    public async Task UseCase_9_3_1_1_DefineSystem_gives_the_input_preference_and_keeps_what_only_the_reference_requests()
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);
        var reference = await ReferenceAsync(cim, service, "VS1");

        // Step 1: SystemSettings, ResourceSettings[] (4096 MB of memory, a second disk) and ReferenceConfiguration.
        var defined = await cim.InvokeMethodAsync(service, new MethodCall("DefineSystem")
            .Embedded("SystemSettings", SystemSettings("VS2"))
            .Embedded("ResourceSettings", Memory(4096))
            .Embedded("ResourceSettings", Disk(2048))
            .Reference("ReferenceConfiguration", reference));

        // Step 2 and the result: executed synchronously, ResultingSystem refers to the new system, which is "Defined".
        Assert.Equal(0u, defined.ReturnValue);
        Assert.Null(defined.Reference("Job"));
        var vs2 = defined.Reference("ResultingSystem");
        Assert.NotNull(vs2);
        Assert.Equal("CIM_ComputerSystem", vs2.ClassName);
        var system = await cim.GetInstanceAsync(vs2);
        Assert.Equal("VS2", system.Prop("ElementName"));
        Assert.Equal("3", system.Prop("EnabledState"));
        Assert.Empty(await MethodSteps.StateConfigurationsAsync(cim, vs2));

        // Figure 4: the processor from the reference, the input's 4096 MB over the reference's 1024, two disks.
        var allocations = await MethodSteps.DefinedAllocationsAsync(cim, vs2);
        Assert.Equal(1UL, allocations.Single(3).Quantity());
        Assert.Equal(4096UL, allocations.Single(4).Quantity());
        Assert.Equal(MethodSteps.MebiBytes, allocations.Single(4).Prop("AllocationUnits"));
        Assert.Equal(2, allocations.OfResourceType(17).Count);
        var disks = allocations.OfResourceType(31);
        Assert.Equal([1024UL << 20, 2048UL << 20], disks.Select(d => d.Quantity()).Order());
        Assert.All(disks, d => Assert.Equal(Sasd, d.ClassName));

        // The reference is unchanged, and the copy's disk is an image of its own.
        var referenceAllocations = await MethodSteps.AllocationsAsync(cim, reference);
        Assert.Equal(1024UL, referenceAllocations.Single(4).Quantity());
        var referenceDisk = referenceAllocations.Single(31);
        Assert.Equal(1024UL << 20, referenceDisk.Quantity());
        Assert.DoesNotContain(referenceDisk.Values("HostResource").Single(), disks.SelectMany(d => d.Values("HostResource")));
    }

    [Fact]
    public async Task UseCase_9_3_1_1_at_the_advanced_level_an_input_allocation_with_the_reference_InstanceID_amends_it()
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);
        var reference = await ReferenceAsync(cim, service, "VS1-advanced");
        var referenceMemory = (await MethodSteps.AllocationsAsync(cim, reference)).Single(4);

        // 8.2.1.1: the same InstanceID correlates the two; the input's non-NULL values override the reference's.
        var amendment = new EmbeddedInstance(Rasd, ("InstanceID", referenceMemory.Prop("InstanceID")!), ("VirtualQuantity", 4096UL));
        var defined = await cim.InvokeMethodAsync(service, new MethodCall("DefineSystem")
            .Embedded("SystemSettings", SystemSettings("VS2-advanced"))
            .Embedded("ResourceSettings", amendment)
            .Reference("ReferenceConfiguration", reference));

        Assert.Equal(0u, defined.ReturnValue);
        var allocations = await MethodSteps.DefinedAllocationsAsync(cim, defined.Reference("ResultingSystem")!);
        Assert.Equal(4096UL, allocations.Single(4).Quantity());
        Assert.Equal(1UL, allocations.Single(3).Quantity());
        Assert.Single(allocations.OfResourceType(31));
        Assert.Equal(1024UL, (await MethodSteps.AllocationsAsync(cim, reference)).Single(4).Quantity());
    }

    [Fact]
    public async Task UseCase_9_3_1_1_with_the_reference_only_the_new_system_is_a_copy_with_its_own_disk_and_adapter()
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);
        var reference = await ReferenceAsync(cim, service, "VS1-cloned", Connection("default"));

        // 8.2.1.1: "If only the Reference virtual system configuration is provided ... a copy or cloned configuration".
        var defined = await cim.InvokeMethodAsync(service, new MethodCall("DefineSystem").Reference("ReferenceConfiguration", reference));

        Assert.Equal(0u, defined.ReturnValue);
        var copy = defined.Reference("ResultingSystem")!;
        Assert.NotEqual("VS1-cloned", (await cim.GetInstanceAsync(copy)).Prop("ElementName"));
        var original = await MethodSteps.AllocationsAsync(cim, reference);
        var cloned = await MethodSteps.DefinedAllocationsAsync(cim, copy);
        Assert.Equal(original.Select(a => (a.Prop("ResourceType"), a.Prop("VirtualQuantity"))).Order(),
            cloned.Select(a => (a.Prop("ResourceType"), a.Prop("VirtualQuantity"))).Order());
        Assert.NotEqual(original.Single(31).Values("HostResource"), cloned.Single(31).Values("HostResource"));
        Assert.NotEqual(original.Single(10).Prop("Address"), cloned.Single(10).Prop("Address"));
    }

    [Fact]
    public async Task Table_2s_ReferencedConfiguration_is_not_the_CIM_schemas_parameter_name_InvalidName()
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);
        var reference = await ReferenceAsync(cim, service, "VS1-misspelt");
        var host = await UseCaseSteps.HostSystemAsync(cim);
        var before = (await UseCaseSteps.LocateVirtualSystemsAsync(cim, host)).Count;

        // DSP1042 Table 2 and 8.2.1.4 write "ReferencedConfiguration"; the CIM schema and 9.3.1.1 "ReferenceConfiguration".
        var reply = await cim.InvokeRawAsync(service, new MethodCall("DefineSystem")
            .Embedded("SystemSettings", SystemSettings("VS2-misspelt"))
            .Reference("ReferencedConfiguration", reference));

        reply.AssertFault("wsman:InvalidParameter", "InvalidName");
        Assert.Contains("ReferencedConfiguration", reply.Reason);
        Assert.Equal(before, (await UseCaseSteps.LocateVirtualSystemsAsync(cim, host)).Count);
    }

    /// <summary>Figure 4's "Reference" configuration: the Defined configuration of a system with one processor, 1024 MB and a 1024 MB disk.</summary>
    private static async Task<Epr> ReferenceAsync(CimClient cim, Epr service, string name, params EmbeddedInstance[] more)
    {
        var call = new MethodCall("DefineSystem").Embedded("SystemSettings", SystemSettings(name))
            .Embedded("ResourceSettings", Processors(1)).Embedded("ResourceSettings", Memory(1024)).Embedded("ResourceSettings", Disk(1024));
        foreach (var resource in more) call.Embedded("ResourceSettings", resource);
        var system = (await cim.InvokeMethodAsync(service, call)).Reference("ResultingSystem")!;
        return await MethodSteps.DefinedConfigurationAsync(cim, system);
    }
}

public sealed class DefineSystemFromInputAndReferenceOnSimulatorTests(ServerFixture server) : DefineSystemFromInputAndReferenceTests(server), IClassFixture<ServerFixture>;

public sealed class DefineSystemFromInputAndReferenceOnLibvirtTests(LibvirtServerFixture server) : DefineSystemFromInputAndReferenceTests(server), IClassFixture<LibvirtServerFixture>;
