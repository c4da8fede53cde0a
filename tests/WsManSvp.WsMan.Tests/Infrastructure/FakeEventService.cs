using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using System.Xml;
using WsManSvp.WsMan.Eventing;
using WsManSvp.WsMan.Faults;
using WsManSvp.WsMan.Resources;

namespace WsManSvp.WsMan.Tests.Infrastructure;

/// <summary>
/// An event source whose events the test publishes, with one trivial filter dialect: the filter text is a
/// substring the event body must contain; WQL is taken as written and matches every event. Resource URIs: any CIM class URI, or the all-classes URI.
/// </summary>
public sealed class FakeEventService : IEventService
{
    public const string ContainsDialect = "urn:test:contains";
    public const string EventNs = "urn:test:event";
    public const string Wql = "http://schemas.microsoft.com/wbem/wsman/1/WQL";

    private readonly Lock _lock = new();
    private readonly List<Channel<IEvent>> _watchers = [];

    public int RestoredFilters { get; private set; }

    /// <summary>How many watchers are listening (the eventing machinery watches once it is open).</summary>
    public int Watchers
    {
        get { lock (_lock) return _watchers.Count; }
    }

    public IEventFilter ReadEventFilter(ResourceRequest request, string? dialect, XmlReader? filter)
    {
        if (!request.ResourceUri.StartsWith(Ns.ClassPrefix, StringComparison.Ordinal) && request.ResourceUri != "http://schemas.dmtf.org/wbem/wscim/1/*")
            throw Fault.InvalidResourceUri(request.ResourceUri).ToException();
        if (filter is null) return new Filter(request.ResourceUri, null, null);
        if (dialect is not ContainsDialect and not Wql) throw Fault.FilteringRequestedUnavailable(dialect).ToException();
        return new Filter(request.ResourceUri, dialect, filter.ReadElementContentAsString());
    }

    public IEventFilter RestoreEventFilter(string resourceUri, string? dialect, string? text)
    {
        RestoredFilters++;
        return new Filter(resourceUri, dialect, text);
    }

    public bool Matches(IEventFilter filter, IEvent e) =>
        filter.Dialect != ContainsDialect || Encoding.UTF8.GetString(e.Body.Span).Contains(filter.Text!, StringComparison.Ordinal);

    public async IAsyncEnumerable<IEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<IEvent>();
        lock (_lock) _watchers.Add(channel);
        try
        {
            await foreach (var e in channel.Reader.ReadAllAsync(cancellationToken)) yield return e;
        }
        finally
        {
            lock (_lock) _watchers.Remove(channel);
        }
    }

    /// <summary>Publishes an event whose body is &lt;e:Event xmlns:e="urn:test:event"&gt;text&lt;/e:Event&gt;.</summary>
    public void Publish(string text)
    {
        var e = new Event(Encoding.UTF8.GetBytes($"<e:Event xmlns:e=\"{EventNs}\">{Request.Escape(text)}</e:Event>"),
            Ns.ClassPrefix + "CIM_InstModification", DateTimeOffset.UtcNow);
        lock (_lock)
            foreach (var w in _watchers) w.Writer.TryWrite(e);
    }

    private sealed record Filter(string ResourceUri, string? Dialect, string? Text) : IEventFilter;

    private sealed record Event(ReadOnlyMemory<byte> Body, string ResourceUri, DateTimeOffset Time) : IEvent;
}
