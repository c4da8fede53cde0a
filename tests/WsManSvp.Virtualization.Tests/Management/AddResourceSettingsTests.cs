using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Hypervisor;
using WsManSvp.Hypervisor.Simulator;
using static WsManSvp.Virtualization.Tests.Inputs;

namespace WsManSvp.Virtualization.Tests.Management;

/// <summary>AddResourceSettings (DSP1042 8.2.3, 9.3.2.2): new allocations in a system's "Defined" configuration (Table 7).</summary>
public sealed class AddResourceSettingsTests
{
    private static readonly Guid Db01 = Model.SeededId("db01");

    private static Task<CimMethodResult> AddAsync(ServedModel model, CimObjectPath configuration, params CimInstance[] settings) =>
        model.ManageAsync("AddResourceSettings", ("AffectedConfiguration", Reference(configuration)), ("ResourceSettings", Instances(settings)));

    private static async Task AssertRefusedAsync(ServedModel model, Func<Task<CimMethodResult>> call)
    {
        var before = await model.AllSystemsAsync();

        var result = await call();

        Assert.Equal(4u, result.Code());
        Assert.False(result.OutParameters.TryGetValue("ResultingResourceSettings", out var resulting) && !resulting.IsNull);
        Assert.Equal(before, await model.AllSystemsAsync());
    }

    [Fact]
    public async Task A_disk_is_added_as_a_drive_and_its_image_and_both_are_returned()
    {
        await using var model = await ServedModel.SeededAsync();

        var result = await AddAsync(model, ServedModel.DefinedPath("db01"), Disk(4096));

        Assert.Equal(0u, result.Code());
        Assert.Equal([ServedModel.SettingPath(Db01, "vdc"), ServedModel.SettingPath(Db01, "vdc/image")], result.OutReferences("ResultingResourceSettings"));
        var disk = (await model.SystemAsync("db01")).Definition.Disks.Single(d => d.Device == "vdc");
        Assert.Equal(new VirtualDisk("vdc", $"{SimulatorSeed.ImageDirectory}/db01-vdc.qcow2", 4096L << 20), disk);
        var image = (await model.GetAsync(ServedModel.SettingPath(Db01, "vdc/image")))!;
        Assert.Equal((4096L << 20, "byte"), (image.Number("VirtualQuantity"), image.Text("AllocationUnits")));
        Assert.NotNull(await model.GetAsync(ServedModel.SettingPath(Db01, "vdc")));
    }

    [Fact]
    public async Task A_drive_and_its_image_given_apart_are_paired_by_Parent_and_added_as_one_disk()
    {
        await using var model = await ServedModel.SeededAsync();
        var drive = Of(Rasd, ("InstanceID", Text("new-drive")), ("ResourceType", U16(17)), ("ResourceSubType", Text("sata")));
        var image = Of(Sasd, ("ResourceType", U16(31)), ("Parent", Text("new-drive")), ("HostResource", CimValue.StringArray("/srv/images/data.raw")),
            ("VirtualQuantity", U64(2)), ("AllocationUnits", Text("GigaBytes")));

        var result = await AddAsync(model, ServedModel.DefinedPath("db01"), drive, image);

        Assert.Equal(0u, result.Code());
        var disk = (await model.SystemAsync("db01")).Definition.Disks.Single(d => d.Path == "/srv/images/data.raw");
        Assert.Equal(("sda", DiskBus.Sata, 2L << 30), (disk.Device, disk.Bus, disk.CapacityBytes));
        Assert.Equal(["sda", "sda/image"], result.OutReferences("ResultingResourceSettings").Select(p => p.StringKey("InstanceID")![(p.StringKey("InstanceID")!.IndexOf('/') + 1)..]));
    }

    [Fact]
    public async Task A_network_adapter_is_added_with_a_new_address_on_the_network_its_connection_names()
    {
        await using var model = await ServedModel.SeededAsync();
        var before = (await model.SystemAsync("db01")).Definition.NetworkAdapters;

        var result = await AddAsync(model, ServedModel.DefinedPath("db01"), NetworkConnection("storage-net"));

        Assert.Equal(0u, result.Code());
        var added = Assert.Single((await model.SystemAsync("db01")).Definition.NetworkAdapters.Except(before));
        Assert.Equal("storage-net", added.Network);
        Assert.Equal([ServedModel.SettingPath(Db01, added.MacAddress), ServedModel.SettingPath(Db01, added.MacAddress + "/connection")],
            result.OutReferences("ResultingResourceSettings"));
    }

