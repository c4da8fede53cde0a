using WsManSvp.Cim.Model;
using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Tests;

/// <summary>The resource allocations (RASDs) of each seeded system, as docs/MODEL.md's table of resource keys gives them.</summary>
public sealed class ResourceAllocationModelTests
{
    private static CimObjectPath Vssd(string system, bool state = false) =>
        ServedModel.InstancePath("CIM_VirtualSystemSettingData", $"WsManSvp:{ServedModel.SystemName(system)}{(state ? ":State" : "")}");

    /// <summary>The allocations of a configuration, by resource key.</summary>
    private static async Task<Dictionary<string, CimInstance>> AllocationsAsync(ServedModel model, string system, bool state = false)
    {
        var prefix = ServedModel.SettingId(system, "", state);
        return (await model.AssociatorsAsync(Vssd(system, state), "CIM_VirtualSystemSettingDataComponent"))
            .ToDictionary(r => r.Id()[prefix.Length..]);
    }

    private static async Task<string[]> MacsAsync(ServedModel model, string system) =>
        (await model.SystemAsync(system)).Definition.NetworkAdapters.Select(a => a.MacAddress).ToArray();

    [Theory]
    [InlineData("web01", "proc mem vda vda/image")]
    [InlineData("db01", "proc mem ide0 vda vda/image vdb vdb/image hdc hdc/image")]
    [InlineData("build01", "proc mem scsi0 sda sda/image")]
    [InlineData("test01", "proc mem vda vda/image")]
    public async Task Each_system_has_an_allocation_per_resource_and_per_adapter_with_its_connection(string system, string storageKeys)
    {
        await using var model = await ServedModel.SeededAsync();
        var macs = await MacsAsync(model, system);

        var allocations = await AllocationsAsync(model, system);

        Assert.Equal(storageKeys.Split(' ').Concat(macs.SelectMany(m => new[] { m, m + "/connection" })).Order(StringComparer.Ordinal),
            allocations.Keys.Order(StringComparer.Ordinal));
        Assert.All(allocations.Values, r => Assert.Equal(3, r.Number("ConsumerVisibility")));
    }

    [Theory]
    [InlineData("web01", 2, 2048)]
    [InlineData("db01", 4, 8192)]
    [InlineData("build01", 2, 4096)]
    [InlineData("test01", 1, 1024)]
    public async Task Processor_and_memory_come_from_the_host_pools(string system, int cpus, int memoryMiB)
    {
        await using var model = await ServedModel.SeededAsync();

        var allocations = await AllocationsAsync(model, system);

        var proc = allocations["proc"];
        Assert.Equal("CIM_ResourceAllocationSettingData", proc.Class.Name);
        Assert.Equal((3, cpus, "count"), (proc.Number("ResourceType"), proc.Number("VirtualQuantity"), proc.Text("VirtualQuantityUnits")));
        Assert.Equal("WsManSvp:Pool/Processor/host", proc.Text("PoolID"));
        var mem = allocations["mem"];
        Assert.Equal((4, memoryMiB, memoryMiB, memoryMiB), (mem.Number("ResourceType"), mem.Number("VirtualQuantity"), mem.Number("Reservation"), mem.Number("Limit")));
        Assert.Equal(("byte*2^20", "byte*2^20"), (mem.Text("VirtualQuantityUnits"), mem.Text("AllocationUnits")));
        Assert.Equal("WsManSvp:Pool/Memory/host", mem.Text("PoolID"));
    }

