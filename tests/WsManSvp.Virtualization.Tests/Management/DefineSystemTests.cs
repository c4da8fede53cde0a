using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Hypervisor;
using WsManSvp.Hypervisor.Simulator;
using static WsManSvp.Virtualization.Tests.Inputs;

namespace WsManSvp.Virtualization.Tests.Management;

/// <summary>DefineSystem (DSP1042 8.2.1): the "Input" configuration over the "Reference" one, and its return codes (Table 3).</summary>
public sealed class DefineSystemTests
{
    private const long MiB = 1L << 20;

    private static async Task<VirtualSystem> DefinedAsync(ServedModel model, CimMethodResult result)
    {
        Assert.Equal(0u, result.Code());
        var system = result.OutParameters["ResultingSystem"].AsReference();
        Assert.Equal("CIM_ComputerSystem", system.ClassName);
        Assert.False(result.OutParameters.ContainsKey("Job"));
        Assert.NotNull(await model.GetAsync(system));
        return (await model.SystemAsync(Guid.Parse(system.StringKey("Name")!)))!;
    }

    /// <summary>Asserts a refusal: the code, no ResultingSystem, and every system as it was.</summary>
    private static async Task AssertRefusedAsync(ServedModel model, uint code, Func<Task<CimMethodResult>> call)
    {
        var before = await model.AllSystemsAsync();

        var result = await call();

        Assert.Equal(code, result.Code());
        Assert.False(result.OutParameters.TryGetValue("ResultingSystem", out var resulting) && !resulting.IsNull);
        Assert.Equal(before, await model.AllSystemsAsync());
    }

    [Fact]
    public async Task An_input_configuration_alone_defines_a_system_off_with_what_it_asks_for()
    {
        await using var model = await ServedModel.SeededAsync();

        var system = await DefinedAsync(model, await model.ManageAsync("DefineSystem",
            ("SystemSettings", Instance(Of(Vssd, ("ElementName", Text("new01")), ("Description", Text("made by a test"))))),
            ("ResourceSettings", Instances(Processor(2), Memory(2048), Disk(10240), NetworkConnection("storage-net")))));

        Assert.Equal(SystemState.Off, system.State);
        var definition = system.Definition;
        Assert.Equal(("new01", "made by a test", 2, 2048L), (definition.Name, definition.Description, definition.VirtualCpus, definition.MemoryMiB));
        var disk = Assert.Single(definition.Disks);
        Assert.Equal(new VirtualDisk("vda", $"{SimulatorSeed.ImageDirectory}/new01-vda.qcow2", 10240 * MiB), disk);
        var adapter = Assert.Single(definition.NetworkAdapters);
        Assert.Equal(("storage-net", "virtio"), (adapter.Network, adapter.Model));
        Assert.Matches("^52:54:00(:[0-9a-f]{2}){3}$", adapter.MacAddress);
        var vm = (await model.GetAsync(ServedModel.VirtualSystemPath(system.Id)))!;
        Assert.Equal(("new01", 3L), (vm.Text("ElementName"), vm.Number("EnabledState")));
    }

    [Fact]
    public async Task Without_input_a_system_gets_the_defaults_one_processor_the_default_memory_and_a_generated_name()
    {
        await using var model = await ServedModel.SeededAsync();

        var system = await DefinedAsync(model, await model.ManageAsync("DefineSystem"));

        Assert.Equal((1, 1024L), (system.Definition.VirtualCpus, system.Definition.MemoryMiB));
        Assert.Empty(system.Definition.Disks);
        Assert.Empty(system.Definition.NetworkAdapters);
        Assert.Matches("^vm-[0-9a-f]{8}$", system.Definition.Name);
    }

    [Fact]
    public async Task A_VirtualSystemIdentifier_gives_the_new_system_its_UUID()
    {
        await using var model = await ServedModel.SeededAsync();
        var id = Guid.NewGuid();

        var system = await DefinedAsync(model, await model.ManageAsync("DefineSystem",
            ("SystemSettings", Instance(Of(Vssd, ("ElementName", Text("chosen")), ("VirtualSystemIdentifier", Text(id.ToString("D"))),
                ("VirtualSystemType", Text("DMTF:simulator")), ("InstanceID", Text("ignored")), ("Caption", Text("ignored")))))));

        Assert.Equal(id, system.Id);
        Assert.Equal("chosen", system.Definition.Name);
    }

