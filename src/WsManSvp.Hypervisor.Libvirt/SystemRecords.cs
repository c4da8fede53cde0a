using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using WsManSvp.Storage;

namespace WsManSvp.Hypervisor.Libvirt;

/// <summary>What the backend keeps about a system that libvirt does not: when its state last changed, and the snapshot last applied.</summary>
internal sealed record SystemRecord(SystemState State, DateTimeOffset Since, string? LastAppliedSnapshot);

[JsonSerializable(typeof(SystemRecord))]
internal sealed partial class LibvirtJson : JsonSerializerContext;

/// <summary>
/// The <see cref="SystemRecord"/>s, by system UUID, in a table of the state database: loaded at open, kept in
/// memory, written through. Writes are not awaited by readers (a lost write costs only an earlier time of
/// state change after a restart), but failures are logged.
/// </summary>
internal sealed class SystemRecords
{
    public const string TableName = "libvirt_systems";

    private readonly DocumentTable _table;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<Guid, SystemRecord> _records = new();

    public SystemRecords(StateDatabase database, TimeProvider time, ILogger log)
    {
        _table = new DocumentTable(database, TableName);
        _time = time;
        _log = log;
        foreach (var (key, json) in _table.LoadAll())
        {
            if (Guid.TryParse(key, out var id) && Parse(json) is { } record) _records[id] = record;
            else log.LogWarning("Ignoring an unreadable record of system {Key}", key);
        }
    }

    /// <summary>When the system entered <paramref name="state"/>: the recorded time while it stays in it, else now (recorded).</summary>
    public DateTimeOffset Since(Guid id, SystemState state)
    {
        var record = _records.GetValueOrDefault(id);
        if (record is not null && record.State == state) return record.Since;
        return Put(id, new SystemRecord(state, _time.GetUtcNow(), record?.LastAppliedSnapshot)).Since;
    }

    /// <summary>Records that the system entered <paramref name="state"/> now, even if it was in it already (a reboot).</summary>
    public DateTimeOffset Restarted(Guid id, SystemState state) =>
        Put(id, new SystemRecord(state, _time.GetUtcNow(), _records.GetValueOrDefault(id)?.LastAppliedSnapshot)).Since;

    public string? LastApplied(Guid id) => _records.GetValueOrDefault(id)?.LastAppliedSnapshot;

    public void SetLastApplied(Guid id, SystemState state, string? snapshot)
    {
        var record = _records.GetValueOrDefault(id) ?? new SystemRecord(state, _time.GetUtcNow(), null);
        Put(id, record with { LastAppliedSnapshot = snapshot });
    }

    public void Forget(Guid id)
    {
        _records.TryRemove(id, out _);
        Logged(_table.DeleteAsync(Key(id)), id);
    }

    private SystemRecord Put(Guid id, SystemRecord record)
    {
        _records[id] = record;
        Logged(_table.PutAsync(Key(id), JsonSerializer.Serialize(record, LibvirtJson.Default.SystemRecord)), id);
        return record;
    }

    private void Logged(Task write, Guid id) =>
        write.ContinueWith(t => _log.LogError(t.Exception, "The record of system {Id} could not be stored", id),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    private static SystemRecord? Parse(string json)
    {
        try { return JsonSerializer.Deserialize(json, LibvirtJson.Default.SystemRecord); }
        catch (JsonException) { return null; }
    }

    private static string Key(Guid id) => id.ToString("D");
}
