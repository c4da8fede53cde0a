using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Hypervisor;
using static WsManSvp.Virtualization.Tests.Inputs;

namespace WsManSvp.Virtualization.Tests.Management;

/// <summary>
/// ModifyResourceSettings (DSP1042 8.2.4, 9.3.2.3): a client gets allocations, changes them and sends them
/// back; they change as one edit of the system's "Defined" configuration, or not at all (Table 9).
/// </summary>
public sealed class ModifyResourceSettingsTests
{
    private static readonly Guid Db01 = Model.SeededId("db01");
    private static readonly Guid Web01 = Model.SeededId("web01");

    private static Task<CimMethodResult> ModifyAsync(ServedModel model, params CimInstance[] settings) =>
        model.ManageAsync("ModifyResourceSettings", ("ResourceSettings", Instances(settings)));

    private static async Task<CimInstance> GetAsync(ServedModel model, Guid system, string key, string configuration = "") =>
        (await model.GetAsync(ServedModel.SettingPath(system, key, configuration)))!;

    private static async Task AssertRefusedAsync(ServedModel model, uint code, params CimInstance[] settings)
    {
        var before = await model.AllSystemsAsync();

        var result = await ModifyAsync(model, settings);

        Assert.Equal(code, result.Code());
        Assert.False(result.OutParameters.TryGetValue("ResultingResourceSettings", out var resulting) && !resulting.IsNull);
        Assert.Equal(before, await model.AllSystemsAsync());
    }

    [Fact]
    public async Task Memory_and_processors_change_together_and_both_are_returned()
    {
        await using var model = await ServedModel.SeededAsync();
        var memory = (await GetAsync(model, Db01, "mem")).Set("VirtualQuantity", U64(16384));
        var processor = (await GetAsync(model, Db01, "proc")).Set("VirtualQuantity", U64(8)).Set("Weight", U32(500));

        var result = await ModifyAsync(model, memory, processor);

        Assert.Equal(0u, result.Code());
        Assert.Equal([ServedModel.SettingPath(Db01, "mem"), ServedModel.SettingPath(Db01, "proc")], result.OutReferences("ResultingResourceSettings"));
        var definition = (await model.SystemAsync("db01")).Definition;
        Assert.Equal((8, 16384L, (int?)500), (definition.VirtualCpus, definition.MemoryMiB, definition.ProcessorWeight));
        var read = await GetAsync(model, Db01, "proc");
        Assert.Equal((8L, 8L, 8L, 500L), (read.Number("VirtualQuantity"), read.Number("Reservation"), read.Number("Limit"), read.Number("Weight")));
    }

    /// <summary>8.2.4.1: values sent back as they were read are no request, so allocations returned unchanged ask nothing of the hypervisor.</summary>
    [Fact]
    public async Task Allocations_sent_back_as_read_change_nothing_and_succeed()
    {
        await using var model = await ServedModel.SeededAsync();
        var before = await model.SystemAsync("db01");
        var all = await model.AssociatorsAsync(ServedModel.DefinedPath("db01"), "CIM_VirtualSystemSettingDataComponent", "CIM_ResourceAllocationSettingData");
        model.Refusing.ChangeFailure = new HypervisorException(HypervisorError.Failed, "no change was expected");

        var result = await ModifyAsync(model, [.. all.Where(r => r.Number("ResourceType") != 5)]);

        Assert.Equal(0u, result.Code());
        Assert.Equal(before, await model.SystemAsync("db01"));
    }

    [Fact]
    public async Task A_disk_grows_but_does_not_shrink()
    {
        await using var model = await ServedModel.SeededAsync();

        var grown = await ModifyAsync(model, (await GetAsync(model, Db01, "vdb/image")).Set("VirtualQuantity", U64(150L << 30)));
        Assert.Equal(0u, grown.Code());
        Assert.Equal(150L << 30, (await model.SystemAsync("db01")).Definition.Disks.Single(d => d.Device == "vdb").CapacityBytes);

        await AssertRefusedAsync(model, 4, (await GetAsync(model, Db01, "vdb/image")).Set("VirtualQuantity", U64(1L << 30)));
    }

