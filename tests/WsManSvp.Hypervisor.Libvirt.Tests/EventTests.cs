namespace WsManSvp.Hypervisor.Libvirt.Tests;

public sealed class EventTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Define_update_and_undefine_are_announced_once_each_in_order()
    {
        await using var host = await TestHost.OpenAsync();
        var hv = host.Hypervisor;
        await using var watcher = new EventWatcher(hv);

        var defined = await hv.DefineSystemAsync(TestHost.Definition(), None);
        var updated = await hv.UpdateDefinitionAsync(defined.Id, defined.Definition with { MemoryMiB = 1024 }, None);
        var same = await hv.UpdateDefinitionAsync(defined.Id, updated.Definition, None);
        await hv.UndefineSystemAsync(defined.Id, None);

        var events = await watcher.NextAsync(4);
        Assert.Equal([HypervisorEventKind.Defined, HypervisorEventKind.ConfigurationChanged, HypervisorEventKind.ConfigurationChanged, HypervisorEventKind.Undefined],
            events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal(defined.Id, e.SystemId));
        Assert.Null(events[0].Previous);
        Assert.Equal(Systems.Content(defined), Systems.Content(events[0].Current));
        Assert.Equal(Systems.Content(defined), Systems.Content(events[1].Previous));
        Assert.Equal(Systems.Content(updated), Systems.Content(events[1].Current));
        Assert.Equal(Systems.Content(same), Systems.Content(events[3].Previous));
        Assert.Null(events[3].Current);
        Assert.True(await watcher.QuietAsync());
    }

    [Fact]
    public async Task The_stream_ends_when_the_backend_is_disposed()
    {
        var host = await TestHost.OpenAsync();
        var watcher = new EventWatcher(host.Hypervisor);

        await host.DisposeAsync();

        Assert.True(await watcher.EndedAsync());
        await watcher.DisposeAsync();
    }
}
