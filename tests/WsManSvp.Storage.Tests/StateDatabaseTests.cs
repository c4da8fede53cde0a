using Microsoft.Data.Sqlite;

namespace WsManSvp.Storage.Tests;

public sealed class StateDatabaseTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Holds the writer thread inside a write until released, so the writes queued meanwhile are taken
    /// together as the next batch.
    /// </summary>
    private sealed class WriterGate : IDisposable
    {
        private readonly ManualResetEventSlim _entered = new();
        private readonly ManualResetEventSlim _release = new();

        public WriterGate(StateDatabase database)
        {
            Done = database.WriteAsync(_ =>
            {
                _entered.Set();
                _release.Wait(Patience);
            });
            Assert.True(_entered.Wait(Patience), "The writer never took the gate.");
        }

        public Task Done { get; }

        public void Release() => _release.Set();

        public void Dispose()
        {
            _release.Set();
            _entered.Dispose();
        }
    }

    private static Action<SqliteConnection> Insert(string table, string key) => connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {table} (key, document) VALUES ($key, '{{}}')";
        command.Parameters.AddWithValue("$key", key);
        command.ExecuteNonQuery();
    };

    [Fact]
    public async Task A_failing_write_fails_alone_and_its_own_changes_are_undone_while_the_rest_of_its_batch_commits()
    {
        using var directory = new TempDirectory();
        await using var database = directory.Open();
        var table = new DocumentTable(database, "t");
        using var gate = new WriterGate(database);

        var before = database.WriteAsync(Insert("t", "before"));
        var failing = database.WriteAsync(connection =>
        {
            Insert("t", "half-made")(connection);
            throw new InvalidOperationException("this write fails");
        });
        var broken = database.WriteAsync(Insert("no_such_table", "x"));
        var after = database.WriteAsync(Insert("t", "after"));
        gate.Release();

        await Task.WhenAll(gate.Done, before, after).WaitAsync(Patience);
        Assert.Equal("this write fails", (await Assert.ThrowsAsync<InvalidOperationException>(() => failing)).Message);
        Assert.Contains("no_such_table", (await Assert.ThrowsAsync<SqliteException>(() => broken)).Message);
        Assert.Equal(["after", "before"], table.LoadAll().Select(d => d.Key));
    }

    [Fact]
    public async Task Writes_queued_together_commit_in_one_transaction()
    {
        using var directory = new TempDirectory();
        await using var database = directory.Open();
        var table = new DocumentTable(database, "t");
        using var gate = new WriterGate(database);
        var committedSeen = new int[100];

        // Each write looks at the file from another connection: none sees the others of its batch committed.
        var writes = Enumerable.Range(0, committedSeen.Length).Select(i => database.WriteAsync(connection =>
        {
            Insert("t", $"k{i:D3}")(connection);
            committedSeen[i] = table.LoadAll().Count;
        })).ToArray();
        gate.Release();

        await Task.WhenAll(writes).WaitAsync(Patience);
        Assert.All(committedSeen, seen => Assert.Equal(0, seen));
        Assert.Equal(committedSeen.Length, table.LoadAll().Count);
    }

    [Fact]
    public async Task Many_concurrent_writers_all_commit_and_all_their_tasks_complete()
    {
        const int Writers = 32, WritesEach = 40;
        using var directory = new TempDirectory();
        await using var database = directory.Open();
        var table = new DocumentTable(database, "t");

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < WritesEach; i++) await table.PutAsync($"w{w:D2}-{i:D2}", $"{i}");
        }))).WaitAsync(TimeSpan.FromSeconds(60));

        var documents = table.LoadAll();
        Assert.Equal(Writers * WritesEach, documents.Count);
        Assert.Equal(Writers * WritesEach, documents.Select(d => d.Key).Distinct().Count());
    }

    [Fact]
    public async Task Writes_run_on_the_writer_thread_and_the_caller_does_not_wait_for_them()
    {
        using var directory = new TempDirectory();
        await using var database = directory.Open();
        using var gate = new WriterGate(database);
        var caller = Environment.CurrentManagedThreadId;
        int? writerThread = null;
        string? writerName = null;

        var write = database.WriteAsync(_ =>
        {
            writerThread = Environment.CurrentManagedThreadId;
            writerName = Thread.CurrentThread.Name;
        });

        Assert.False(write.IsCompleted);
        gate.Release();
        await write.WaitAsync(Patience);
        Assert.NotEqual(caller, writerThread);
        Assert.Equal("state.db writer", writerName);
    }

    [Fact]
    public async Task Writes_queued_before_disposal_are_committed_and_writes_after_it_fault()
    {
        using var directory = new TempDirectory();
        var database = directory.Open();
        var table = new DocumentTable(database, "t");
        var queued = Enumerable.Range(0, 50).Select(i => table.PutAsync($"k{i:D2}", "{}")).ToArray();

        await database.DisposeAsync();

        await Task.WhenAll(queued).WaitAsync(Patience);
        var late = await Assert.ThrowsAsync<ObjectDisposedException>(() => table.PutAsync("late", "{}"));
        Assert.Contains("closed", late.Message);
        await using var reopened = directory.Open();
        Assert.Equal(50, new DocumentTable(reopened, "t").LoadAll().Count);
    }

    [Fact]
    public async Task What_is_committed_is_in_the_file_for_the_next_process_even_if_this_one_never_closes_it()
    {
        using var directory = new TempDirectory();
        // Left open, as by a process killed with kill -9: its writer connection never checkpoints or closes.
        var abandoned = directory.Open();
        var table = new DocumentTable(abandoned, "t");
        await table.PutAsync("one", """{"v":1}""");
        await table.PutAsync(new KeyValuePair<string, string>("two", """{"v":2}"""), new("three", """{"v":3}"""));
        await table.DeleteAsync("one");

        await using (var next = directory.Open())
            Assert.Equal(["three", "two"], new DocumentTable(next, "t").LoadAll().Select(d => d.Key));

        await abandoned.DisposeAsync();
    }

    [Fact]
    public async Task Open_creates_the_directory_and_the_file_in_WAL_mode()
    {
        using var directory = new TempDirectory();
        await using var database = directory.Open();

        var mode = database.Read(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            return (string)command.ExecuteScalar()!;
        });

        Assert.True(File.Exists(database.Path));
        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task Reads_go_through_one_kept_connection_that_sees_what_was_committed_since()
    {
        using var directory = new TempDirectory();
        await using var database = directory.Open();
        database.EnsureSchema("CREATE TABLE IF NOT EXISTS t (v INTEGER)");
        // A TEMP table lives on its connection only: the next read finds it if it runs on the same one.
        database.Read(connection => { Execute(connection, "CREATE TEMP TABLE mine (v INTEGER)"); return 0; });
        await database.WriteAsync(connection => Execute(connection, "INSERT INTO t VALUES (1)"));

        var (kept, committed) = database.Read(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT (SELECT COUNT(*) FROM temp.sqlite_master WHERE name = 'mine'), (SELECT COUNT(*) FROM t)";
            using var reader = command.ExecuteReader();
            reader.Read();
            return (reader.GetInt64(0), reader.GetInt64(1));
        });

        Assert.Equal(1, kept);
        Assert.Equal(1, committed);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