    [Fact]
    public async Task A_drive_takes_another_image_and_a_CD_another_disc()
    {
        await using var model = await ServedModel.SeededAsync();
        var image = (await GetAsync(model, Db01, "vda/image")).Set("HostResource", CimValue.StringArray("/srv/db01-root.qcow2"));
        var disc = (await GetAsync(model, Db01, "hdc/image")).Set("HostResource", CimValue.StringArray("/srv/rescue.iso"));

        Assert.Equal(0u, (await ModifyAsync(model, image, disc)).Code());

        Assert.Equal(["/srv/db01-root.qcow2", "/var/lib/wsmansvp/images/db01-vdb.qcow2", "/srv/rescue.iso"],
            (await model.SystemAsync("db01")).Definition.Disks.Select(d => d.Path));
    }

    [Fact]
    public async Task An_adapter_changes_its_model_and_its_connection_its_network()
    {
        await using var model = await ServedModel.SeededAsync();
        var adapter = (await model.SystemAsync("db01")).Definition.NetworkAdapters[0];
        var changed = (await GetAsync(model, Db01, adapter.MacAddress)).Set("ResourceSubType", Text("e1000"));
        var second = (await model.SystemAsync("db01")).Definition.NetworkAdapters[1];
        var moved = (await GetAsync(model, Db01, second.MacAddress + "/connection")).Set("Connection", CimValue.StringArray("default"));

        var result = await ModifyAsync(model, changed, moved);

        Assert.Equal(0u, result.Code());
        Assert.Equal([adapter with { Model = "e1000" }, second with { Network = "default" }],
            (await model.SystemAsync("db01")).Definition.NetworkAdapters);
        Assert.Equal([ServedModel.SettingPath(Db01, adapter.MacAddress), ServedModel.SettingPath(Db01, second.MacAddress + "/connection")],
            result.OutReferences("ResultingResourceSettings"));
    }

    /// <summary>The address is the adapter's identity (its allocation's InstanceID): it does not change.</summary>
    [Fact]
    public async Task An_adapter_keeps_its_address_4()
    {
        await using var model = await ServedModel.SeededAsync();
        var before = await model.SystemAsync("db01");
        var adapter = before.Definition.NetworkAdapters[0];
        var changed = (await GetAsync(model, Db01, adapter.MacAddress)).Set("Address", Text("52:54:00:12:34:56"));

        Assert.Equal(4u, (await ModifyAsync(model, changed)).Code());

        Assert.Equal(before, await model.SystemAsync("db01"));
    }

    /// <summary>8.2.4.1: elements whose InstanceID names no allocation are ignored.</summary>
    [Fact]
    public async Task Allocations_that_do_not_exist_are_ignored()
    {
        await using var model = await ServedModel.SeededAsync();
        var gone = (await GetAsync(model, Db01, "mem")).Set("InstanceID", Text($"WsManSvp:{Db01:D}/nothing")).Set("VirtualQuantity", U64(4096));
        var noSystem = (await GetAsync(model, Db01, "mem")).Set("InstanceID", Text($"WsManSvp:{Guid.NewGuid():D}/mem")).Set("VirtualQuantity", U64(4096));
        var foreign = (await GetAsync(model, Db01, "mem")).Set("InstanceID", Text("Microsoft:Definition\\mem")).Set("VirtualQuantity", U64(4096));
        var real = (await GetAsync(model, Db01, "proc")).Set("VirtualQuantity", U64(2));

        var result = await ModifyAsync(model, gone, foreign, real);
        Assert.Equal(0u, result.Code());
        Assert.Equal([ServedModel.SettingPath(Db01, "proc")], result.OutReferences("ResultingResourceSettings"));
        Assert.Equal((2, 8192L), ((await model.SystemAsync("db01")).Definition.VirtualCpus, (await model.SystemAsync("db01")).Definition.MemoryMiB));

        var none = await ModifyAsync(model, noSystem);
        Assert.Equal(0u, none.Code());
        Assert.Empty(none.OutReferences("ResultingResourceSettings"));
    }

