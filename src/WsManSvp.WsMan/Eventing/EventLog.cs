using Microsoft.Data.Sqlite;
using WsManSvp.Storage;

namespace WsManSvp.WsMan.Eventing;

/// <summary>
/// The per-subscription event logs in the state database. Each event's body is stored once (eventing_events,
/// by a global event number), each subscription's log entry only names it under that subscription's next
/// sequence number (eventing_entries), the last <see cref="EventingOptions.MaxLoggedEvents"/> kept; an event
/// goes once no entry names it. They back Pull, push retries and bookmarks, and survive a restart; deliveries
/// that keep up are served from memory (<see cref="ActiveSubscription"/>), so reads here are for the behind.
/// Reads run off the request threads.
/// </summary>
public sealed class EventLog
{
    private const string Events = "eventing_events";
    private const string Entries = "eventing_entries";
    private readonly StateDatabase _database;
    private readonly int _capacity;

    public EventLog(StateDatabase database, int capacity)
    {
        _database = database;
        _capacity = capacity;
        // eventing_log held a copy of the body per subscription (before the shared events); its events are not carried over.
        database.EnsureSchema("DROP TABLE IF EXISTS eventing_log");
        database.EnsureSchema($"CREATE TABLE IF NOT EXISTS {Events} (id INTEGER PRIMARY KEY, time INTEGER NOT NULL, " +
                              "resource_uri TEXT NOT NULL, body BLOB NOT NULL)");
        database.EnsureSchema($"CREATE TABLE IF NOT EXISTS {Entries} (subscription TEXT NOT NULL, seq INTEGER NOT NULL, " +
                              "event INTEGER NOT NULL, PRIMARY KEY (subscription, seq)) WITHOUT ROWID");
        database.EnsureSchema($"CREATE INDEX IF NOT EXISTS {Entries}_event ON {Entries} (event)");
    }

    /// <summary>
    /// Appends entries (one transaction; an event's body is written with its first entry), then drops what each
    /// subscription's log holds beyond its capacity and the events no entry names any more.
    /// </summary>
    public Task AppendAsync(IReadOnlyList<LogEntry> entries) => _database.WriteAsync(connection =>
    {
        using var insertEvent = connection.CreateCommand();
        insertEvent.CommandText = $"INSERT OR IGNORE INTO {Events} (id, time, resource_uri, body) VALUES ($id, $t, $u, $b)";
        var id = insertEvent.Parameters.Add("$id", SqliteType.Integer);
        var t = insertEvent.Parameters.Add("$t", SqliteType.Integer);
        var u = insertEvent.Parameters.Add("$u", SqliteType.Text);
        var b = insertEvent.Parameters.Add("$b", SqliteType.Blob);
        using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT OR REPLACE INTO {Entries} (subscription, seq, event) VALUES ($s, $q, $e)";
        var s = insert.Parameters.Add("$s", SqliteType.Text);
        var q = insert.Parameters.Add("$q", SqliteType.Integer);
        var ev = insert.Parameters.Add("$e", SqliteType.Integer);
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        var written = 0L;
        foreach (var entry in entries)
        {
            if (entry.EventId != written)
            {
                // The pump numbers events in order, so one event's entries are adjacent.
                id.Value = written = entry.EventId;
                t.Value = entry.Event.Time.ToUnixTimeMilliseconds();
                u.Value = entry.Event.ResourceUri;
                b.Value = entry.Event.Body.ToArray();
                insertEvent.ExecuteNonQuery();
            }
            s.Value = entry.Subscription;
            q.Value = entry.Event.Sequence;
            ev.Value = entry.EventId;
            insert.ExecuteNonQuery();
            last[entry.Subscription] = entry.Event.Sequence;
        }
        var released = new HashSet<long>();
        foreach (var (subscription, sequence) in last)
        {
            if (sequence > _capacity) DeleteEntries(connection, subscription, sequence - _capacity, released);
        }
        DeleteUnnamed(connection, released);
    });

    /// <summary>Up to <paramref name="max"/> events after <paramref name="after"/>, in order.</summary>
    public Task<List<LoggedEvent>> ReadAsync(string subscription, long after, int max) => Task.Run(() => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT n.seq, e.time, e.resource_uri, e.body FROM {Entries} n JOIN {Events} e ON e.id = n.event " +
                              "WHERE n.subscription = $s AND n.seq > $q ORDER BY n.seq LIMIT $n";
        command.Parameters.AddWithValue("$s", subscription);
        command.Parameters.AddWithValue("$q", after);
        command.Parameters.AddWithValue("$n", max);
        using var reader = command.ExecuteReader();
        var events = new List<LoggedEvent>();
        while (reader.Read())
            events.Add(new LoggedEvent(reader.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), reader.GetString(2), (byte[])reader[3]));
        return events;
    }));

    /// <summary>The last sequence number of every log (at start-up, to go on numbering).</summary>
    public Dictionary<string, long> LastSequences() => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT subscription, MAX(seq) FROM {Entries} GROUP BY subscription";
        using var reader = command.ExecuteReader();
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read()) last[reader.GetString(0)] = reader.GetInt64(1);
        return last;
    });

    /// <summary>The last global event number given (at start-up, to go on numbering).</summary>
    public long LastEventId() => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COALESCE(MAX(id), 0) FROM {Events}";
        return (long)command.ExecuteScalar()!;
    });

    public Task DeleteAsync(string subscription) => _database.WriteAsync(connection =>
    {
        var released = new HashSet<long>();
        DeleteEntries(connection, subscription, long.MaxValue, released);
        DeleteUnnamed(connection, released);
    });

    /// <summary>Seeds a log with another's events after a sequence number (a Subscribe resuming from a bookmark).</summary>
    public Task CopyAsync(string from, string to, long after) => _database.WriteAsync(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"INSERT OR REPLACE INTO {Entries} (subscription, seq, event) " +
                              $"SELECT $to, seq, event FROM {Entries} WHERE subscription = $from AND seq > $after";
        command.Parameters.AddWithValue("$to", to);
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$after", after);
        command.ExecuteNonQuery();
    });

    private static void DeleteEntries(SqliteConnection connection, string subscription, long through, HashSet<long> released)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM {Entries} WHERE subscription = $s AND seq <= $q RETURNING event";
        command.Parameters.AddWithValue("$s", subscription);
        command.Parameters.AddWithValue("$q", through);
        using var reader = command.ExecuteReader();
        while (reader.Read()) released.Add(reader.GetInt64(0));
    }

    private static void DeleteUnnamed(SqliteConnection connection, HashSet<long> events)
    {
        if (events.Count == 0) return;
        using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM {Events} WHERE id = $e AND NOT EXISTS (SELECT 1 FROM {Entries} WHERE event = $e)";
        var e = command.Parameters.Add("$e", SqliteType.Integer);
        foreach (var id in events)
        {
            e.Value = id;
            command.ExecuteNonQuery();
        }
    }
}
