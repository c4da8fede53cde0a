using WsManSvp.Cim.Model;
using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Tests;

/// <summary>The logical devices: only active systems have them; each realizes a State allocation and draws on a pool.</summary>
public sealed class DeviceModelTests
{
    private static readonly string[] DeviceClasses = ["CIM_Processor", "CIM_Memory", "CIM_LogicalDisk", "CIM_CDROMDrive", "CIM_EthernetPort", "CIM_DisplayController"];

    private static CimObjectPath DevicePath(string system, string className, string deviceId) => Model.Path(className,
        ("SystemCreationClassName", "CIM_ComputerSystem"), ("SystemName", ServedModel.SystemName(system)),
        ("CreationClassName", className), ("DeviceID", deviceId));

    /// <summary>Every device as "system class deviceID", the system by name.</summary>
    private static async Task<List<string>> DevicesAsync(ServedModel model)
    {
        var names = new[] { "web01", "db01", "build01", "test01" }.ToDictionary(ServedModel.SystemName);
        var devices = new List<string>();
        foreach (var cls in DeviceClasses)
            devices.AddRange((await model.InstancesAsync(cls)).Select(d => $"{names[d.Text("SystemName")]} {cls} {d.Text("DeviceID")}"));
        return devices.Order(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> DevicesOf(string system, int cpus, string[] disks, string[] cdroms, string[] macs) =>
        Enumerable.Range(0, cpus).Select(i => $"{system} CIM_Processor cpu{i}")
            .Append($"{system} CIM_Memory mem")
            .Concat(disks.Select(d => $"{system} CIM_LogicalDisk {d}"))
            .Concat(cdroms.Select(d => $"{system} CIM_CDROMDrive {d}"))
            .Concat(macs.Select(m => $"{system} CIM_EthernetPort {m}"));

    private static async Task<string[]> MacsAsync(ServedModel model, string system) =>
        (await model.SystemAsync(system)).Definition.NetworkAdapters.Select(a => a.MacAddress).ToArray();

    [Fact]
    public async Task Only_the_running_and_the_paused_system_have_devices()
    {
        await using var model = await ServedModel.SeededAsync();

        var devices = await DevicesAsync(model);

        Assert.Equal(
            DevicesOf("web01", 2, ["vda"], [], await MacsAsync(model, "web01"))
                .Concat(DevicesOf("build01", 2, ["sda"], [], await MacsAsync(model, "build01"))).Order(StringComparer.Ordinal),
            devices);
    }

    [Fact]
    public async Task Starting_a_system_brings_its_devices_and_saving_one_takes_them_away()
    {
        await using var model = await ServedModel.SeededAsync();

        await model.ChangeAsync("db01", StateTransition.Start);
        await model.ChangeAsync("web01", StateTransition.Save);

        Assert.Equal(
            DevicesOf("db01", 4, ["vda", "vdb"], ["hdc"], await MacsAsync(model, "db01"))
                .Concat(DevicesOf("build01", 2, ["sda"], [], await MacsAsync(model, "build01"))).Order(StringComparer.Ordinal),
            await DevicesAsync(model));
        Assert.Null(await model.GetAsync(DevicePath("web01", "CIM_Processor", "cpu0")));
        Assert.Empty(await model.AssociatorsAsync(ServedModel.VirtualSystemPath("web01"), "CIM_SystemDevice"));
    }

    [Fact]
    public async Task Devices_describe_what_they_realize_and_share_their_systems_state()
    {
        await using var model = await ServedModel.SeededAsync();
        var mac = (await MacsAsync(model, "build01"))[0];

        var memory = (await model.GetAsync(DevicePath("build01", "CIM_Memory", "mem")))!;
        var disk = (await model.GetAsync(DevicePath("build01", "CIM_LogicalDisk", "sda")))!;
        var port = (await model.GetAsync(DevicePath("build01", "CIM_EthernetPort", mac)))!;
        var processor = (await model.GetAsync(DevicePath("build01", "CIM_Processor", "cpu1")))!;

        Assert.Equal((1, 4096L << 20), (memory.Number("BlockSize"), memory.Number("NumberOfBlocks")));
        Assert.Equal("/var/lib/wsmansvp/images/build01-sda.qcow2", disk.Text("Name"));
        Assert.Equal((512, (40L << 30) / 512), (disk.Number("BlockSize"), disk.Number("NumberOfBlocks")));
        Assert.Equal(mac.Replace(":", "").ToUpperInvariant(), port.Text("PermanentAddress"));
        Assert.Equal([mac], port.Texts("NetworkAddresses"));
        // build01 is paused: its devices are quiesced with it.
        Assert.All(new[] { memory, disk, port, processor }, d => Assert.Equal(9, d.Number("EnabledState")));
    }

    [Fact]
    public async Task Db01s_CD_drive_is_a_device_once_it_runs()
    {
        await using var model = await ServedModel.SeededAsync();
        Assert.Null(await model.GetAsync(DevicePath("db01", "CIM_CDROMDrive", "hdc")));

        await model.ChangeAsync("db01", StateTransition.Start);
        var cdrom = (await model.GetAsync(DevicePath("db01", "CIM_CDROMDrive", "hdc")))!;

        Assert.Equal("CD drive hdc", cdrom.Text("ElementName"));
        Assert.Equal(2, cdrom.Number("EnabledState"));
    }

    [Fact]
    public async Task An_active_system_holds_its_devices()
    {
        await using var model = await ServedModel.SeededAsync();

        var devices = await model.AssociatorsAsync(ServedModel.VirtualSystemPath("web01"), "CIM_SystemDevice");
        var owner = await model.AssociatorsAsync(DevicePath("web01", "CIM_Memory", "mem"), "CIM_SystemDevice");

        Assert.Equal(5, devices.Count);
        Assert.All(devices, d => Assert.Equal(ServedModel.SystemName("web01"), d.Text("SystemName")));
        Assert.Equal(ServedModel.VirtualSystemPath("web01"), Assert.Single(owner).GetPath());
    }

    [Theory]
    [InlineData("CIM_Processor", "cpu1", "proc")]
    [InlineData("CIM_Memory", "mem", "mem")]
    [InlineData("CIM_LogicalDisk", "vda", "vda/image")]
    [InlineData("CIM_CDROMDrive", "hdc", "hdc")]
    [InlineData("CIM_EthernetPort", null, "{mac}")]
    public async Task Each_device_realizes_a_State_allocation(string className, string? deviceId, string key)
    {
        await using var model = await ServedModel.SeededAsync();
        await model.ChangeAsync("db01", StateTransition.Start);
        var mac = (await MacsAsync(model, "db01"))[0];

        var settings = await model.AssociatorsAsync(DevicePath("db01", className, deviceId ?? mac), "CIM_SettingsDefineState");

        Assert.Equal(ServedModel.SettingId("db01", key.Replace("{mac}", mac), state: true), Assert.Single(settings).Id());
    }

    [Theory]
    [InlineData("WsManSvp:Pool/Processor/host", "CIM_Processor", 4)]
    [InlineData("WsManSvp:Pool/Memory/host", "CIM_Memory", 2)]
    [InlineData("WsManSvp:Pool/Storage/default", "CIM_LogicalDisk", 2)]
    [InlineData("WsManSvp:Pool/Network/default", "CIM_EthernetPort", 2)]
    public async Task A_pool_lends_to_the_devices_of_active_systems(string pool, string className, int count)
    {
        await using var model = await ServedModel.SeededAsync();

        var devices = await model.AssociatorsAsync(ServedModel.InstancePath("CIM_ResourcePool", pool), "CIM_ElementAllocatedFromPool");

        Assert.Equal(count, devices.Count);
        Assert.All(devices, d => Assert.Equal(className, d.Class.Name));
        Assert.All(devices, d => Assert.Contains(d.Text("SystemName"), new[] { "web01", "build01" }.Select(ServedModel.SystemName)));
    }

    [Fact]
    public async Task A_device_is_found_whatever_the_case_of_its_class_name()
    {
        await using var model = await ServedModel.SeededAsync();
        var path = DevicePath("web01", "CIM_Processor", "cpu0");
        var lower = new Cim.Model.CimObjectPath(path.Namespace, "cim_processor",
            path.Keys.Select(k => k.Name == "CreationClassName" ? new Cim.Model.CimKeyBinding(k.Name, Cim.Model.CimValue.String("cim_processor")) : k).ToArray());

        var systems = await model.AssociatorsAsync(lower, "CIM_SystemDevice");

        Assert.Equal(ServedModel.SystemName("web01"), Assert.Single(systems).Text("Name"));
    }
}
