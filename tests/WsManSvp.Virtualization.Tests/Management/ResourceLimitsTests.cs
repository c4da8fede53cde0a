using WsManSvp.Cim.Model;
using static WsManSvp.Virtualization.Tests.Inputs;

namespace WsManSvp.Virtualization.Tests.Management;

/// <summary>
/// Requests are held to the limits the pools' capability settings state (DSP1043: Minimum, Maximum and
/// Increment settings linked by CIM_SettingsDefineCapabilities): VirtualQuantity within them, Reservation at
/// most and Limit at least the quantity (allocations are static), Limit at most the maximum, Weight for processors only.
/// </summary>
public sealed class ResourceLimitsTests
{
    private static async Task<CimInstance> CapabilityAsync(ServedModel model, string kind, string role) =>
        (await model.GetAsync(ServedModel.InstancePath(kind == "Storage" ? Sasd : Rasd, $"WsManSvp:AllocationCapabilities/{kind}/{(kind == "Storage" ? "default" : "host")}/{role}")))!;

    /// <summary>Modifies db01's processor or memory allocation as <paramref name="change"/> says; on refusal asserts nothing changed.</summary>
    private static async Task<uint> ModifyAsync(ServedModel model, string key, Action<CimInstance> change)
    {
        var before = await model.AllSystemsAsync();
        var setting = (await model.GetAsync(ServedModel.SettingPath(Model.SeededId("db01"), key)))!;
        change(setting);

        var code = (await model.ManageAsync("ModifyResourceSettings", ("ResourceSettings", Instances(setting)))).Code();

        if (code != 0) Assert.Equal(before, await model.AllSystemsAsync());
        return code;
    }

    [Fact]
    public async Task Processors_range_from_the_minimum_to_the_maximum_setting()
    {
        await using var model = await ServedModel.SeededAsync();
        var minimum = (ulong)(await CapabilityAsync(model, "Processor", "Minimum")).Number("VirtualQuantity");
        var maximum = (ulong)(await CapabilityAsync(model, "Processor", "Maximum")).Number("VirtualQuantity");
        Assert.Equal((1UL, 16UL), (minimum, maximum));

        Assert.Equal(4u, await ModifyAsync(model, "proc", p => p.Set("VirtualQuantity", U64(maximum + 1))));
        Assert.Equal(4u, await ModifyAsync(model, "proc", p => p.Set("VirtualQuantity", U64(minimum - 1))));
        Assert.Equal(0u, await ModifyAsync(model, "proc", p => p.Set("VirtualQuantity", U64(maximum))));
        Assert.Equal((int)maximum, (await model.SystemAsync("db01")).Definition.VirtualCpus);
        Assert.Equal(0u, await ModifyAsync(model, "proc", p => p.Set("VirtualQuantity", U64(minimum))));
        Assert.Equal((int)minimum, (await model.SystemAsync("db01")).Definition.VirtualCpus);
    }

    [Fact]
    public async Task Memory_ranges_from_the_minimum_to_the_maximum_setting()
    {
        await using var model = await ServedModel.SeededAsync();
        var minimum = (ulong)(await CapabilityAsync(model, "Memory", "Minimum")).Number("VirtualQuantity");
        var maximum = (ulong)(await CapabilityAsync(model, "Memory", "Maximum")).Number("VirtualQuantity");
        Assert.Equal((32UL, 65536UL), (minimum, maximum));

        Assert.Equal(4u, await ModifyAsync(model, "mem", m => m.Set("VirtualQuantity", U64(maximum + 1))));
        Assert.Equal(4u, await ModifyAsync(model, "mem", m => m.Set("VirtualQuantity", U64(minimum - 1))));
        Assert.Equal(0u, await ModifyAsync(model, "mem", m => m.Set("VirtualQuantity", U64(maximum))));
        Assert.Equal(0u, await ModifyAsync(model, "mem", m => m.Set("VirtualQuantity", U64(minimum))));
        Assert.Equal((long)minimum, (await model.SystemAsync("db01")).Definition.MemoryMiB);
    }