    /// <summary>DSP1042 9.3.1.1, Figure 4: the input's memory overrides the reference's, its disk adds to the reference's, the reference's processor stays.</summary>
    [Fact]
    public async Task The_input_configuration_is_preferred_over_the_reference_as_in_DSP1042_Figure_4()
    {
        await using var model = await ServedModel.SeededAsync();
        var reference = await DefinedAsync(model, await model.ManageAsync("DefineSystem",
            ("SystemSettings", Instance(SystemSettings("vs1"))), ("ResourceSettings", Instances(Processor(1), Memory(1024), Disk(1024)))));

        var system = await DefinedAsync(model, await model.ManageAsync("DefineSystem",
            ("SystemSettings", Instance(SystemSettings("vs2"))),
            ("ResourceSettings", Instances(Memory(4096), Disk(1024))),
            ("ReferenceConfiguration", Reference(ServedModel.DefinedPath(reference.Id)))));

        Assert.Equal((1, 4096L), (system.Definition.VirtualCpus, system.Definition.MemoryMiB));
        Assert.Equal([("vda", 1024 * MiB), ("vdb", 1024 * MiB)], system.Definition.Disks.Select(d => (d.Device, d.CapacityBytes)));
        Assert.Equal([$"{SimulatorSeed.ImageDirectory}/vs2-vda.qcow2", $"{SimulatorSeed.ImageDirectory}/vs2-vdb.qcow2"],
            system.Definition.Disks.Select(d => d.Path));
        // The reference is untouched.
        Assert.Equal(reference, await model.SystemAsync(reference.Id));
        var rasds = (await model.AssociatorsAsync(ServedModel.DefinedPath(system.Id), "CIM_VirtualSystemSettingDataComponent", "CIM_ResourceAllocationSettingData"))
            .ToDictionary(r => r.Id()[(r.Id().IndexOf('/') + 1)..]);
        Assert.Equal(4096, rasds["mem"].Number("VirtualQuantity"));
        Assert.Equal(1, rasds["proc"].Number("VirtualQuantity"));
        Assert.Equal([1024 * MiB, 1024 * MiB], new[] { rasds["vda/image"], rasds["vdb/image"] }.Select(r => r.Number("VirtualQuantity")));
    }

    [Fact]
    public async Task A_reference_alone_is_cloned_with_new_adapter_addresses_and_new_disk_images()
    {
        await using var model = await ServedModel.SeededAsync();
        var db01 = await model.SystemAsync("db01");

        var copy = await DefinedAsync(model, await model.ManageAsync("DefineSystem", ("ReferenceConfiguration", Reference(ServedModel.DefinedPath("db01")))));

        Assert.NotEqual(db01.Id, copy.Id);
        Assert.Equal("db01-copy", copy.Definition.Name);
        Assert.Equal((db01.Definition.VirtualCpus, db01.Definition.MemoryMiB, db01.Definition.Description),
            (copy.Definition.VirtualCpus, copy.Definition.MemoryMiB, copy.Definition.Description));
        Assert.Equal(db01.Definition.NetworkAdapters.Select(a => (a.Network, a.Model)), copy.Definition.NetworkAdapters.Select(a => (a.Network, a.Model)));
        Assert.Empty(copy.Definition.NetworkAdapters.Select(a => a.MacAddress).Intersect(db01.Definition.NetworkAdapters.Select(a => a.MacAddress)));
        Assert.Equal(copy.Definition.NetworkAdapters.Count, copy.Definition.NetworkAdapters.Select(a => a.MacAddress).Distinct().Count());
        Assert.Equal(db01.Definition.Disks.Select(d => (d.Device, d.CapacityBytes, d.Bus, d.IsCdrom)), copy.Definition.Disks.Select(d => (d.Device, d.CapacityBytes, d.Bus, d.IsCdrom)));
        // Disk images are the copy's own; the installation CD is shared.
        Assert.Equal([$"{SimulatorSeed.ImageDirectory}/db01-copy-vda.qcow2", $"{SimulatorSeed.ImageDirectory}/db01-copy-vdb.qcow2", "/var/lib/wsmansvp/iso/install.iso"],
            copy.Definition.Disks.Select(d => d.Path));
        Assert.Equal(db01, await model.SystemAsync("db01"));
    }

