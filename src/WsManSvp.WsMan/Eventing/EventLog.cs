using Microsoft.Data.Sqlite;
using WsManSvp.Storage;

namespace WsManSvp.WsMan.Eventing;

/// <summary>
/// The per-subscription event logs in the state database: each matched event under its subscription's next
/// sequence number, the last <see cref="EventingOptions.MaxLoggedEvents"/> kept. They back Pull, push
/// retries and bookmarks, and survive a restart. Reads run off the request threads.
/// </summary>
public sealed class EventLog
{
    private const string Table = "eventing_log";
    private readonly StateDatabase _database;
    private readonly int _capacity;

    public EventLog(StateDatabase database, int capacity)
    {
        _database = database;
        _capacity = capacity;
        database.EnsureSchema($"CREATE TABLE IF NOT EXISTS {Table} (subscription TEXT NOT NULL, seq INTEGER NOT NULL, " +
                              "time INTEGER NOT NULL, resource_uri TEXT NOT NULL, body BLOB NOT NULL, PRIMARY KEY (subscription, seq)) WITHOUT ROWID");
    }

    /// <summary>Appends entries (one transaction), then drops what each subscription's log holds beyond its capacity.</summary>
    public Task AppendAsync(IReadOnlyList<(string Subscription, LoggedEvent Event)> entries) => _database.WriteAsync(connection =>
    {
        using var insert = connection.CreateCommand();
        insert.CommandText = $"INSERT OR REPLACE INTO {Table} (subscription, seq, time, resource_uri, body) VALUES ($s, $q, $t, $u, $b)";
        var s = insert.Parameters.Add("$s", SqliteType.Text);
        var q = insert.Parameters.Add("$q", SqliteType.Integer);
        var t = insert.Parameters.Add("$t", SqliteType.Integer);
        var u = insert.Parameters.Add("$u", SqliteType.Text);
        var b = insert.Parameters.Add("$b", SqliteType.Blob);
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (subscription, e) in entries)
        {
            s.Value = subscription;
            q.Value = e.Sequence;
            t.Value = e.Time.ToUnixTimeMilliseconds();
            u.Value = e.ResourceUri;
            b.Value = e.Body.ToArray();
            insert.ExecuteNonQuery();
            last[subscription] = e.Sequence;
        }
        using var trim = connection.CreateCommand();
        trim.CommandText = $"DELETE FROM {Table} WHERE subscription = $s AND seq <= $q";
        var ts = trim.Parameters.Add("$s", SqliteType.Text);
        var tq = trim.Parameters.Add("$q", SqliteType.Integer);
        foreach (var (subscription, sequence) in last)
        {
            ts.Value = subscription;
            tq.Value = sequence - _capacity;
            trim.ExecuteNonQuery();
        }
    });

    /// <summary>Up to <paramref name="max"/> events after <paramref name="after"/>, in order.</summary>
    public Task<List<LoggedEvent>> ReadAsync(string subscription, long after, int max) => Task.Run(() => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT seq, time, resource_uri, body FROM {Table} WHERE subscription = $s AND seq > $q ORDER BY seq LIMIT $n";
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
        command.CommandText = $"SELECT subscription, MAX(seq) FROM {Table} GROUP BY subscription";
        using var reader = command.ExecuteReader();
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read()) last[reader.GetString(0)] = reader.GetInt64(1);
        return last;
    });

    public Task DeleteAsync(string subscription) => _database.WriteAsync(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM {Table} WHERE subscription = $s";
        command.Parameters.AddWithValue("$s", subscription);
        command.ExecuteNonQuery();
    });

    /// <summary>Seeds a log with another's events after a sequence number (a Subscribe resuming from a bookmark).</summary>
    public Task CopyAsync(string from, string to, long after) => _database.WriteAsync(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"INSERT OR REPLACE INTO {Table} (subscription, seq, time, resource_uri, body) " +
                              $"SELECT $to, seq, time, resource_uri, body FROM {Table} WHERE subscription = $from AND seq > $after";
        command.Parameters.AddWithValue("$to", to);
        command.Parameters.AddWithValue("$from", from);
        command.Parameters.AddWithValue("$after", after);
        command.ExecuteNonQuery();
    });
}