    [Fact]
    public async Task A_virtio_disk_has_no_controller_and_its_image_comes_from_a_storage_pool()
    {
        await using var model = await ServedModel.SeededAsync();

        var allocations = await AllocationsAsync(model, "web01");

        var drive = allocations["vda"];
        Assert.Equal((17, "virtio"), (drive.Number("ResourceType"), drive.Text("ResourceSubType")));
        Assert.True(drive["Parent"].IsNull);
        Assert.True(drive["AddressOnParent"].IsNull);
        Assert.True(drive["PoolID"].IsNull);
        var image = allocations["vda/image"];
        Assert.Equal("CIM_StorageAllocationSettingData", image.Class.Name);
        Assert.Equal(31, image.Number("ResourceType"));
        Assert.Equal(["/var/lib/wsmansvp/images/web01-vda.qcow2"], image.Texts("HostResource"));
        Assert.Equal((20L << 30, "byte"), (image.Number("VirtualQuantity"), image.Text("AllocationUnits")));
        Assert.Equal(drive.GetPath().ToString(), image.Text("Parent"));
        Assert.Equal("WsManSvp:Pool/Storage/default", image.Text("PoolID"));
    }

    [Fact]
    public async Task Db01s_CD_drive_hangs_on_its_IDE_controller_and_holds_the_ISO()
    {
        await using var model = await ServedModel.SeededAsync();

        var allocations = await AllocationsAsync(model, "db01");

        var controller = allocations["ide0"];
        Assert.Equal((5, "ide", "IDE controller"), (controller.Number("ResourceType"), controller.Text("ResourceSubType"), controller.Text("ElementName")));
        Assert.True(controller["Parent"].IsNull);
        Assert.True(controller["PoolID"].IsNull);
        var drive = allocations["hdc"];
        Assert.Equal((15, "ide"), (drive.Number("ResourceType"), drive.Text("ResourceSubType")));
        Assert.Equal($"root/cimv2:CIM_ResourceAllocationSettingData.InstanceID=\"{ServedModel.SettingId("db01", "ide0")}\"", drive.Text("Parent"));
        Assert.Equal(controller.GetPath().ToString(), drive.Text("Parent"));
        Assert.Equal("hdc", drive.Text("AddressOnParent"));
        var iso = allocations["hdc/image"];
        Assert.Equal(["/var/lib/wsmansvp/iso/install.iso"], iso.Texts("HostResource"));
        Assert.Equal(700L << 20, iso.Number("VirtualQuantity"));
        Assert.Equal(drive.GetPath().ToString(), iso.Text("Parent"));
        Assert.Equal("WsManSvp:Pool/Storage/default", iso.Text("PoolID"));
    }

    [Fact]
    public async Task Db01s_second_disk_is_a_100_GiB_virtio_disk()
    {
        await using var model = await ServedModel.SeededAsync();

        var allocations = await AllocationsAsync(model, "db01");

        Assert.Equal(17, allocations["vdb"].Number("ResourceType"));
        Assert.True(allocations["vdb"]["Parent"].IsNull);
        Assert.Equal(["/var/lib/wsmansvp/images/db01-vdb.qcow2"], allocations["vdb/image"].Texts("HostResource"));
        Assert.Equal(100L << 30, allocations["vdb/image"].Number("VirtualQuantity"));
        Assert.Equal(allocations["vdb"].GetPath().ToString(), allocations["vdb/image"].Text("Parent"));
    }

    [Fact]
    public async Task Build01s_disk_hangs_on_its_SCSI_controller()
    {
        await using var model = await ServedModel.SeededAsync();

        var allocations = await AllocationsAsync(model, "build01");

        Assert.Equal((6, "scsi"), (allocations["scsi0"].Number("ResourceType"), allocations["scsi0"].Text("ResourceSubType")));
        var drive = allocations["sda"];
        Assert.Equal((17, "scsi", "sda"), (drive.Number("ResourceType"), drive.Text("ResourceSubType"), drive.Text("AddressOnParent")));
        Assert.Equal(allocations["scsi0"].GetPath().ToString(), drive.Text("Parent"));
        Assert.Equal(40L << 30, allocations["sda/image"].Number("VirtualQuantity"));
    }

