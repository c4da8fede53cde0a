namespace WsManSvp.Hypervisor.Libvirt.Tests;

public sealed class HostTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Host_facts_come_from_node_info_capabilities_and_the_driver()
    {
        await using var host = await TestHost.OpenAsync();

        var info = await host.Hypervisor.GetHostInfoAsync(None);

        Assert.Equal("libvirt", host.Hypervisor.BackendName);
        Assert.Equal(16, info.LogicalProcessors);
        Assert.Equal(3145728L * 1024, info.MemoryBytes);
        Assert.Equal("TEST", info.HypervisorType);
        Assert.Matches(@"^\d+\.\d+\.\d+$", info.HypervisorVersion);
        Assert.False(string.IsNullOrEmpty(info.HostName));
        // The test driver's capabilities carry no host UUID.
        Assert.Equal(Guid.Empty, info.Uuid);
    }

    [Fact]
    public async Task The_host_name_option_overrides_libvirts()
    {
        await using var host = await TestHost.OpenAsync(options: new LibvirtOptions("") { HostName = "svp-host" });

        Assert.Equal("svp-host", (await host.Hypervisor.GetHostInfoAsync(None)).HostName);
    }

    [Fact]
    public async Task Pools_hold_what_active_systems_run_and_defined_disks_take()
    {
        await using var host = await TestHost.OpenAsync();
        var running = await host.InStateAsync(SystemState.Running);
        await host.InStateAsync(SystemState.Off);

        var pools = await host.Hypervisor.ListPoolsAsync(None);

        // The test driver's own domain "test" runs with 2 CPUs, 1 GiB and one adapter on "default".
        Assert.Equal([ResourceKind.Processor, ResourceKind.Memory, ResourceKind.Storage, ResourceKind.Network], pools.Select(p => p.Kind));
        Assert.Equal(new ResourcePoolInfo(ResourceKind.Processor, ResourcePools.HostPool, 16, 2 + running.Definition.VirtualCpus), pools[0]);
        Assert.Equal(new ResourcePoolInfo(ResourceKind.Memory, ResourcePools.HostPool, 3072, 1024 + running.Definition.MemoryMiB), pools[1]);
        Assert.Equal(new ResourcePoolInfo(ResourceKind.Storage, TestHost.PoolName, 100L << 30, 2L << 30) { Location = TestHost.PoolPath }, pools[2]);
        Assert.Equal(new ResourcePoolInfo(ResourceKind.Network, "default", 4096, 2), pools[3]);
    }
}
