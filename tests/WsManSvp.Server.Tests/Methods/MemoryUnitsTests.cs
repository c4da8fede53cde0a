using WsManSvp.Server.Tests.Infrastructure;
using WsManSvp.Server.Tests.UseCases;
using static WsManSvp.Server.Tests.Infrastructure.AllocationRequests;

namespace WsManSvp.Server.Tests.Methods;

/// <summary>
/// Memory requested in the units libvirt-cim's clients write (cimtest: Bytes, KiloBytes, MegaBytes,
/// GigaBytes, in MOF) and in DSP0004's programmatic unit: the same 2 GiB reads back, as byte*2^20.
/// </summary>
public abstract class MemoryUnitsTests(ServerFixture server)
{
    [Theory]
    [InlineData("Bytes", 2147483648UL)]
    [InlineData("KiloBytes", 2097152UL)]
    [InlineData("MegaBytes", 2048UL)]
    [InlineData("GigaBytes", 2UL)]
    [InlineData("byte*2^20", 2048UL)]
    [InlineData("byte*2^30", 2UL)]
    public async Task Memory_defined_in_any_unit_reads_back_as_the_same_quantity_in_MiB(string units, ulong quantity)
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);

        var defined = await cim.InvokeMethodAsync(service, new MethodCall("DefineSystem")
            .Embedded("SystemSettings", SystemSettings("memory-in-" + units.Replace('*', '-').Replace('^', '-')), EmbeddedForm.Mof)
            .Embedded("ResourceSettings", Memory(quantity, units), EmbeddedForm.Mof));

        Assert.Equal(0u, defined.ReturnValue);
        var memory = (await MethodSteps.DefinedAllocationsAsync(cim, defined.Reference("ResultingSystem")!)).Single(4);
        Assert.Equal(2048UL, memory.Quantity());
        Assert.Equal("byte*2^20", memory.Prop("AllocationUnits"));
        Assert.Equal("byte*2^20", memory.Prop("VirtualQuantityUnits"));
    }

    [Fact]
    public async Task Memory_without_units_is_in_the_pools_units_MiB()
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);

        // DSP1043: an allocation's quantity is in its pool's AllocationUnits, byte*2^20 for the host's memory.
        var defined = await cim.InvokeMethodAsync(service, new MethodCall("DefineSystem")
            .Embedded("SystemSettings", SystemSettings("memory-without-units"))
            .Embedded("ResourceSettings", new EmbeddedInstance(Rasd, ("ResourceType", (ushort)4), ("VirtualQuantity", 2048UL))));

        Assert.Equal(0u, defined.ReturnValue);
        Assert.Equal(2048UL, (await MethodSteps.DefinedAllocationsAsync(cim, defined.Reference("ResultingSystem")!)).Single(4).Quantity());
    }

    [Theory]
    [InlineData("KiloBytes", 1000UL)]
    [InlineData("Bytes", 1UL)]
    [InlineData("furlongs", 2UL)]
    public async Task Memory_that_is_not_a_whole_number_of_MiB_or_in_no_unit_of_bytes_fails_4(string units, ulong quantity)
    {
        using var cim = new CimClient(server.Client());
        var service = await MethodSteps.ManagementServiceAsync(cim);
        var host = await UseCaseSteps.HostSystemAsync(cim);
        var before = (await UseCaseSteps.LocateVirtualSystemsAsync(cim, host)).Count;

        var defined = await cim.InvokeMethodAsync(service, new MethodCall("DefineSystem")
            .Embedded("SystemSettings", SystemSettings("odd-memory-" + units), EmbeddedForm.Mof)
            .Embedded("ResourceSettings", Memory(quantity, units), EmbeddedForm.Mof));

        Assert.Equal(4u, defined.ReturnValue);
        Assert.Null(defined.Reference("ResultingSystem"));
        Assert.Equal(before, (await UseCaseSteps.LocateVirtualSystemsAsync(cim, host)).Count);
    }
}

public sealed class MemoryUnitsOnSimulatorTests(ServerFixture server) : MemoryUnitsTests(server), IClassFixture<ServerFixture>;

public sealed class MemoryUnitsOnLibvirtTests(LibvirtServerFixture server) : MemoryUnitsTests(server), IClassFixture<LibvirtServerFixture>;
