using WsManSvp.Hypervisor.Simulator;

namespace WsManSvp.Hypervisor.Tests;

public sealed class SimulatorSeedTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<SimulatedHypervisor> SeededAsync(int extra)
    {
        var hv = new SimulatedHypervisor(SimulatorSeed.DefaultHost("seedhost"));
        await SimulatorSeed.SeedAsync(hv, extra, None);
        return hv;
    }

    [Fact]
    public async Task The_seed_defines_four_systems_in_the_four_everyday_states()
    {
        await using var hv = await SeededAsync(0);

        var byName = (await Systems.ListAsync(hv)).ToDictionary(s => s.Definition.Name);

        Assert.Equal(4, byName.Count);
        Assert.Equal(SystemState.Running, byName["web01"].State);
        Assert.Equal(SystemState.Off, byName["db01"].State);
        Assert.Equal(SystemState.Paused, byName["build01"].State);
        Assert.Equal(SystemState.Saved, byName["test01"].State);
        Assert.Equal((4, 8192L), (byName["db01"].Definition.VirtualCpus, byName["db01"].Definition.MemoryMiB));
        Assert.All(byName.Values, s => Assert.Equal(SimulatorSeed.StableGuid("system:" + s.Definition.Name), s.Id));
        Assert.All(byName.Values.SelectMany(s => s.Definition.NetworkAdapters), nic => Assert.Matches("^52:54:00(:[0-9a-f]{2}){3}$", nic.MacAddress));
        // The seed shows the devices the model represents: a second disk, an IDE CD-ROM, a SCSI disk, a second network.
        Assert.Equal(["vda", "vdb", "hdc"], byName["db01"].Definition.Disks.Select(d => d.Device));
        Assert.True(byName["db01"].Definition.Disks[2] is { IsCdrom: true, Bus: DiskBus.Ide });
        Assert.Equal(["default", "storage-net"], byName["db01"].Definition.NetworkAdapters.Select(n => n.Network));
        Assert.Equal(DiskBus.Scsi, Assert.Single(byName["build01"].Definition.Disks).Bus);
    }

    [Fact]
    public async Task Two_seeded_simulators_have_the_same_identities()
    {
        await using var one = await SeededAsync(3);
        await using var two = await SeededAsync(3);

        var first = (await Systems.ListAsync(one)).Select(s => (s.Id, s.Definition.Name, s.State, s.Definition.NetworkAdapters[0].MacAddress));
        var second = (await Systems.ListAsync(two)).Select(s => (s.Id, s.Definition.Name, s.State, s.Definition.NetworkAdapters[0].MacAddress));

        Assert.Equal(first, second);
        Assert.Equal((await one.GetHostInfoAsync(None)).Uuid, (await two.GetHostInfoAsync(None)).Uuid);
    }

    [Fact]
    public async Task Extra_systems_are_named_in_sequence_and_every_second_one_runs()
    {
        await using var hv = await SeededAsync(5);

        var extra = (await Systems.ListAsync(hv)).Where(s => s.Definition.Name.StartsWith("load", StringComparison.Ordinal))
            .OrderBy(s => s.Definition.Name, StringComparer.Ordinal).ToList();

        Assert.Equal(9, hv.Count);
        Assert.Equal(["load00001", "load00002", "load00003", "load00004", "load00005"], extra.Select(s => s.Definition.Name));
        Assert.Equal([SystemState.Off, SystemState.Running, SystemState.Off, SystemState.Running, SystemState.Off], extra.Select(s => s.State));
    }

    [Fact]
    public void Stable_guids_are_name_based_version_5_uuids()
    {
        var a = SimulatorSeed.StableGuid("system:web01");

        Assert.Equal(a, SimulatorSeed.StableGuid("system:web01"));
        Assert.NotEqual(a, SimulatorSeed.StableGuid("system:web02"));
        var text = a.ToString("D");
        Assert.Equal('5', text[14]);
        Assert.Contains(text[19], "89ab");
    }

    [Fact]
    public void The_default_host_derives_its_uuid_from_its_name()
    {
        var host = SimulatorSeed.DefaultHost("hv1");

        Assert.Equal("hv1", host.HostName);
        Assert.Equal(SimulatorSeed.StableGuid("host:hv1"), host.Uuid);
        Assert.NotEqual(host.Uuid, SimulatorSeed.DefaultHost("hv2").Uuid);
        Assert.Equal("Simulator", host.HypervisorType);
        Assert.True(host.LogicalProcessors > 0 && host.MemoryBytes > 0);
    }

    [Fact]
    public async Task Seeding_twice_into_one_simulator_fails_with_AlreadyExists()
    {
        await using var hv = await SeededAsync(0);

        var e = await Assert.ThrowsAsync<HypervisorException>(() => SimulatorSeed.SeedAsync(hv, 0, None));

        Assert.Equal(HypervisorError.AlreadyExists, e.Error);
        Assert.Equal(4, hv.Count);
    }
}
