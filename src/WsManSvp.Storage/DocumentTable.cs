using Microsoft.Data.Sqlite;

namespace WsManSvp.Storage;

/// <summary>
/// A table of documents by key (a component's records serialized as JSON): loaded whole at start-up,
/// then written through one document at a time.
/// </summary>
public sealed class DocumentTable
{
    private readonly StateDatabase _database;
    private readonly string _name;

    /// <param name="name">The table's name: letters, digits and underscores (it is part of the SQL).</param>
    public DocumentTable(StateDatabase database, string name)
    {
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            throw new ArgumentException($"'{name}' is not a valid table name.", nameof(name));
        _database = database;
        _name = name;
        database.EnsureSchema($"CREATE TABLE IF NOT EXISTS {name} (key TEXT PRIMARY KEY NOT NULL, document TEXT NOT NULL)");
    }

    /// <summary>Every document, in key order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> LoadAll() => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT key, document FROM {_name} ORDER BY key";
        using var reader = command.ExecuteReader();
        var documents = new List<KeyValuePair<string, string>>();
        while (reader.Read()) documents.Add(new(reader.GetString(0), reader.GetString(1)));
        return documents;
    });

    /// <summary>Inserts or replaces documents, all or none.</summary>
    public Task PutAsync(params IReadOnlyList<KeyValuePair<string, string>> documents) => _database.WriteAsync(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"INSERT OR REPLACE INTO {_name} (key, document) VALUES ($key, $document)";
        var key = command.Parameters.Add("$key", SqliteType.Text);
        var document = command.Parameters.Add("$document", SqliteType.Text);
        foreach (var (k, d) in documents)
        {
            key.Value = k;
            document.Value = d;
            command.ExecuteNonQuery();
        }
    });

    public Task PutAsync(string key, string document) => PutAsync([new KeyValuePair<string, string>(key, document)]);

    public Task DeleteAsync(string key) => _database.WriteAsync(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM {_name} WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        command.ExecuteNonQuery();
    });
}