    [Theory]
    [InlineData("proc")]
    [InlineData("mem")]
    public async Task Reservation_and_Limit_equal_the_quantity_as_every_capability_setting_says(string key)
    {
        await using var model = await ServedModel.SeededAsync();
        var kind = key == "proc" ? "Processor" : "Memory";
        foreach (var role in (string[])["Minimum", "Maximum", "Increment", "Default"])
        {
            var setting = await CapabilityAsync(model, kind, role);
            Assert.Equal(setting.Number("VirtualQuantity"), setting.Number("Reservation"));
            Assert.Equal(setting.Number("VirtualQuantity"), setting.Number("Limit"));
        }
        var quantity = (ulong)(await model.GetAsync(ServedModel.SettingPath(Model.SeededId("db01"), key)))!.Number("VirtualQuantity");
        var before = await model.AllSystemsAsync();

        Assert.Equal(4u, await ModifyAsync(model, key, r => r.Set("Reservation", U64(quantity - 1))));
        Assert.Equal(4u, await ModifyAsync(model, key, r => r.Set("Limit", U64(quantity + 1))));
        Assert.Equal(4u, await ModifyAsync(model, key, r => r.Set("VirtualQuantity", U64(quantity * 2)).Set("Reservation", U64(0))));
        Assert.Equal(before, await model.AllSystemsAsync());
        // Changing the quantity alone leaves Reservation and Limit as they were read: no request, they follow it.
        Assert.Equal(0u, await ModifyAsync(model, key, r => r.Set("VirtualQuantity", U64(quantity * 2))));
        Assert.Equal(0u, await ModifyAsync(model, key, r => r.Set("VirtualQuantity", U64(quantity * 3)).Set("Reservation", U64(quantity * 3)).Set("Limit", U64(quantity * 3))));
        var now = (await model.GetAsync(ServedModel.SettingPath(Model.SeededId("db01"), key)))!;
        Assert.Equal((long)quantity * 3, now.Number("Reservation"));
        Assert.Equal((long)quantity * 3, now.Number("Limit"));
    }

    [Fact]
    public async Task A_processor_Weight_ranges_from_the_minimum_to_the_maximum_setting()
    {
        await using var model = await ServedModel.SeededAsync();
        var minimum = (uint)(await CapabilityAsync(model, "Processor", "Minimum")).Number("Weight");
        var maximum = (uint)(await CapabilityAsync(model, "Processor", "Maximum")).Number("Weight");
        Assert.Equal((1u, 10000u, 100L), (minimum, maximum, (await CapabilityAsync(model, "Processor", "Default")).Number("Weight")));

        Assert.Equal(4u, await ModifyAsync(model, "proc", p => p.Set("Weight", U32(minimum - 1))));
        Assert.Equal(4u, await ModifyAsync(model, "proc", p => p.Set("Weight", U32(maximum + 1))));
        Assert.Equal(0u, await ModifyAsync(model, "proc", p => p.Set("Weight", U32(maximum))));
        Assert.Equal(10000L, (await model.GetAsync(ServedModel.SettingPath(Model.SeededId("db01"), "proc")))!.Number("Weight"));
        Assert.Equal(0u, await ModifyAsync(model, "proc", p => p.Set("Weight", U32(minimum))));
        Assert.Equal(1, (await model.SystemAsync("db01")).Definition.ProcessorWeight);
    }

    [Fact]
    public async Task Memory_takes_no_Weight()
    {
        await using var model = await ServedModel.SeededAsync();
        var before = await model.AllSystemsAsync();

        var result = await model.ManageAsync("DefineSystem", ("SystemSettings", Instance(SystemSettings("weighty"))),
            ("ResourceSettings", Instances(Memory(1024).Set("Weight", U32(100)))));

        Assert.Equal(4u, result.Code());
        Assert.Equal(before, await model.AllSystemsAsync());
    }

    [Fact]
    public async Task A_disk_ranges_from_the_minimum_to_the_maximum_setting_of_its_pool()
    {
        await using var model = await ServedModel.SeededAsync();
        var minimum = (ulong)(await CapabilityAsync(model, "Storage", "Minimum")).Number("VirtualQuantity");
        var maximum = (ulong)(await CapabilityAsync(model, "Storage", "Maximum")).Number("VirtualQuantity");
        var before = await model.AllSystemsAsync();

        async Task<uint> AddAsync(ulong bytes) => (await model.ManageAsync("AddResourceSettings",
            ("AffectedConfiguration", Reference(ServedModel.DefinedPath("db01"))),
            ("ResourceSettings", Instances(Disk(0).Set("VirtualQuantity", U64(bytes)).Set("AllocationUnits", Text("byte")))))).Code();

        Assert.Equal(4u, await AddAsync(maximum + (1 << 20)));
        Assert.Equal(4u, await AddAsync(minimum - 1));
        Assert.Equal(4u, await AddAsync(minimum + 1)); // not a whole step of the increment
        Assert.Equal(before, await model.AllSystemsAsync());
        Assert.Equal(0u, await AddAsync(minimum));
        Assert.Equal((long)minimum, (await model.SystemAsync("db01")).Definition.Disks.Single(d => d.Device == "vdc").CapacityBytes);
    }
}