    [Fact]
    public async Task Each_adapter_has_its_MAC_and_model_and_its_connection_names_the_network_and_its_pool()
    {
        await using var model = await ServedModel.SeededAsync();
        var macs = await MacsAsync(model, "db01");

        var allocations = await AllocationsAsync(model, "db01");

        Assert.Equal(2, macs.Length);
        foreach (var (mac, network) in macs.Zip(["default", "storage-net"]))
        {
            Assert.Matches("^52:54:00(:[0-9a-f]{2}){3}$", mac);
            var adapter = allocations[mac];
            Assert.Equal("CIM_ResourceAllocationSettingData", adapter.Class.Name);
            Assert.Equal((10, mac, "virtio"), (adapter.Number("ResourceType"), adapter.Text("Address"), adapter.Text("ResourceSubType")));
            Assert.True(adapter["PoolID"].IsNull);
            var connection = allocations[mac + "/connection"];
            Assert.Equal("CIM_EthernetPortAllocationSettingData", connection.Class.Name);
            Assert.Equal(33, connection.Number("ResourceType"));
            Assert.Equal([network], connection.Texts("Connection"));
            Assert.Equal([network], connection.Texts("HostResource"));
            Assert.Equal(adapter.GetPath().ToString(), connection.Text("Parent"));
            Assert.Equal($"WsManSvp:Pool/Network/{network}", connection.Text("PoolID"));
        }
    }

    [Fact]
    public async Task An_active_systems_State_allocations_mirror_its_Defined_ones_within_the_State_configuration()
    {
        await using var model = await ServedModel.SeededAsync();
        await model.ChangeAsync("db01", StateTransition.Start);

        var defined = await AllocationsAsync(model, "db01");
        var state = await AllocationsAsync(model, "db01", state: true);

        Assert.Equal(defined.Keys.Order(StringComparer.Ordinal), state.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, setting) in state)
        {
            Assert.Equal(ServedModel.SettingId("db01", key, state: true), setting.Id());
            var counterpart = Assert.Single(await model.AssociatorsAsync(setting.GetPath(), "CIM_ElementSettingData"));
            Assert.Equal(defined[key].GetPath(), counterpart.GetPath());
            foreach (var property in setting.Class.Properties.Where(p => p.Name is not ("InstanceID" or "Parent")))
                Assert.Equal(defined[key][property], setting[property]);
        }
        Assert.Equal(state["ide0"].GetPath().ToString(), state["hdc"].Text("Parent"));
    }

    [Fact]
    public async Task An_inactive_system_has_only_its_Defined_allocations()
    {
        await using var model = await ServedModel.SeededAsync();

        Assert.Null(await model.GetAsync(ServedModel.InstancePath("CIM_ResourceAllocationSettingData", ServedModel.SettingId("test01", "proc", state: true))));
        Assert.NotNull(await model.GetAsync(ServedModel.InstancePath("CIM_ResourceAllocationSettingData", ServedModel.SettingId("test01", "proc"))));
    }

    [Fact]
    public async Task A_pool_lends_to_the_allocations_of_both_configurations()
    {
        await using var model = await ServedModel.SeededAsync();

        var processors = await model.AssociatorsAsync(ServedModel.InstancePath("CIM_ResourcePool", "WsManSvp:Pool/Processor/host"),
            "CIM_ResourceAllocationFromPool");
        var storageNet = await model.AssociatorsAsync(ServedModel.InstancePath("CIM_ResourcePool", "WsManSvp:Pool/Network/storage-net"),
            "CIM_ResourceAllocationFromPool");

        Assert.Equal(
            new[] { ("web01", false), ("db01", false), ("build01", false), ("test01", false), ("web01", true), ("build01", true) }
                .Select(s => ServedModel.SettingId(s.Item1, "proc", s.Item2)).Order(StringComparer.Ordinal),
            processors.Select(p => p.Id()).Order(StringComparer.Ordinal));
        var connection = Assert.Single(storageNet);
        Assert.Equal("CIM_EthernetPortAllocationSettingData", connection.Class.Name);
        Assert.Equal([ "storage-net" ], connection.Texts("Connection"));
    }
}
