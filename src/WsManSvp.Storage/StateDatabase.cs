using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace WsManSvp.Storage;

/// <summary>
/// The service's persistent state: one SQLite file in the data directory, in WAL mode so a kill -9 loses
/// nothing committed. Every write goes through one writer thread, never a request thread: writers await
/// their turn, and the writes queued meanwhile commit together in one transaction (group commit), each in
/// its own savepoint so one failing write fails alone. State is read whole at start-up; afterwards each
/// component keeps its state in memory and writes through. Reads share one kept connection (opening one
/// costs a schema parse and file reads), one read at a time; callers run them off the request threads.
/// </summary>
public sealed class StateDatabase : IAsyncDisposable
{
    public const string FileName = "state.db";
    private const int MaxBatch = 256;

    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    private readonly SqliteConnection _reader;
    private readonly Lock _readLock = new();
    private readonly Channel<Write> _queue = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Thread _thread;

    private StateDatabase(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        _writer = new SqliteConnection(_connectionString);
        _writer.Open();
        // WAL survives a process kill with synchronous=NORMAL: a commit is in the log before it returns.
        Execute(_writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;");
        _reader = OpenReader();
        _thread = new Thread(WriteLoop) { IsBackground = true, Name = "state.db writer" };
        _thread.Start();
    }

    public string Path { get; }

    /// <summary>Opens (creating if needed) the state file in <paramref name="directory"/>.</summary>
    public static StateDatabase Open(string directory)
    {
        Directory.CreateDirectory(directory);
        return new StateDatabase(System.IO.Path.Combine(directory, FileName));
    }

    /// <summary>Runs DDL ("CREATE TABLE IF NOT EXISTS ...") at start-up, before the component reads or writes.</summary>
    public void EnsureSchema(string sql)
    {
        using var connection = OpenReader();
        Execute(connection, sql);
    }

    /// <summary>Reads on the kept read connection (never on a request thread: it waits for the read before it).</summary>
    public T Read<T>(Func<SqliteConnection, T> read)
    {
        lock (_readLock) return read(_reader);
    }

    /// <summary>Queues a write; the task completes once it is committed, or faults with its exception.</summary>
    public Task WriteAsync(Action<SqliteConnection> write)
    {
        var pending = new Write(write, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
            pending.Done.SetException(new ObjectDisposedException(nameof(StateDatabase), "The state database is closed."));
        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.Run(_thread.Join).ConfigureAwait(false);
        _writer.Dispose();
        lock (_readLock) _reader.Dispose();
    }

    private void WriteLoop()
    {
        var batch = new List<Write>(MaxBatch);
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            Commit(batch);
            batch.Clear();
        }
    }

    private void Commit(List<Write> batch)
    {
        var failures = new Exception?[batch.Count];
        try
        {
            Execute(_writer, "BEGIN IMMEDIATE");
            for (var i = 0; i < batch.Count; i++)
            {
                Execute(_writer, "SAVEPOINT w");
                try
                {
                    batch[i].Action(_writer);
                    Execute(_writer, "RELEASE w");
                }
                catch (Exception e)
                {
                    failures[i] = e;
                    Execute(_writer, "ROLLBACK TO w; RELEASE w");
                }
            }
            Execute(_writer, "COMMIT");
        }
        catch (Exception e)
        {
            RollBack();
            foreach (var write in batch) write.Done.TrySetException(e);
            return;
        }
        for (var i = 0; i < batch.Count; i++)
        {
            if (failures[i] is { } failure) batch[i].Done.TrySetException(failure);
            else batch[i].Done.TrySetResult();
        }
    }

    private void RollBack()
    {
        try { Execute(_writer, "ROLLBACK"); }
        catch (SqliteException) { } // no transaction was open: BEGIN itself failed
    }

    private SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout=5000;");
        return connection;
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private sealed record Write(Action<SqliteConnection> Action, TaskCompletionSource Done);
}
