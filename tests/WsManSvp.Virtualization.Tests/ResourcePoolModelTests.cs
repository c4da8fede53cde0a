using WsManSvp.Cim.Model;
using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Tests;

/// <summary>The primordial pools: one per kind and name, Capacity from the host, Reserved from what the systems hold now.</summary>
public sealed class ResourcePoolModelTests
{
    /// <summary>db01's CD image, /var/lib/wsmansvp/iso/install.iso, comes from the default storage pool too.</summary>
    private const long InstallIso = 700L << 20;

    private static readonly string[] PoolIds =
    [
        "WsManSvp:Pool/Processor/host", "WsManSvp:Pool/Memory/host", "WsManSvp:Pool/Storage/default",
        "WsManSvp:Pool/Network/default", "WsManSvp:Pool/Network/storage-net",
    ];

    private static async Task<Dictionary<string, CimInstance>> PoolsAsync(ServedModel model) =>
        (await model.InstancesAsync("CIM_ResourcePool")).ToDictionary(p => p.Id());

    [Fact]
    public async Task There_is_a_pool_per_kind_and_name_with_its_type_units_and_capacity()
    {
        await using var model = await ServedModel.SeededAsync();

        var pools = await model.InstancesAsync("CIM_ResourcePool");

        Assert.Equal(PoolIds, pools.Select(p => p.Id()));
        Assert.All(pools, p => Assert.Equal(p.Id(), p.Text("PoolID")));
        Assert.All(pools, p => Assert.True(p["Primordial"].AsBoolean()));
        Assert.Equal([3, 4, 31, 33, 33], pools.Select(p => p.Number("ResourceType")));
        Assert.Equal(["count", "byte*2^20", "byte", "count", "count"], pools.Select(p => p.Text("AllocationUnits")));
        // 16 host processors, 64 GiB in MiB, the simulator's 4 TiB storage pool and 4096 ports per network.
        Assert.Equal([16, 65536, 4L << 40, 4096, 4096], pools.Select(p => p.Number("Capacity")));
    }

    [Fact]
    public async Task Reserved_counts_processors_memory_and_ports_of_active_systems_and_disk_space_of_all()
    {
        await using var model = await ServedModel.SeededAsync();

        var pools = await PoolsAsync(model);

        // web01 (2 CPUs, 2 GiB) runs and build01 (2 CPUs, 4 GiB) is paused; db01 is off and test01 saved.
        Assert.Equal(4, pools["WsManSvp:Pool/Processor/host"].Number("Reserved"));
        Assert.Equal(6144, pools["WsManSvp:Pool/Memory/host"].Number("Reserved"));
        // Disks of every system: web01 20 GiB, db01 20 + 100 GiB and its CD image, build01 40 GiB, test01 20 GiB.
        Assert.Equal((200L << 30) + InstallIso, pools["WsManSvp:Pool/Storage/default"].Number("Reserved"));
        Assert.Equal(2, pools["WsManSvp:Pool/Network/default"].Number("Reserved"));
        Assert.Equal(0, pools["WsManSvp:Pool/Network/storage-net"].Number("Reserved"));
    }

    [Fact]
    public async Task Reserved_follows_the_systems_state()
    {
        await using var model = await ServedModel.SeededAsync();

        await model.ChangeAsync("db01", StateTransition.Start);
        var started = await PoolsAsync(model);
        await model.ChangeAsync("web01", StateTransition.Save);
        var saved = await PoolsAsync(model);

        Assert.Equal([8, 14336, (200L << 30) + InstallIso, 3, 1], PoolIds.Select(id => started[id].Number("Reserved")));
        Assert.Equal([6, 12288, (200L << 30) + InstallIso, 2, 1], PoolIds.Select(id => saved[id].Number("Reserved")));
    }

    [Fact]
    public async Task Extra_systems_reserve_from_the_pools_too()
    {
        await using var model = await ServedModel.SeededAsync(extraSystems: 4);

        var pools = await PoolsAsync(model);

        // load00002 and load00004 run with 1 CPU and 512 MiB each; all four have an 8 GiB disk.
        Assert.Equal([6, 7168, (200L << 30) + InstallIso + (32L << 30), 4, 0], PoolIds.Select(id => pools[id].Number("Reserved")));
    }

    [Fact]
    public async Task The_host_holds_every_pool()
    {
        await using var model = await ServedModel.SeededAsync();

        var pools = await model.AssociatorsAsync(ServedModel.HostPath, "CIM_HostedResourcePool");
        var holder = await model.AssociatorsAsync(ServedModel.InstancePath("CIM_ResourcePool", "WsManSvp:Pool/Network/storage-net"), "CIM_HostedResourcePool");

        Assert.Equal(PoolIds.Order(StringComparer.Ordinal), pools.Select(p => p.Id()).Order(StringComparer.Ordinal));
        Assert.Equal(ServedModel.HostPath, Assert.Single(holder).GetPath());
    }
}
