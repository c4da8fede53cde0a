using Microsoft.Data.Sqlite;
using WsManSvp.Storage;

namespace WsManSvp.WsMan.Eventing;

/// <summary>
/// How far each subscription's events were delivered, in the state database: a narrow row per subscription
/// rather than its whole record. Marks made while a write is queued join it, so a fan-out's thousand marks
/// are one statement each in one commit, and each mark is still durable when <see cref="MarkAsync"/> completes.
/// </summary>
internal sealed class DeliveredMarks
{
    private const string Table = "eventing_delivered";
    private readonly StateDatabase _database;
    private readonly Lock _lock = new();
    private Dictionary<string, long> _pending = new(StringComparer.Ordinal);
    private Task? _queued;

    public DeliveredMarks(StateDatabase database)
    {
        _database = database;
        database.EnsureSchema($"CREATE TABLE IF NOT EXISTS {Table} (subscription TEXT PRIMARY KEY NOT NULL, seq INTEGER NOT NULL) WITHOUT ROWID");
    }

    public Dictionary<string, long> LoadAll() => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT subscription, seq FROM {Table}";
        using var reader = command.ExecuteReader();
        var marks = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read()) marks[reader.GetString(0)] = reader.GetInt64(1);
        return marks;
    });

    /// <summary>Records the mark; completes once it is committed (with the others queued meanwhile).</summary>
    public Task MarkAsync(string subscription, long sequence)
    {
        lock (_lock)
        {
            _pending[subscription] = sequence;
            // A queued write takes the pending marks only when it runs, so it still takes this one; one that
            // completed without running (its commit failed) is queued again.
            if (_queued is null || _queued.IsCompleted) _queued = _database.WriteAsync(Write);
            return _queued;
        }
    }

    public Task DeleteAsync(string subscription)
    {
        lock (_lock) _pending.Remove(subscription);
        return _database.WriteAsync(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM {Table} WHERE subscription = $s";
            command.Parameters.AddWithValue("$s", subscription);
            command.ExecuteNonQuery();
        });
    }

    private void Write(SqliteConnection connection)
    {
        Dictionary<string, long> marks;
        lock (_lock)
        {
            marks = _pending;
            _pending = new Dictionary<string, long>(StringComparer.Ordinal);
            _queued = null;
        }
        using var command = connection.CreateCommand();
        command.CommandText = $"INSERT OR REPLACE INTO {Table} (subscription, seq) VALUES ($s, $q)";
        var s = command.Parameters.Add("$s", SqliteType.Text);
        var q = command.Parameters.Add("$q", SqliteType.Integer);
        foreach (var (subscription, sequence) in marks)
        {
            s.Value = subscription;
            q.Value = sequence;
            command.ExecuteNonQuery();
        }
    }
}
