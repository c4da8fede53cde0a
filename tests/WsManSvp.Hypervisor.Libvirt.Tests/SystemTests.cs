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

    [Fact]
    public async Task A_disk_defined_as_a_copy_gets_its_own_image_copied_from_the_one_it_names()
    {
        await using var host = await TestHost.OpenAsync();
        var original = await host.Hypervisor.DefineSystemAsync(TestHost.Definition(), None);
        var source = Assert.Single(original.Definition.Disks);
        var name = TestHost.Unique("copy");
        var copyDisk = source with { Path = $"{TestHost.PoolPath}/{name}-vda.qcow2", CloneOf = source.Path };

        var copy = await host.Hypervisor.DefineSystemAsync(TestHost.Definition(name) with { Disks = [copyDisk], NetworkAdapters = [] }, None);

        var disk = Assert.Single(copy.Definition.Disks);
        Assert.Equal(copyDisk.Path, disk.Path);
        Assert.Null(disk.CloneOf);
        Assert.Equal(source.CapacityBytes, disk.CapacityBytes);
        Assert.Equal(source.Path, Assert.Single((await host.Hypervisor.GetSystemAsync(original.Id, None))!.Definition.Disks).Path);
    }

    [Fact]
    public async Task A_copy_of_an_image_no_pool_holds_is_InvalidArgument_and_nothing_is_defined()
    {
        await using var host = await TestHost.OpenAsync();
        var name = TestHost.Unique("orphan");
        var disk = new VirtualDisk("vda", $"{TestHost.PoolPath}/{name}-vda.qcow2", 1L << 30, StoragePool: TestHost.PoolName) { CloneOf = "/nowhere/original.qcow2" };

        var e = await Assert.ThrowsAsync<HypervisorException>(() =>
            host.Hypervisor.DefineSystemAsync(TestHost.Definition(name) with { Disks = [disk] }, None).AsTask());

        Assert.Equal(HypervisorError.InvalidArgument, e.Error);
        Assert.Contains("/nowhere/original.qcow2", e.Message);
        Assert.DoesNotContain(await host.ListAsync(), s => s.Definition.Name == name);
    }

    [Fact]
    public async Task A_system_undefined_while_an_enumeration_is_under_way_is_left_out()
    {
        await using var host = await TestHost.OpenAsync();
        var hv = host.Hypervisor;
        // With the test driver's own domain, one more than a batch of reads (32): the last is read after the undefine.
        for (var i = 0; i < 32; i++) await hv.DefineSystemAsync(TestHost.Definition(), None);
        var all = (await host.ListAsync()).Select(s => s.Id).ToArray();
        var gone = all[^1];

        var listed = new List<Guid>();
        await foreach (var system in hv.ListSystemsAsync(None))
        {
            if (listed.Count == 0) await hv.UndefineSystemAsync(gone, None);
            listed.Add(system.Id);
        }

        Assert.Equal(all[..^1], listed);
    }

    [Fact]
    public async Task A_name_or_identity_already_used_is_AlreadyExists_and_leaves_no_image_behind()
    {
        await using var host = await TestHost.OpenAsync();
        var first = await host.Hypervisor.DefineSystemAsync(TestHost.Definition(), None);

        var byName = await Assert.ThrowsAsync<HypervisorException>(() =>
            host.Hypervisor.DefineSystemAsync(TestHost.Definition(first.Definition.Name), None).AsTask());
        var byId = await Assert.ThrowsAsync<HypervisorException>(() =>
            host.Hypervisor.DefineSystemAsync(TestHost.Definition() with { Uuid = first.Id }, None).AsTask());

        Assert.Equal(HypervisorError.AlreadyExists, byName.Error);
        Assert.Contains(first.Definition.Name, byName.Message);
        Assert.Equal(HypervisorError.AlreadyExists, byId.Error);
        Assert.Contains(first.Id.ToString(), byId.Message);
        Assert.Single(await host.ListAsync(), s => s.Definition.Name != "test");
    }

    [Fact]
    public async Task A_definition_libvirt_refuses_is_InvalidArgument_and_its_new_image_is_removed()
    {
        await using var host = await TestHost.OpenAsync();
        var name = TestHost.Unique("bad");
        var definition = TestHost.Definition(name) with { NetworkAdapters = [new VirtualNetworkAdapter("not-a-mac", "default")] };

        var e = await Assert.ThrowsAsync<HypervisorException>(() => host.Hypervisor.DefineSystemAsync(definition, None).AsTask());

        Assert.Equal(HypervisorError.InvalidArgument, e.Error);
        var pools = await host.Hypervisor.ListPoolsAsync(None);
        Assert.Equal(0, Assert.Single(pools, p => p.Kind == ResourceKind.Storage).Reserved);
        // The image was not made (or was removed): defining the same disk with a good adapter creates it afresh.
        var good = await host.Hypervisor.DefineSystemAsync(TestHost.Definition(name), None);
        Assert.Equal(1L << 30, good.Definition.Disks[0].CapacityBytes);
    }

    [Fact]
    public async Task A_definition_without_a_name_or_cpus_is_InvalidArgument()
    {
        await using var host = await TestHost.OpenAsync();

        var noName = await Assert.ThrowsAsync<HypervisorException>(() => host.Hypervisor.DefineSystemAsync(TestHost.Definition() with { Name = " " }, None).AsTask());
        var noCpu = await Assert.ThrowsAsync<HypervisorException>(() => host.Hypervisor.DefineSystemAsync(TestHost.Definition(null, cpus: 0), None).AsTask());

        Assert.Equal(HypervisorError.InvalidArgument, noName.Error);
        Assert.Equal(HypervisorError.InvalidArgument, noCpu.Error);
    }

    [Fact]
    public async Task An_unknown_identity_is_null_to_get_and_NotFound_to_everything_else()
    {
        await using var host = await TestHost.OpenAsync();
        var id = Guid.NewGuid();
        var hv = host.Hypervisor;

        Assert.Null(await hv.GetSystemAsync(id, None));
        foreach (var call in new Func<Task>[]
                 {
                     () => hv.UndefineSystemAsync(id, None).AsTask(),
                     () => hv.UpdateDefinitionAsync(id, TestHost.Definition(), None).AsTask(),
                     () => hv.ListSnapshotsAsync(id, None).AsTask(),
                     () => hv.CreateSnapshotAsync(id, SnapshotKind.Full, null, None).AsTask(),
                     () => hv.ApplySnapshotAsync(id, "s", None).AsTask(),
                     () => hv.DeleteSnapshotAsync(id, "s", None).AsTask(),
                 })
        {
            var e = await Assert.ThrowsAsync<HypervisorException>(call);
            Assert.Equal(HypervisorError.NotFound, e.Error);
            Assert.Contains(id.ToString(), e.Message);
        }
    }

    [Fact]
    public async Task An_update_replaces_the_definition_keeps_what_a_running_system_runs_and_adds_new_images()
    {
        await using var host = await TestHost.OpenAsync();
        var running = await host.InStateAsync(SystemState.Running);
        var name = running.Definition.Name;
        var edited = running.Definition with
        {
            VirtualCpus = 2,
            MemoryMiB = 1024,
            Description = "edited",
            Disks = [.. running.Definition.Disks, new VirtualDisk("vdb", $"{TestHost.PoolPath}/{name}-data.qcow2", 2L << 30, StoragePool: TestHost.PoolName)],
        };

        var updated = await host.Hypervisor.UpdateDefinitionAsync(running.Id, edited, None);

        Assert.Equal(SystemState.Running, updated.State);
        Assert.Equal(running.TimeOfLastStateChange, updated.TimeOfLastStateChange);
        Assert.Equal(2, updated.Definition.VirtualCpus);
        Assert.Equal(1024, updated.Definition.MemoryMiB);
        Assert.Equal("edited", updated.Definition.Description);
        Assert.Equal([1L << 30, 2L << 30], updated.Definition.Disks.Select(d => d.CapacityBytes));
        Assert.Equal(1, updated.ActiveDefinition!.VirtualCpus);
        Assert.Equal(Systems.Content(updated), Systems.Content(await host.Hypervisor.GetSystemAsync(running.Id, None)));
    }

    [Fact]
    public async Task An_update_cannot_rename_or_change_the_identity()
    {
        await using var host = await TestHost.OpenAsync();
        var system = await host.InStateAsync(SystemState.Off);

        var rename = await Assert.ThrowsAsync<HypervisorException>(() =>
            host.Hypervisor.UpdateDefinitionAsync(system.Id, system.Definition with { Name = "other" }, None).AsTask());
        var reidentify = await Assert.ThrowsAsync<HypervisorException>(() =>
            host.Hypervisor.UpdateDefinitionAsync(system.Id, system.Definition with { Uuid = Guid.NewGuid() }, None).AsTask());

        Assert.Equal(HypervisorError.InvalidArgument, rename.Error);
        Assert.Equal(HypervisorError.InvalidArgument, reidentify.Error);
    }

    [Theory]
    [InlineData(SystemState.Off)]
    [InlineData(SystemState.Saved)]
    public async Task A_stopped_system_is_undefined_with_its_snapshots(SystemState state)
    {
        await using var host = await TestHost.OpenAsync();
        var system = await host.InStateAsync(SystemState.Off);
        await host.Hypervisor.CreateSnapshotAsync(system.Id, SnapshotKind.Full, null, None);
        if (state == SystemState.Saved) system = await host.InStateAsync(state);

        await host.Hypervisor.UndefineSystemAsync(system.Id, None);

        Assert.Null(await host.Hypervisor.GetSystemAsync(system.Id, None));
        Assert.DoesNotContain(await host.ListAsync(), s => s.Id == system.Id);
    }

    [Theory]
    [InlineData(SystemState.Running)]
    [InlineData(SystemState.Paused)]
    public async Task An_active_system_cannot_be_undefined(SystemState state)
    {
        await using var host = await TestHost.OpenAsync();
        var system = await host.InStateAsync(state);

        var e = await Assert.ThrowsAsync<HypervisorException>(() => host.Hypervisor.UndefineSystemAsync(system.Id, None).AsTask());

        Assert.Equal(HypervisorError.InvalidState, e.Error);
        Assert.Contains(state.ToString(), e.Message);
        Assert.NotNull(await host.Hypervisor.GetSystemAsync(system.Id, None));
    }

    [Fact]
    public async Task The_time_of_last_state_change_is_kept_across_a_reopen_while_the_state_is_the_same()
    {
        var directory = Path.Combine(Path.GetTempPath(), "wsmansvp-libvirt-tests", Guid.NewGuid().ToString("N"));
        DateTimeOffset first;
        await using (var host = await TestHost.OpenAsync(directory: directory))
            first = (await host.ListAsync()).Single(s => s.Definition.Name == "test").TimeOfLastStateChange;
        await Task.Delay(50);

        try
        {
            await using var again = await TestHost.OpenAsync(directory: directory);

            Assert.Equal(first, (await again.ListAsync()).Single(s => s.Definition.Name == "test").TimeOfLastStateChange);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
