namespace WsManSvp.Hypervisor.Tests;

public sealed class DefineSystemTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Define_with_a_given_uuid_keeps_it_and_starts_off_at_the_current_time()
    {
        var time = new ManualTimeProvider();
        await using var hv = Systems.Simulator(time);
        var uuid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        var system = await hv.DefineSystemAsync(Systems.Definition("alpha", uuid, cpus: 2, memoryMiB: 1024), None);

        Assert.Equal(uuid, system.Id);
        Assert.Equal(uuid, system.Definition.Uuid);
        Assert.Equal(SystemState.Off, system.State);
        Assert.Equal(time.GetUtcNow(), system.TimeOfLastStateChange);
        Assert.Equal("alpha", system.Definition.Name);
        Assert.Equal(2, system.Definition.VirtualCpus);
        Assert.Equal(1024, system.Definition.MemoryMiB);
        Assert.Equal(system, await hv.GetSystemAsync(uuid, None));
        Assert.Equal(1, hv.Count);
    }

    [Fact]
    public async Task A_disks_CloneOf_is_a_request_the_definition_does_not_keep()
    {
        await using var hv = Systems.Simulator();
        var definition = Systems.Definition("clone", null) with
        {
            Disks = [new VirtualDisk("vda", "/images/clone-vda.qcow2", 1L << 30) { CloneOf = "/images/original-vda.qcow2" }],
        };

        var system = await hv.DefineSystemAsync(definition, None);

        Assert.Null(Assert.Single(system.Definition.Disks).CloneOf);
        Assert.Equal("/images/clone-vda.qcow2", system.Definition.Disks[0].Path);
        Assert.Equal(system, await hv.GetSystemAsync(system.Id, None));
    }

    [Fact]
    public async Task Define_without_a_uuid_generates_a_distinct_one_and_records_it_in_the_definition()
    {
        await using var hv = Systems.Simulator();

        var a = await hv.DefineSystemAsync(Systems.Definition("a"), None);
        var b = await hv.DefineSystemAsync(Systems.Definition("b"), None);

        Assert.NotEqual(Guid.Empty, a.Id);
        Assert.NotEqual(a.Id, b.Id);
        Assert.Equal(a.Id, a.Definition.Uuid);
        Assert.Equal(b.Id, b.Definition.Uuid);
    }

    [Fact]
    public async Task A_name_already_defined_is_refused_with_AlreadyExists_and_nothing_changes()
    {
        await using var hv = Systems.Simulator();
        var first = await hv.DefineSystemAsync(Systems.Definition("dup"), None);

        var e = await Assert.ThrowsAsync<HypervisorException>(() => hv.DefineSystemAsync(Systems.Definition("dup"), None).AsTask());

        Assert.Equal(HypervisorError.AlreadyExists, e.Error);
        Assert.Contains("dup", e.Message);
        Assert.Equal([first], await Systems.ListAsync(hv));
    }

    [Fact]
    public async Task Names_are_case_sensitive_as_in_libvirt()
    {
        await using var hv = Systems.Simulator();
        await hv.DefineSystemAsync(Systems.Definition("web"), None);

        var other = await hv.DefineSystemAsync(Systems.Definition("WEB"), None);

        Assert.Equal("WEB", other.Definition.Name);
        Assert.Equal(2, hv.Count);
    }

    [Fact]
    public async Task A_uuid_already_defined_is_refused_with_AlreadyExists_and_nothing_changes()
    {
        await using var hv = Systems.Simulator();
        var uuid = Guid.NewGuid();
        await hv.DefineSystemAsync(Systems.Definition("one", uuid), None);

        var e = await Assert.ThrowsAsync<HypervisorException>(() => hv.DefineSystemAsync(Systems.Definition("two", uuid), None).AsTask());

        Assert.Equal(HypervisorError.AlreadyExists, e.Error);
        Assert.Contains(uuid.ToString(), e.Message);
        var only = Assert.Single(await Systems.ListAsync(hv));
        Assert.Equal("one", only.Definition.Name);
    }

    public static TheoryData<string, int, long, string> InvalidDefinitions => new()
    {
        { "", 1, 512, "name" },
        { "   ", 1, 512, "name" },
        { "vm", 0, 512, "virtual CPU" },
        { "vm", -2, 512, "virtual CPU" },
        { "vm", 1, 0, "memory" },
        { "vm", 1, -1, "memory" },
    };

    [Theory]
    [MemberData(nameof(InvalidDefinitions))]
    public async Task An_invalid_definition_is_refused_with_InvalidArgument_and_defines_nothing(string name, int cpus, long memoryMiB, string mentioned)
    {
        await using var hv = Systems.Simulator();

        var e = await Assert.ThrowsAsync<HypervisorException>(
            () => hv.DefineSystemAsync(Systems.Definition(name, cpus: cpus, memoryMiB: memoryMiB), None).AsTask());

        Assert.Equal(HypervisorError.InvalidArgument, e.Error);
        Assert.Contains(mentioned, e.Message);
        Assert.Equal(0, hv.Count);
    }

    [Fact]
    public async Task Systems_are_listed_in_uuid_order_whatever_the_definition_order()
    {
        await using var hv = Systems.Simulator();
        var ids = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
        for (var i = 0; i < ids.Count; i++) await hv.DefineSystemAsync(Systems.Definition($"vm{i}", ids[i]), None);

        var listed = (await Systems.ListAsync(hv)).Select(s => s.Id).ToList();

        Assert.Equal(ids.Order().ToList(), listed);
    }

    [Fact]
    public async Task A_listing_in_progress_sees_the_inventory_as_it_was_when_it_started()
    {
        await using var hv = Systems.Simulator();
        for (var i = 0; i < 3; i++) await hv.DefineSystemAsync(Systems.Definition($"vm{i}"), None);

        var seen = 0;
        await foreach (var _ in hv.ListSystemsAsync(None))
        {
            if (seen++ == 0) await hv.DefineSystemAsync(Systems.Definition("late"), None);
        }

        Assert.Equal(3, seen);
        Assert.Equal(4, hv.Count);
    }

    [Fact]
    public async Task Unknown_systems_are_null_and_the_host_is_the_one_configured()
    {
        await using var hv = Systems.Simulator();

        Assert.Null(await hv.GetSystemAsync(Guid.NewGuid(), None));
        var host = await hv.GetHostInfoAsync(None);
        Assert.Equal("testhost", host.HostName);
        Assert.Equal("simulator", hv.BackendName);
    }
}
