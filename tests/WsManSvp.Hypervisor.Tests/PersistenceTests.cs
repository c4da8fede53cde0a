using System.Diagnostics;
using WsManSvp.Hypervisor.Simulator;
using WsManSvp.Storage;

namespace WsManSvp.Hypervisor.Tests;

/// <summary>A simulator opened on a state database: what it commits is stored, and comes back on the next open.</summary>
public sealed class PersistenceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<string> EverythingAsync(IHypervisor hv)
    {
        var systems = await Systems.ListAsync(hv);
        var trees = new List<SnapshotTree>();
        foreach (var system in systems) trees.Add(await hv.ListSnapshotsAsync(system.Id, None));
        return Systems.Content(new { Systems = systems, Snapshots = trees });
    }

    [Fact]
    public async Task Reopening_on_the_same_file_gives_the_same_systems_and_snapshot_trees()
    {
        using var directory = new TempStateDirectory();
        var time = new ManualTimeProvider();
        string before;
        await using (var database = directory.OpenDatabase())
        await using (var hv = await TempStateDirectory.OpenSimulatorAsync(database, seedSystems: 2, time))
        {
            var web = SimulatorSeed.StableGuid("system:web01");
            var s1 = await hv.CreateSnapshotAsync(web, SnapshotKind.Full, "first", None);
            time.Advance(TimeSpan.FromSeconds(1));
            await hv.UpdateDefinitionAsync(web, (await hv.GetSystemAsync(web, None))!.Definition with { VirtualCpus = 4 }, None);
            var s2 = await hv.CreateSnapshotAsync(web, SnapshotKind.DiskOnly, null, None);
            await hv.ApplySnapshotAsync(web, s1.Name, None);
            time.Advance(TimeSpan.FromSeconds(1));
            await hv.CreateSnapshotAsync(web, SnapshotKind.Full, "third", None);
            await hv.DeleteSnapshotAsync(web, s2.Name, None);
            var added = await hv.DefineSystemAsync(Systems.Definition("added"), None);
            await hv.ChangeStateAsync(added.Id, StateTransition.Start, None);
            await hv.UpdateDefinitionAsync(added.Id, added.Definition with { MemoryMiB = 4096 }, None);
            await hv.UndefineSystemAsync(SimulatorSeed.StableGuid("system:db01"), None);
            before = await EverythingAsync(hv);
            Assert.Equal(6, hv.Count);
        }

        await using var reopenedDatabase = directory.OpenDatabase();
        await using var reopened = await TempStateDirectory.OpenSimulatorAsync(reopenedDatabase, seedSystems: 2, time);

        Assert.Equal(before, await EverythingAsync(reopened));
        Assert.Equal(6, reopened.Count);
        var added2 = (await Systems.ListAsync(reopened)).Single(s => s.Definition.Name == "added");
        Assert.Equal((4096L, 512L), (added2.Definition.MemoryMiB, added2.ActiveDefinition!.MemoryMiB));
    }

    [Fact]
    public async Task A_first_open_lays_down_the_seed_and_stores_one_document_per_system()
    {
        using var directory = new TempStateDirectory();
        await using var database = directory.OpenDatabase();
        await using var hv = await TempStateDirectory.OpenSimulatorAsync(database, seedSystems: 3);

        var systems = await Systems.ListAsync(hv);
        var documents = new DocumentTable(database, "sim_systems").LoadAll();

        Assert.Equal(7, systems.Count);
        Assert.Equal(systems.Select(s => s.Id.ToString("D")).Order(StringComparer.Ordinal), documents.Select(d => d.Key));
        Assert.Equal(SystemState.Saved, systems.Single(s => s.Definition.Name == "test01").State);
        Assert.Single(new DocumentTable(database, "sim_meta").LoadAll(), d => d.Key == "seeded");
    }

    [Fact]
    public async Task The_seed_is_laid_down_once_so_systems_undefined_stay_undefined()
    {
        using var directory = new TempStateDirectory();
        await using (var database = directory.OpenDatabase())
        await using (var hv = await TempStateDirectory.OpenSimulatorAsync(database))
        {
            foreach (var system in await Systems.ListAsync(hv))
            {
                if (system.State is SystemState.Running or SystemState.Paused)
                    await hv.ChangeStateAsync(system.Id, StateTransition.PowerOff, None);
                await hv.UndefineSystemAsync(system.Id, None);
            }
            Assert.Empty(new DocumentTable(database, "sim_systems").LoadAll());
        }

        await using var again = directory.OpenDatabase();
        await using var reopened = await TempStateDirectory.OpenSimulatorAsync(again, seedSystems: 5);

        Assert.Equal(0, reopened.Count);
    }

    [Fact]
    public async Task Systems_stored_without_the_seeded_marker_are_a_first_start_cut_short_and_are_not_seeded_over()
    {
        using var directory = new TempStateDirectory();
        await using (var database = directory.OpenDatabase())
        await using (var hv = await TempStateDirectory.OpenSimulatorAsync(database, seedSystems: 1))
        {
            await database.WriteAsync(connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "DELETE FROM sim_meta";
                command.ExecuteNonQuery();
            });
        }

        await using var again = directory.OpenDatabase();
        await using var reopened = await TempStateDirectory.OpenSimulatorAsync(again, seedSystems: 7);

        Assert.Equal(5, reopened.Count);
        Assert.Single(new DocumentTable(again, "sim_meta").LoadAll(), d => d.Key == "seeded");
    }

    [Fact]
    public async Task A_change_is_in_the_file_once_its_call_returns()
    {
        using var directory = new TempStateDirectory();
        await using var database = directory.OpenDatabase();
        await using var hv = await TempStateDirectory.OpenSimulatorAsync(database);

        var vm = await hv.DefineSystemAsync(Systems.Definition("durable"), None);
        var snapshot = await hv.CreateSnapshotAsync(vm.Id, SnapshotKind.Full, null, None);

        // A second opening of the file, while the first is still open, stands for a restart after kill -9.
        await using var other = directory.OpenDatabase();
        await using var restarted = await TempStateDirectory.OpenSimulatorAsync(other);
        Assert.Equal(Systems.Content(vm), Systems.Content(await restarted.GetSystemAsync(vm.Id, None)));
        Assert.Equal(Systems.Content(new[] { snapshot }), Systems.Content((await restarted.ListSnapshotsAsync(vm.Id, None)).Snapshots));
    }

    [Fact]
    public async Task A_change_that_cannot_be_stored_fails_with_Failed_and_changes_nothing_in_memory()
    {
        using var directory = new TempStateDirectory();
        var database = directory.OpenDatabase();
        await using var hv = await TempStateDirectory.OpenSimulatorAsync(database);
        var web = SimulatorSeed.StableGuid("system:web01");
        var before = await EverythingAsync(hv);
        await using var watcher = new EventWatcher(hv);
        await database.DisposeAsync();

        var calls = new Func<Task>[]
        {
            () => hv.DefineSystemAsync(Systems.Definition("lost"), None).AsTask(),
            () => hv.ChangeStateAsync(web, StateTransition.Pause, None).AsTask(),
            () => hv.CreateSnapshotAsync(web, SnapshotKind.Full, null, None).AsTask(),
            () => hv.UndefineSystemAsync(SimulatorSeed.StableGuid("system:db01"), None).AsTask(),
        };
        foreach (var call in calls)
        {
            var e = await Assert.ThrowsAsync<HypervisorException>(call);
            Assert.Equal(HypervisorError.Failed, e.Error);
            Assert.IsType<ObjectDisposedException>(e.InnerException);
        }

        Assert.Equal(before, await EverythingAsync(hv));
        Assert.Equal(4, hv.Count);
        // Nothing was published: the watch ends by its cancellation, not with an event.
        Assert.IsAssignableFrom<OperationCanceledException>(await watcher.CancelAsync());
    }

    [Fact]
    public async Task An_in_memory_open_lays_down_the_seed_and_stores_nothing()
    {
        await using var hv = await SimulatedHypervisor.OpenAsync(SimulatorSeed.DefaultHost("memory"), null, SimulatorOptions.Default, 2);

        Assert.Equal(6, hv.Count);
        Assert.Equal(SimulatorSeed.StableGuid("host:memory"), (await hv.GetHostInfoAsync(None)).Uuid);
    }

    [Fact]
    public async Task Ten_thousand_seeded_systems_are_laid_down_and_loaded_again_in_under_two_seconds_each()
    {
        using var directory = new TempStateDirectory();
        var clock = Stopwatch.StartNew();
        await using (var database = directory.OpenDatabase())
        await using (var hv = await TempStateDirectory.OpenSimulatorAsync(database, seedSystems: 10_000))
        {
            var seeding = clock.Elapsed;
            Assert.Equal(10_004, hv.Count);
            Assert.True(seeding < TimeSpan.FromSeconds(2), $"Seeding 10,000 systems took {seeding}.");
        }

        clock.Restart();
        await using var again = directory.OpenDatabase();
        await using var reopened = await TempStateDirectory.OpenSimulatorAsync(again, seedSystems: 10_000);
        var loading = clock.Elapsed;

        Assert.Equal(10_004, reopened.Count);
        Assert.True(loading < TimeSpan.FromSeconds(2), $"Loading 10,000 systems took {loading}.");
        Assert.Equal(SystemState.Running, (await reopened.GetSystemAsync(SimulatorSeed.StableGuid("system:load10000"), None))!.State);
    }
}
