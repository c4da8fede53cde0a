using System.Numerics;
using WsManSvp.Cim.Model;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Management;
using static WsManSvp.Virtualization.Tests.Inputs;

namespace WsManSvp.Virtualization.Tests.Management;

/// <summary>
/// The units requests state quantities in (AllocationUnits, VirtualQuantityUnits): DSP0004 programmatic units,
/// the names older clients use, and NULL for the pool's own; whatever a request used, allocations read back in
/// the pool's unit.
/// </summary>
public sealed class AllocationUnitsTests
{
    [Theory]
    [InlineData("byte", ResourceKind.Memory, "1")]
    [InlineData("bytes", ResourceKind.Storage, "1")]
    [InlineData("Bytes", ResourceKind.Memory, "1")]
    [InlineData("KiloBytes", ResourceKind.Memory, "1024")]
    [InlineData("MegaBytes", ResourceKind.Storage, "1048576")]
    [InlineData("GigaBytes", ResourceKind.Memory, "1073741824")]
    [InlineData("TeraBytes", ResourceKind.Storage, "1099511627776")]
    [InlineData("byte*2^10", ResourceKind.Memory, "1024")]
    [InlineData("byte * 2^20", ResourceKind.Memory, "1048576")]
    [InlineData(" byte*2^30 ", ResourceKind.Storage, "1073741824")]
    [InlineData("byte*10^3", ResourceKind.Storage, "1000")]
    [InlineData("byte*10^9", ResourceKind.Storage, "1000000000")]
    [InlineData("count", ResourceKind.Processor, "1")]
    [InlineData("Count", ResourceKind.Network, "1")]
    [InlineData(null, ResourceKind.Storage, "1")]
    [InlineData(null, ResourceKind.Processor, "1")]
    public void A_unit_is_a_multiple_of_the_pools_base_unit(string? units, ResourceKind kind, string multiplier)
    {
        Assert.True(AllocationUnits.TryParse(units, kind, out var parsed));

        Assert.Equal(BigInteger.Parse(multiplier), parsed);
    }

    /// <summary>NULL means the pool's own unit, and the memory pool counts MiB (its AllocationUnits is byte*2^20).</summary>
    [Fact]
    public void No_unit_for_memory_is_the_memory_pools_unit_MiB()
    {
        Assert.True(AllocationUnits.TryParse(null, ResourceKind.Memory, out var parsed));

        Assert.Equal(BigInteger.One << 20, parsed);
    }

    [Theory]
    [InlineData("furlongs", ResourceKind.Memory)]
    [InlineData("byte*2^", ResourceKind.Memory)]
    [InlineData("byte*3^2", ResourceKind.Memory)]
    [InlineData("byte*2^70", ResourceKind.Storage)]
    [InlineData("byte*2^-1", ResourceKind.Storage)]
    [InlineData("byte^2", ResourceKind.Storage)]
    [InlineData("count", ResourceKind.Memory)]
    [InlineData("byte", ResourceKind.Processor)]
    [InlineData("MegaBytes", ResourceKind.Network)]
    public void Anything_else_is_no_unit_of_the_kind(string units, ResourceKind kind) =>
        Assert.False(AllocationUnits.TryParse(units, kind, out _));

    public static TheoryData<string?, ulong> FourGibibytes => new()
    {
        { "Bytes", 4UL << 30 },
        { "KiloBytes", 4UL << 20 },
        { "MegaBytes", 4096 },
        { "GigaBytes", 4 },
        { "byte", 4UL << 30 },
        { "byte*2^10", 4UL << 20 },
        { "byte*2^20", 4096 },
        { "byte*2^30", 4 },
        { null, 4096 },
    };

    [Theory]
    [MemberData(nameof(FourGibibytes))]
    public async Task Memory_defined_in_any_unit_reads_back_as_the_same_quantity_in_MiB(string? units, ulong quantity)
    {
        await using var model = await ServedModel.SeededAsync();

        var result = await model.ManageAsync("DefineSystem", ("SystemSettings", Instance(SystemSettings("units"))),
            ("ResourceSettings", Instances(Memory(quantity, units))));

        Assert.Equal(0u, result.Code());
        var id = Guid.Parse(result.OutParameters["ResultingSystem"].AsReference().StringKey("Name")!);
        Assert.Equal(4096, (await model.SystemAsync(id))!.Definition.MemoryMiB);
        var memory = (await model.GetAsync(ServedModel.SettingPath(id, "mem")))!;
        Assert.Equal((4096L, "byte*2^20", "byte*2^20"), (memory.Number("VirtualQuantity"), memory.Text("AllocationUnits"), memory.Text("VirtualQuantityUnits")));
    }

    [Fact]
    public async Task VirtualQuantityUnits_governs_VirtualQuantity_and_AllocationUnits_the_rest()
    {
        await using var model = await ServedModel.SeededAsync();
        var memory = Of(Rasd, ("ResourceType", U16(4)), ("VirtualQuantity", U64(2)), ("VirtualQuantityUnits", Text("GigaBytes")),
            ("AllocationUnits", Text("byte*2^20")), ("Reservation", U64(2048)), ("Limit", U64(2048)));

        var result = await model.ManageAsync("DefineSystem", ("SystemSettings", Instance(SystemSettings("split"))), ("ResourceSettings", Instances(memory)));

        Assert.Equal(0u, result.Code());
        Assert.Equal(2048, (await model.SystemAsync(Guid.Parse(result.OutParameters["ResultingSystem"].AsReference().StringKey("Name")!)))!.Definition.MemoryMiB);
    }

    [Theory]
    [InlineData(1025UL, "KiloBytes")]
    [InlineData(1UL, "byte*10^6")]
    [InlineData(3UL, "furlongs")]
    public async Task Memory_that_is_no_whole_number_of_MiB_or_in_no_unit_returns_4(ulong quantity, string units)
    {
        await using var model = await ServedModel.SeededAsync();
        var before = await model.AllSystemsAsync();

        var result = await model.ManageAsync("DefineSystem", ("SystemSettings", Instance(SystemSettings("odd"))),
            ("ResourceSettings", Instances(Memory(quantity, units))));

        Assert.Equal(4u, result.Code());
        Assert.Equal(before, await model.AllSystemsAsync());
    }

    [Fact]
    public async Task A_disk_grown_in_GigaBytes_reads_back_in_bytes()
    {
        await using var model = await ServedModel.SeededAsync();
        var image = (await model.GetAsync(ServedModel.SettingPath(Model.SeededId("db01"), "vda/image")))!
            .Set("VirtualQuantity", U64(30)).Set("AllocationUnits", Text("GigaBytes")).Set("VirtualQuantityUnits", CimValue.Null(CimType.String));

        Assert.Equal(0u, (await model.ManageAsync("ModifyResourceSettings", ("ResourceSettings", Instances(image)))).Code());

        var read = (await model.GetAsync(ServedModel.SettingPath(Model.SeededId("db01"), "vda/image")))!;
        Assert.Equal((30L << 30, "byte"), (read.Number("VirtualQuantity"), read.Text("AllocationUnits")));
    }
}