    [Fact]
    public async Task A_snapshot_can_be_the_reference_and_the_clone_has_what_the_snapshot_captured()
    {
        await using var model = await ServedModel.SeededAsync();
        var snapshot = await ModelScenarios.SnapshotAsync(model, "web01", 2);
        await model.Hypervisor.UpdateDefinitionAsync(Model.SeededId("web01"), (await model.SystemAsync("web01")).Definition with { VirtualCpus = 6 }, CancellationToken.None);

        var copy = await DefinedAsync(model, await model.ManageAsync("DefineSystem",
            ("SystemSettings", Instance(SystemSettings("web02"))),
            ("ReferenceConfiguration", Reference(ServedModel.SnapshotPath(Model.SeededId("web01"), snapshot)))));

        Assert.Equal((2, 2048L), (copy.Definition.VirtualCpus, copy.Definition.MemoryMiB));
        Assert.Equal([$"{SimulatorSeed.ImageDirectory}/web02-vda.qcow2"], copy.Definition.Disks.Select(d => d.Path));
        Assert.NotEqual((await model.SystemAsync("web01")).Definition.NetworkAdapters[0].MacAddress, copy.Definition.NetworkAdapters[0].MacAddress);
    }

    /// <summary>DSP1042 8.2.1.1's advanced level: an input allocation with a reference allocation's InstanceID amends it.</summary>
    [Fact]
    public async Task An_input_allocation_with_the_InstanceID_of_a_reference_allocation_amends_it()
    {
        await using var model = await ServedModel.SeededAsync();
        var memory = (await model.GetAsync(ServedModel.SettingPath(Model.SeededId("db01"), "mem")))!;
        memory.Set("VirtualQuantity", U64(12288));
        var disk = (await model.GetAsync(ServedModel.SettingPath(Model.SeededId("db01"), "vdb/image")))!;
        disk.Set("VirtualQuantity", U64(200L << 30));

        var copy = await DefinedAsync(model, await model.ManageAsync("DefineSystem",
            ("SystemSettings", Instance(SystemSettings("db02"))),
            ("ResourceSettings", Instances(memory, disk)),
            ("ReferenceConfiguration", Reference(ServedModel.DefinedPath("db01")))));

        Assert.Equal(12288, copy.Definition.MemoryMiB);
        Assert.Equal([(20L << 30), 200L << 30, 700L << 20], copy.Definition.Disks.Select(d => d.CapacityBytes));
        Assert.Equal(8192, (await model.SystemAsync("db01")).Definition.MemoryMiB);
    }

    public static TheoryData<string, CimInstance> InvalidSystemSettings => new()
    {
        { "a property a new system's settings cannot set", Of(Vssd, ("ElementName", Text("x1")), ("Notes", CimValue.StringArray("note"))) },
        { "another system type", Of(Vssd, ("ElementName", Text("x2")), ("VirtualSystemType", Text("DMTF:xen"))) },
        { "an identifier that is not a UUID", Of(Vssd, ("ElementName", Text("x3")), ("VirtualSystemIdentifier", Text("not-a-uuid"))) },
        { "the identifier of a defined system", Of(Vssd, ("ElementName", Text("x4")), ("VirtualSystemIdentifier", Text(ServedModel.SystemName("web01")))) },
        { "an empty name", Of(Vssd, ("ElementName", Text(" "))) },
        { "the name of a defined system", SystemSettings("web01") },
    };

