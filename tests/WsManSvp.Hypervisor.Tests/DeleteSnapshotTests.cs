namespace WsManSvp.Hypervisor.Tests;

public sealed class DeleteSnapshotTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>
    /// s1 ← s2 ← s3, and s2 ← s4 (taken after reverting to s2): s4 current, s2 last applied.
    /// </summary>
    private static async Task<(Guid Id, string S1, string S2, string S3, string S4)> TreeAsync(IHypervisor hv, ManualTimeProvider time)
    {
        var vm = await Systems.InStateAsync(hv, SystemState.Running);
        async Task<string> TakeAsync()
        {
            time.Advance(TimeSpan.FromSeconds(1));
            return (await hv.CreateSnapshotAsync(vm.Id, SnapshotKind.Full, null, None)).Name;
        }
        var s1 = await TakeAsync();
        var s2 = await TakeAsync();
        var s3 = await TakeAsync();
        await hv.ApplySnapshotAsync(vm.Id, s2, None);
        var s4 = await TakeAsync();
        var tree = await hv.ListSnapshotsAsync(vm.Id, None);
        Assert.Equal([null, s1, s2, s2], tree.Snapshots.Select(s => s.Parent));
        Assert.Equal((s4, s2), (tree.Current, tree.LastApplied));
        return (vm.Id, s1, s2, s3, s4);
    }

    [Fact]
    public async Task Deleting_a_snapshot_gives_its_children_its_parent_and_forgets_it_as_last_applied()
    {
        var time = new ManualTimeProvider();
        await using var hv = Systems.Simulator(time);
        var (id, s1, s2, s3, s4) = await TreeAsync(hv, time);

        await hv.DeleteSnapshotAsync(id, s2, None);

        var tree = await hv.ListSnapshotsAsync(id, None);
        Assert.Equal([s1, s3, s4], tree.Snapshots.Select(s => s.Name));
        Assert.Equal([null, s1, s1], tree.Snapshots.Select(s => s.Parent));
        Assert.Equal((s4, (string?)null), (tree.Current, tree.LastApplied));
    }

    [Fact]
    public async Task Deleting_the_current_snapshot_makes_its_parent_current()
    {
        var time = new ManualTimeProvider();
        await using var hv = Systems.Simulator(time);
        var (id, s1, s2, s3, s4) = await TreeAsync(hv, time);

        await hv.DeleteSnapshotAsync(id, s4, None);
        var afterS4 = await hv.ListSnapshotsAsync(id, None);
        await hv.DeleteSnapshotAsync(id, s2, None);
        var afterS2 = await hv.ListSnapshotsAsync(id, None);
        await hv.DeleteSnapshotAsync(id, s1, None);
        var afterS1 = await hv.ListSnapshotsAsync(id, None);

        Assert.Equal((s2, s2), (afterS4.Current, afterS4.LastApplied));
        Assert.Equal((s1, (string?)null), (afterS2.Current, afterS2.LastApplied));
        Assert.Equal([s3], afterS1.Snapshots.Select(s => s.Name));
        Assert.Null(afterS1.Snapshots[0].Parent);
        Assert.Null(afterS1.Current);
    }

    [Fact]
    public async Task Deleting_the_last_snapshot_leaves_an_empty_tree_and_the_system_untouched()
    {
        await using var hv = Systems.Simulator();
        var vm = await Systems.InStateAsync(hv, SystemState.Paused);
        var snapshot = await hv.CreateSnapshotAsync(vm.Id, SnapshotKind.Full, null, None);
        await hv.ApplySnapshotAsync(vm.Id, snapshot.Name, None);
        await using var watcher = new EventWatcher(hv);

        await hv.DeleteSnapshotAsync(vm.Id, snapshot.Name, None);

        Assert.Equal(SnapshotTree.Empty, await hv.ListSnapshotsAsync(vm.Id, None));
        Assert.Equal(vm, await hv.GetSystemAsync(vm.Id, None));
        var marker = await hv.DefineSystemAsync(Systems.Definition("marker"), None);
        Assert.Equal(marker.Id, (await watcher.NextAsync()).SystemId);
    }

    [Fact]
    public async Task Deleting_an_unknown_snapshot_or_from_an_unknown_system_is_NotFound()
    {
        await using var hv = Systems.Simulator();
        var vm = await Systems.InStateAsync(hv, SystemState.Off);
        var kept = await hv.CreateSnapshotAsync(vm.Id, SnapshotKind.Full, null, None);

        var noSnapshot = await Assert.ThrowsAsync<HypervisorException>(() => hv.DeleteSnapshotAsync(vm.Id, "nope", None).AsTask());
        var noSystem = await Assert.ThrowsAsync<HypervisorException>(() => hv.DeleteSnapshotAsync(Guid.NewGuid(), kept.Name, None).AsTask());

        Assert.Equal((HypervisorError.NotFound, HypervisorError.NotFound), (noSnapshot.Error, noSystem.Error));
        Assert.Equal([kept], (await hv.ListSnapshotsAsync(vm.Id, None)).Snapshots);
    }
}
