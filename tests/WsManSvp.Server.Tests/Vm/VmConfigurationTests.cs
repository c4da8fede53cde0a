using System.Globalization;
using System.Xml.Linq;
using WsManSvp.Hypervisor;
using WsManSvp.Server.Tests.Infrastructure;
using WsManSvp.Server.Tests.UseCases;
using Xunit.Abstractions;
using static WsManSvp.Server.Tests.Infrastructure.AllocationRequests;

namespace WsManSvp.Server.Tests.Vm;

/// <summary>
/// Edits of a stopped system's definition (DSP1042 9.3.2.2, 9.3.2.3) go into libvirt's persistent domain and
/// are what the guest runs with at its next start: libvirt's live XML and the service's "State" configuration agree.
/// </summary>
[Collection(VmCollection.Name)]
[Trait("Tier", "vm")]
public sealed class VmConfigurationTests(VmServerFixture server, ITestOutputHelper output)
{
    [Fact]
    public async Task Memory_processors_and_a_second_disk_changed_while_stopped_show_on_the_next_start()
    {
        using var cim = server.Cim();
        var steps = new VmSteps(server, cim, output);
        var name = VmServerFixture.NewSystemName();
        var system = await steps.DefineAsync(name, memoryMiB: 64, processors: 1);

        var allocations = await MethodSteps.DefinedAllocationsAsync(cim, system);
        var modified = await cim.InvokeMethodAsync(VirtualSystemServices.Management, new MethodCall("ModifyResourceSettings")
            .Embedded("ResourceSettings", EmbeddedInstance.From(allocations.Single(4)).With("VirtualQuantity", "48"))
            .Embedded("ResourceSettings", EmbeddedInstance.From(allocations.Single(3)).With("VirtualQuantity", "2")));
        Assert.True(modified.ReturnValue == 0, $"ModifyResourceSettings returned {modified.ReturnValue}:\n{modified}");
        var added = await cim.InvokeMethodAsync(VirtualSystemServices.Management, new MethodCall("AddResourceSettings")
            .Reference("AffectedConfiguration", await MethodSteps.DefinedConfigurationAsync(cim, system))
            .Embedded("ResourceSettings", Disk(32)));
        Assert.True(added.ReturnValue == 0, $"AddResourceSettings returned {added.ReturnValue}:\n{added}");

        await steps.ChangeStateAsync(system, 2, SystemState.Running);

        var live = XElement.Parse(await Virsh.DumpXmlAsync(name));
        Assert.Equal(48 * 1024, long.Parse(live.Element("memory")!.Value, CultureInfo.InvariantCulture)); // KiB
        Assert.Equal("2", live.Element("vcpu")!.Value);
        var disks = live.Element("devices")!.Elements("disk").Where(d => (string?)d.Attribute("device") == "disk").ToList();
        Assert.Equal(2, disks.Count);
        Assert.All(disks, d => Assert.True(File.Exists((string?)d.Element("source")?.Attribute("file")), $"No image for:\n{d}"));

        var state = await MethodSteps.AllocationsAsync(cim, Assert.Single(await MethodSteps.StateConfigurationsAsync(cim, system)));
        Assert.Equal(48UL, state.Single(4).Quantity());
        Assert.Equal(2UL, state.Single(3).Quantity());
        Assert.Equal(2, state.OfResourceType(17).Count);
        Assert.Equal(2, state.OfResourceType(31).Count);

        await steps.ChangeStateAsync(system, 3, SystemState.Off);
        await steps.DestroyAsync(system);
    }
}