    [Fact]
    public async Task An_adapter_and_its_connection_given_apart_are_paired_by_Parent_and_added_as_one_adapter()
    {
        await using var model = await ServedModel.SeededAsync();
        var adapter = Of(Rasd, ("InstanceID", Text("new-nic")), ("ResourceType", U16(10)), ("Address", Text("52:54:00:0a:0b:0c")), ("ResourceSubType", Text("rtl8139")));
        var connection = NetworkConnection("storage-net").Set("Parent", Text("new-nic"));

        var result = await AddAsync(model, ServedModel.DefinedPath("web01"), connection, adapter);

        Assert.Equal(0u, result.Code());
        var web01 = Model.SeededId("web01");
        Assert.Equal(new VirtualNetworkAdapter("52:54:00:0a:0b:0c", "storage-net", "rtl8139"), (await model.SystemAsync("web01")).Definition.NetworkAdapters[^1]);
        Assert.Equal([ServedModel.SettingPath(web01, "52:54:00:0a:0b:0c"), ServedModel.SettingPath(web01, "52:54:00:0a:0b:0c/connection")],
            result.OutReferences("ResultingResourceSettings"));
    }

    [Fact]
    public async Task An_adapter_with_an_address_and_a_model_gets_them()
    {
        await using var model = await ServedModel.SeededAsync();

        var result = await AddAsync(model, ServedModel.DefinedPath("db01"),
            Of(Rasd, ("ResourceType", U16(10)), ("Address", Text("52-54-00-AA-BB-CC")), ("ResourceSubType", Text("e1000"))));

        Assert.Equal(0u, result.Code());
        Assert.Contains(new VirtualNetworkAdapter("52:54:00:aa:bb:cc", "default", "e1000"), (await model.SystemAsync("db01")).Definition.NetworkAdapters);
    }

    [Fact]
    public async Task A_CD_drive_is_added_on_the_ide_bus_with_its_image()
    {
        await using var model = await ServedModel.SeededAsync();

        var result = await AddAsync(model, ServedModel.DefinedPath("web01"),
            Of(Rasd, ("ResourceType", U16(15)), ("HostResource", CimValue.StringArray("/var/lib/wsmansvp/iso/tools.iso"))));

        Assert.Equal(0u, result.Code());
        var cd = (await model.SystemAsync("web01")).Definition.Disks.Single(d => d.IsCdrom);
        Assert.Equal(("hda", DiskBus.Ide, "/var/lib/wsmansvp/iso/tools.iso"), (cd.Device, cd.Bus, cd.Path));
        // The ide bus brings its controller.
        Assert.NotNull(await model.GetAsync(ServedModel.SettingPath(Model.SeededId("web01"), "ide0")));
    }

    [Fact]
    public async Task Adding_to_a_running_system_changes_its_definition_not_what_it_runs()
    {
        await using var model = await ServedModel.SeededAsync();
        var web01 = Model.SeededId("web01");

        Assert.Equal(0u, (await AddAsync(model, ServedModel.DefinedPath("web01"), Disk(1024))).Code());

        Assert.NotNull(await model.GetAsync(ServedModel.SettingPath(web01, "vdb/image")));
        Assert.Null(await model.GetAsync(ServedModel.SettingPath(web01, "vdb/image", ":State")));
        var system = await model.SystemAsync("web01");
        Assert.Equal((2, 1), (system.Definition.Disks.Count, system.ActiveDefinition!.Disks.Count));
    }

    /// <summary>DSP1042 8.2.3.2: an input's InstanceID is ignored; the request is a new allocation all the same.</summary>
    [Fact]
    public async Task The_InstanceID_of_an_input_is_ignored()
    {
        await using var model = await ServedModel.SeededAsync();
        var copy = (await model.GetAsync(ServedModel.SettingPath(Db01, "vdb")))!;

        var result = await AddAsync(model, ServedModel.DefinedPath("db01"), copy);

        Assert.Equal(0u, result.Code());
        Assert.Equal([ServedModel.SettingPath(Db01, "vdc"), ServedModel.SettingPath(Db01, "vdc/image")], result.OutReferences("ResultingResourceSettings"));
        Assert.Equal(4, (await model.SystemAsync("db01")).Definition.Disks.Count);
    }

    /// <summary>
    /// Hyper-V's way: a medium whose Parent names a drive the configuration has (by InstanceID or object path)
    /// replaces that drive's medium; the new request's own InstanceID and ElementName do not matter.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_medium_whose_Parent_names_an_existing_drive_changes_that_drives_image(bool parentAsPath)
    {
        await using var model = await ServedModel.SeededAsync();
        var drive = ServedModel.SettingPath(Db01, "hdc");
        var parent = parentAsPath ? drive.ToString() : drive.StringKey("InstanceID")!;

        var result = await AddAsync(model, ServedModel.DefinedPath("db01"),
            Of(Sasd, ("InstanceID", Text("Microsoft:Definition\\new")), ("ElementName", Text("Rescue disc")), ("ResourceType", U16(31)),
                ("Parent", Text(parent)), ("HostResource", CimValue.StringArray("/var/lib/wsmansvp/iso/rescue.iso"))));

        Assert.Equal(0u, result.Code());
        Assert.Equal([ServedModel.SettingPath(Db01, "hdc/image")], result.OutReferences("ResultingResourceSettings"));
        var disks = (await model.SystemAsync("db01")).Definition.Disks;
        Assert.Equal(3, disks.Count);
        Assert.Equal("/var/lib/wsmansvp/iso/rescue.iso", disks.Single(d => d.Device == "hdc").Path);
    }

