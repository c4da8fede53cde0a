namespace WsManSvp.Hypervisor.Tests;

public sealed class CancellationTests
{
    private static CancellationToken Cancelled => new(canceled: true);

    [Fact]
    public async Task Every_call_with_a_cancelled_token_throws_and_changes_nothing()
    {
        await using var hv = Systems.Simulator();
        var vm = await Systems.InStateAsync(hv, SystemState.Off);
        await using var watcher = new EventWatcher(hv);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hv.GetHostInfoAsync(Cancelled).AsTask());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hv.GetSystemAsync(vm.Id, Cancelled).AsTask());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hv.DefineSystemAsync(Systems.Definition("new"), Cancelled).AsTask());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hv.ChangeStateAsync(vm.Id, StateTransition.Start, Cancelled).AsTask());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hv.UndefineSystemAsync(vm.Id, Cancelled).AsTask());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in hv.ListSystemsAsync(Cancelled)) { }
        });

        Assert.Equal([vm], await Systems.ListAsync(hv));
        var marker = await hv.DefineSystemAsync(Systems.Definition("marker"), CancellationToken.None);
        Assert.Equal(marker.Id, (await watcher.NextAsync()).SystemId);
    }

    [Fact]
    public async Task A_listing_stops_when_its_token_is_cancelled_midway()
    {
        await using var hv = Systems.Simulator();
        for (var i = 0; i < 5; i++) await hv.DefineSystemAsync(Systems.Definition($"vm{i}"), CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in hv.ListSystemsAsync(cts.Token))
            {
                if (++seen == 2) await cts.CancelAsync();
            }
        });

        Assert.Equal(2, seen);
    }

    [Fact]
    public async Task Watching_with_a_cancelled_token_ends_at_once()
    {
        await using var hv = Systems.Simulator();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in hv.WatchEventsAsync(Cancelled)) { }
        });
    }
}