    [Fact]
    public async Task An_allocation_of_the_State_configuration_returns_5()
    {
        await using var model = await ServedModel.SeededAsync();

        await AssertRefusedAsync(model, 5, (await GetAsync(model, Web01, "mem", ":State")).Set("VirtualQuantity", U64(4096)));
    }

    [Fact]
    public async Task An_allocation_of_a_snapshot_returns_4()
    {
        await using var model = await ServedModel.SeededAsync();
        var snapshot = await ModelScenarios.SnapshotAsync(model, "web01", 2);
        var memory = (await GetAsync(model, Web01, "mem", ":Snapshot:" + snapshot)).Set("VirtualQuantity", U64(4096));

        await AssertRefusedAsync(model, 4, memory);
        Assert.Equal(2048, (await GetAsync(model, Web01, "mem", ":Snapshot:" + snapshot)).Number("VirtualQuantity"));
    }

    [Fact]
    public async Task Allocations_of_two_systems_at_once_return_6()
    {
        await using var model = await ServedModel.SeededAsync();

        await AssertRefusedAsync(model, 6,
            (await GetAsync(model, Db01, "mem")).Set("VirtualQuantity", U64(4096)),
            (await GetAsync(model, Web01, "mem")).Set("VirtualQuantity", U64(4096)));
    }

    public static TheoryData<string, string, string, CimValue> Unchangeable => new()
    {
        { "a resource type", "mem", "ResourceType", U16(3) },
        { "a name", "mem", "ElementName", Text("More memory") },
        { "the pool of memory", "mem", "PoolID", Text("WsManSvp:Pool/Memory/other") },
        { "a drive's bus", "vdb", "ResourceSubType", Text("scsi") },
        { "a drive's quantity", "vdb", "VirtualQuantity", U64(5) },
        { "an image's pool", "vdb/image", "PoolID", Text("WsManSvp:Pool/Storage/other") },
        { "a weight of memory", "mem", "Weight", U32(200) },
        { "an empty image path", "vdb/image", "HostResource", CimValue.Array(CimType.String) },
        { "memory in a unit of no memory", "mem", "AllocationUnits", Text("count") },
    };

    [Theory]
    [MemberData(nameof(Unchangeable))]
    public async Task A_change_this_kind_of_allocation_does_not_take_returns_4_and_nothing_changes(string _, string key, string property, CimValue value)
    {
        await using var model = await ServedModel.SeededAsync();
        var processor = (await GetAsync(model, Db01, "proc")).Set("VirtualQuantity", U64(6));

        await AssertRefusedAsync(model, 4, processor, (await GetAsync(model, Db01, key)).Set(property, value));
    }

    [Fact]
    public async Task No_allocations_return_4()
    {
        await using var model = await ServedModel.SeededAsync();

        Assert.Equal(4u, (await model.ManageAsync("ModifyResourceSettings")).Code());
        Assert.Equal(4u, (await ModifyAsync(model)).Code());
    }

    [Fact]
    public async Task A_hypervisor_that_fails_to_change_the_definition_returns_2()
    {
        await using var model = await ServedModel.SeededAsync();
        var memory = (await GetAsync(model, Db01, "mem")).Set("VirtualQuantity", U64(4096));
        model.Refusing.ChangeFailure = new HypervisorException(HypervisorError.Failed, "write failed");

        await AssertRefusedAsync(model, 2, memory);
    }

    [Fact]
    public async Task A_running_system_keeps_running_what_it_ran_and_its_definition_changes()
    {
        await using var model = await ServedModel.SeededAsync();

        Assert.Equal(0u, (await ModifyAsync(model, (await GetAsync(model, Web01, "mem")).Set("VirtualQuantity", U64(4096)))).Code());

        Assert.Equal(4096, (await GetAsync(model, Web01, "mem")).Number("VirtualQuantity"));
        Assert.Equal(2048, (await GetAsync(model, Web01, "mem", ":State")).Number("VirtualQuantity"));
    }
}