    [Fact]
    public async Task A_connection_whose_Parent_names_an_existing_adapter_moves_it_to_its_network()
    {
        await using var model = await ServedModel.SeededAsync();
        var adapter = (await model.SystemAsync("db01")).Definition.NetworkAdapters[0];
        var connection = NetworkConnection("storage-net").Set("Parent", Text(ServedModel.SettingPath(Db01, adapter.MacAddress).StringKey("InstanceID")));

        var result = await AddAsync(model, ServedModel.DefinedPath("db01"), connection);

        Assert.Equal(0u, result.Code());
        Assert.Equal(adapter with { Network = "storage-net" }, (await model.SystemAsync("db01")).Definition.NetworkAdapters[0]);
        Assert.Equal(2, (await model.SystemAsync("db01")).Definition.NetworkAdapters.Count);
    }

    public static TheoryData<string, CimInstance> Refused => new()
    {
        { "a processor (a system has one)", Processor(2) },
        { "memory (a system has one)", Memory(1024) },
        { "a disk larger than its pool", Disk(4L << 30) },
        { "an empty disk", Disk(0) },
        { "a device name already taken", Of(Rasd, ("ResourceType", U16(17)), ("AddressOnParent", Text("vda"))) },
        { "a device name not of its bus", Of(Rasd, ("ResourceType", U16(17)), ("ResourceSubType", Text("ide")), ("AddressOnParent", Text("vdq"))) },
        { "a CD drive on virtio", Of(Rasd, ("ResourceType", U16(16)), ("ResourceSubType", Text("virtio")), ("HostResource", CimValue.StringArray("/x.iso"))) },
        { "an adapter address already taken", Of(Rasd, ("ResourceType", U16(10)), ("Address", Text("52:54:00:00:00:01"))) },
        { "an unknown adapter model", Of(Rasd, ("ResourceType", U16(10)), ("ResourceSubType", Text("tulip"))) },
        { "a unit that is no unit of storage", Of(Sasd, ("ResourceType", U16(31)), ("VirtualQuantity", U64(1)), ("AllocationUnits", Text("count"))) },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task An_invalid_request_returns_4_and_adds_nothing_not_even_the_valid_requests_beside_it(string why, CimInstance request)
    {
        await using var model = await ServedModel.SeededAsync();
        if (why == "an adapter address already taken")
            await model.Hypervisor.UpdateDefinitionAsync(Db01, (await model.SystemAsync("db01")).Definition with
            {
                NetworkAdapters = [new VirtualNetworkAdapter("52:54:00:00:00:01", "default")],
            }, CancellationToken.None);

        await AssertRefusedAsync(model, () => AddAsync(model, ServedModel.DefinedPath("db01"), Disk(1024), request));
    }

    [Theory]
    [InlineData(":State")]
    [InlineData(":Snapshot:1700000000")]
    public async Task Only_a_Defined_configuration_takes_new_allocations_others_return_4(string configuration)
    {
        await using var model = await ServedModel.SeededAsync();
        var snapshot = await ModelScenarios.SnapshotAsync(model, "web01", 2);
        var target = ServedModel.InstancePath("CIM_VirtualSystemSettingData",
            $"WsManSvp:{Model.SeededId("web01"):D}{configuration.Replace("1700000000", snapshot, StringComparison.Ordinal)}");
        Assert.NotNull(await model.GetAsync(target));

        await AssertRefusedAsync(model, () => AddAsync(model, target, Disk(1024)));
    }

    [Fact]
    public async Task A_configuration_that_does_not_exist_or_no_configuration_returns_4()
    {
        await using var model = await ServedModel.SeededAsync();

        await AssertRefusedAsync(model, () => AddAsync(model, ServedModel.DefinedPath(Guid.NewGuid()), Disk(1024)));
        await AssertRefusedAsync(model, () => AddAsync(model, ServedModel.VirtualSystemPath("db01"), Disk(1024)));
        await AssertRefusedAsync(model, () => model.ManageAsync("AddResourceSettings", ("ResourceSettings", Instances(Disk(1024)))));
        await AssertRefusedAsync(model, () => model.ManageAsync("AddResourceSettings", ("AffectedConfiguration", Reference(ServedModel.DefinedPath("db01")))));
        await AssertRefusedAsync(model, () => AddAsync(model, ServedModel.DefinedPath("db01")));
    }

    [Fact]
    public async Task A_hypervisor_that_fails_to_change_the_definition_returns_2()
    {
        await using var model = await ServedModel.SeededAsync();
        var before = await model.AllSystemsAsync();
        model.Refusing.ChangeFailure = new HypervisorException(HypervisorError.Failed, "write failed");

        var result = await AddAsync(model, ServedModel.DefinedPath("db01"), Disk(1024));

        Assert.Equal(2u, result.Code());
        Assert.Equal(before, await model.AllSystemsAsync());
    }
}
