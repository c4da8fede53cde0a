namespace WsManSvp.Hypervisor.Libvirt.Tests;

public sealed class SystemTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_test_drivers_own_domain_is_listed_running()
    {
        await using var host = await TestHost.OpenAsync();

        var systems = await host.ListAsync();

        var test = Assert.Single(systems, s => s.Definition.Name == "test");
        Assert.Equal(SystemState.Running, test.State);
        Assert.Equal(Guid.Parse("6695eb01-f6a4-8304-79aa-97f2502e193f"), test.Id);
        Assert.Equal(2, test.Definition.VirtualCpus);
        Assert.NotNull(test.ActiveDefinition);
    }

    [Fact]
    public async Task A_defined_system_is_off_gets_its_image_and_is_found_by_identity_and_in_the_list()
    {
        await using var host = await TestHost.OpenAsync();
        var definition = TestHost.Definition();

        var system = await host.Hypervisor.DefineSystemAsync(definition, None);

        Assert.Equal(SystemState.Off, system.State);
        Assert.Null(system.ActiveDefinition);
        Assert.Equal(definition.Name, system.Definition.Name);
        Assert.Equal(system.Id, system.Definition.Uuid);
        var disk = Assert.Single(system.Definition.Disks);
        Assert.Equal(1L << 30, disk.CapacityBytes);
        Assert.Equal(TestHost.PoolName, disk.StoragePool);
        Assert.Equal("default", Assert.Single(system.Definition.NetworkAdapters).Network);
        Assert.Equal(Systems.Content(system), Systems.Content(await host.Hypervisor.GetSystemAsync(system.Id, None)));
        var list = await host.ListAsync();
        Assert.Contains(list, s => s.Id == system.Id);
        Assert.Equal(list.Select(s => s.Id).Order(), list.Select(s => s.Id));
    }
}
