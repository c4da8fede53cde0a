using WsManSvp.Storage;
using WsManSvp.WsMan.Eventing;

namespace WsManSvp.WsMan.Tests.Eventing;

public sealed class EventLogTests : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "wsmansvp-eventlog-" + Guid.NewGuid().ToString("N"));
    private readonly StateDatabase _database;

    public EventLogTests() => _database = StateDatabase.Open(_directory);

    private static LoggedEvent Event(long sequence, string body) => new(sequence, DateTimeOffset.UnixEpoch, "urn:r", System.Text.Encoding.UTF8.GetBytes(body));

    private long StoredEvents() => _database.Read(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM eventing_events";
        return (long)command.ExecuteScalar()!;
    });

    [Fact]
    public async Task An_event_for_many_subscriptions_is_stored_once_and_read_back_in_each_log()
    {
        var log = new EventLog(_database, capacity: 10);

        await log.AppendAsync([new("a", 1, Event(1, "x")), new("b", 1, Event(7, "x")), new("c", 1, Event(1, "x")), new("a", 2, Event(2, "y"))]);

        Assert.Equal(2, StoredEvents());
        Assert.Equal([1L, 2L], (await log.ReadAsync("a", 0, 10)).Select(e => e.Sequence));
        Assert.Equal("x", System.Text.Encoding.UTF8.GetString((await log.ReadAsync("b", 6, 10)).Single().Body.Span));
        Assert.Equal(2, log.LastEventId());
    }

    [Fact]
    public async Task An_event_goes_once_no_log_holds_it_any_more()
    {
        var log = new EventLog(_database, capacity: 1);
        await log.AppendAsync([new("a", 1, Event(1, "x")), new("b", 1, Event(1, "x"))]);

        await log.AppendAsync([new("a", 2, Event(2, "y"))]); // a's log drops event 1; b's still holds it
        Assert.Equal(2, StoredEvents());
        await log.DeleteAsync("b");

        Assert.Equal(1, StoredEvents());
        Assert.Equal([2L], (await log.ReadAsync("a", 0, 10)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task A_copied_log_names_the_same_events()
    {
        var log = new EventLog(_database, capacity: 10);
        await log.AppendAsync([new("a", 1, Event(1, "x")), new("a", 2, Event(2, "y"))]);

        await log.CopyAsync("a", "b", after: 1);
        await log.DeleteAsync("a");

        Assert.Equal(1, StoredEvents());
        Assert.Equal("y", System.Text.Encoding.UTF8.GetString((await log.ReadAsync("b", 0, 10)).Single().Body.Span));
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        try { Directory.Delete(_directory, true); }
        catch (IOException) { }
    }
}