    [Theory]
    [MemberData(nameof(InvalidSystemSettings))]
    public async Task Invalid_system_settings_return_4_and_define_nothing(string _, CimInstance settings)
    {
        await using var model = await ServedModel.SeededAsync();

        await AssertRefusedAsync(model, 4, () => model.ManageAsync("DefineSystem", ("SystemSettings", Instance(settings))));
    }

    public static TheoryData<string, CimInstance> InvalidResourceSettings => new()
    {
        { "no processor", Processor(0) },
        { "more processors than the host has", Processor(17) },
        { "too little memory", Memory(16) },
        { "more memory than the host has", Memory(65537) },
        { "a resource type this host does not allocate", Of(Rasd, ("ResourceType", U16(99))) },
        { "no resource type", Of(Rasd, ("ElementName", Text("what"))) },
        { "a controller", Of(Rasd, ("ResourceType", U16(5))) },
        { "an unknown network", NetworkConnection("nowhere") },
        { "a CD drive without an image", Of(Rasd, ("ResourceType", U16(15))) },
        { "a disk bus that does not exist", Of(Rasd, ("ResourceType", U16(17)), ("ResourceSubType", Text("floppy"))) },
        { "a multicast adapter address", Of(Rasd, ("ResourceType", U16(10)), ("Address", Text("01:00:5e:00:00:01"))) },
        { "an unknown pool", Of(Rasd, ("ResourceType", U16(4)), ("VirtualQuantity", U64(512)), ("PoolID", Text("WsManSvp:Pool/Memory/elsewhere"))) },
    };

    [Theory]
    [MemberData(nameof(InvalidResourceSettings))]
    public async Task An_invalid_resource_request_returns_4_and_defines_nothing(string _, CimInstance request)
    {
        await using var model = await ServedModel.SeededAsync();

        await AssertRefusedAsync(model, 4, () => model.ManageAsync("DefineSystem",
            ("SystemSettings", Instance(SystemSettings("refused"))), ("ResourceSettings", Instances(Memory(1024), request))));
    }

    [Theory]
    [InlineData("the State configuration", ":State")]
    [InlineData("a configuration of no system", "")]
    [InlineData("a snapshot that does not exist", ":Snapshot:1700000000")]
    public async Task A_reference_that_is_not_a_Defined_configuration_or_snapshot_returns_4(string why, string suffix)
    {
        await using var model = await ServedModel.SeededAsync();
        var system = why == "a configuration of no system" ? Guid.NewGuid() : Model.SeededId("web01");

        await AssertRefusedAsync(model, 4, () => model.ManageAsync("DefineSystem",
            ("ReferenceConfiguration", Reference(ServedModel.InstancePath("CIM_VirtualSystemSettingData", $"WsManSvp:{system:D}{suffix}")))));
    }

    [Fact]
    public async Task A_reference_to_a_resource_allocation_returns_4()
    {
        await using var model = await ServedModel.SeededAsync();

        await AssertRefusedAsync(model, 4, () => model.ManageAsync("DefineSystem",
            ("ReferenceConfiguration", Reference(ServedModel.SettingPath(Model.SeededId("web01"), "mem")))));
    }

    [Fact]
    public async Task A_hypervisor_that_fails_to_define_returns_2()
    {
        await using var model = await ServedModel.SeededAsync();
        model.Refusing.ChangeFailure = new HypervisorException(HypervisorError.Failed, "The disk is full.");

        await AssertRefusedAsync(model, 2, () => model.ManageAsync("DefineSystem", ("SystemSettings", Instance(SystemSettings("full")))));
    }

    [Fact]
    public async Task A_hypervisor_that_cannot_be_reached_is_a_CIM_error_not_a_return_code()
    {
        await using var model = await ServedModel.SeededAsync();
        model.Refusing.ChangeFailure = new HypervisorException(HypervisorError.Unavailable, "connection lost");

        var e = await Assert.ThrowsAsync<CimException>(() => model.ManageAsync("DefineSystem", ("SystemSettings", Instance(SystemSettings("lost")))));

        Assert.True(e.Unavailable);
        Assert.Equal(4, model.Hypervisor.Count);
    }
}
