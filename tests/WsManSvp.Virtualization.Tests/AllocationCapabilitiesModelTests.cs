using WsManSvp.Cim.Model;
using WsManSvp.Hypervisor;
using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Tests;

/// <summary>Each pool's allocation capabilities and the four settings giving its limits (DSP1043, docs/MODEL.md: Pools).</summary>
public sealed class AllocationCapabilitiesModelTests
{
    public static TheoryData<ResourceKind, string, int, int> Pools => new()
    {
        // kind, name, ResourceType, SharingMode (3 shared, 2 dedicated)
        { ResourceKind.Processor, "host", 3, 3 },
        { ResourceKind.Memory, "host", 4, 2 },
        { ResourceKind.Storage, "default", 31, 2 },
        { ResourceKind.Network, "default", 33, 3 },
        { ResourceKind.Network, "storage-net", 33, 3 },
    };

    public static TheoryData<ResourceKind, string, int, string, string> LimitSettings => new()
    {
        // kind, name, ResourceType, the settings' class, units
        { ResourceKind.Processor, "host", 3, "CIM_ResourceAllocationSettingData", "count" },
        { ResourceKind.Memory, "host", 4, "CIM_ResourceAllocationSettingData", "byte*2^20" },
        { ResourceKind.Storage, "default", 31, "CIM_StorageAllocationSettingData", "byte" },
        { ResourceKind.Network, "default", 33, "CIM_EthernetPortAllocationSettingData", "count" },
        { ResourceKind.Network, "storage-net", 33, "CIM_EthernetPortAllocationSettingData", "count" },
    };

    private static CimObjectPath PoolPath(ResourceKind kind, string name) => ServedModel.InstancePath("CIM_ResourcePool", $"WsManSvp:Pool/{kind}/{name}");

    private static CimObjectPath CapabilitiesPath(ResourceKind kind, string name) =>
        ServedModel.InstancePath("CIM_AllocationCapabilities", $"WsManSvp:AllocationCapabilities/{kind}/{name}");

    [Theory]
    [MemberData(nameof(Pools))]
    public async Task Each_pool_has_its_allocation_capabilities_as_Current(ResourceKind kind, string name, int resourceType, int sharingMode)
    {
        await using var model = await ServedModel.SeededAsync();

        var link = Assert.Single(await model.ReferencesAsync(PoolPath(kind, name), "CIM_ElementCapabilities"));
        var capabilities = (await model.GetAsync(link.Ref("Capabilities")))!;

        Assert.Equal(CapabilitiesPath(kind, name), capabilities.GetPath());
        Assert.Equal([3], link.Numbers("Characteristics"));
        Assert.Equal(resourceType, capabilities.Number("ResourceType"));
        Assert.Equal(sharingMode, capabilities.Number("SharingMode"));
        Assert.Equal(3, capabilities.Number("RequestTypesSupported"));
    }

    [Fact]
    public async Task The_host_has_the_allocation_capabilities_of_each_kinds_default_pool_as_Default()
    {
        await using var model = await ServedModel.SeededAsync();

        var links = (await model.ReferencesAsync(ServedModel.HostPath, "CIM_ElementCapabilities"))
            .Where(l => l.Ref("Capabilities").ClassName == "CIM_AllocationCapabilities").ToList();

        Assert.Equal(
            ["Memory/host", "Network/default", "Processor/host", "Storage/default"],
            links.Select(l => l.Ref("Capabilities").StringKey("InstanceID")!["WsManSvp:AllocationCapabilities/".Length..]).Order(StringComparer.Ordinal));
        Assert.All(links, l => Assert.Equal([2], l.Numbers("Characteristics")));
    }

    [Theory]
    [MemberData(nameof(LimitSettings))]
    public async Task The_capabilities_define_minimum_maximum_increment_and_default_with_the_allocation_limits(ResourceKind kind, string name,
        int resourceType, string settingClass, string units)
    {
        await using var model = await ServedModel.SeededAsync();
        var pool = await model.PoolAsync(kind, name);

        var links = await model.ReferencesAsync(CapabilitiesPath(kind, name), "CIM_SettingsDefineCapabilities");

        Assert.Equal(4, links.Count);
        foreach (var (role, valueRole, valueRange) in new[]
                 {
                     (CapabilityRole.Minimum, 3, 1), (CapabilityRole.Maximum, 3, 2), (CapabilityRole.Increment, 3, 3), (CapabilityRole.Default, 0, 0),
                 })
        {
            var id = $"WsManSvp:AllocationCapabilities/{kind}/{name}/{role}";
            var link = Assert.Single(links, l => l.Ref("PartComponent").StringKey("InstanceID") == id);
            Assert.Equal((valueRole, valueRange, 0), (link.Number("ValueRole"), link.Number("ValueRange"), link.Number("PropertyPolicy")));
            var setting = (await model.GetAsync(link.Ref("PartComponent")))!;
            Assert.Equal(settingClass, setting.Class.Name);
            Assert.Equal(resourceType, setting.Number("ResourceType"));
            Assert.Equal($"WsManSvp:Pool/{kind}/{name}", setting.Text("PoolID"));
            Assert.Equal(AllocationLimits.Of(pool, role), setting.Number("VirtualQuantity"));
            Assert.Equal(units, setting.Text("VirtualQuantityUnits"));
            Assert.Equal(units, setting.Text("AllocationUnits"));
        }
    }

    [Fact]
    public async Task The_served_limits_are_one_processor_to_all_32_MiB_to_all_memory_a_MiB_of_disk_to_all_of_it_and_one_port()
    {
        await using var model = await ServedModel.SeededAsync();

        async Task<long[]> Limits(ResourceKind kind, string name, string settingClass)
        {
            var limits = new List<long>();
            foreach (var role in Enum.GetValues<CapabilityRole>())
                limits.Add((await model.GetAsync(ServedModel.InstancePath(settingClass, $"WsManSvp:AllocationCapabilities/{kind}/{name}/{role}")))!
                    .Number("VirtualQuantity"));
            return limits.ToArray();
        }

        var processor = await Limits(ResourceKind.Processor, "host", "CIM_ResourceAllocationSettingData");
        var memory = await Limits(ResourceKind.Memory, "host", "CIM_ResourceAllocationSettingData");
        var storage = await Limits(ResourceKind.Storage, "default", "CIM_StorageAllocationSettingData");
        var network = await Limits(ResourceKind.Network, "default", "CIM_EthernetPortAllocationSettingData");

        // Minimum, Maximum, Increment, Default
        Assert.Equal([1, 16, 1, 1], processor);
        Assert.Equal([32, 65536, 1, 1024], memory);
        Assert.Equal([1L << 20, 4L << 40, 1L << 20, 20L << 30], storage);
        Assert.Equal([1, 1, 1, 1], network);
    }
}
