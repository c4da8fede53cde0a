using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using System.Xml;
using WsManSvp.WsMan.Eventing;
using WsManSvp.WsMan.Faults;
using WsManSvp.WsMan.Resources;

namespace WsManSvp.Server.Tests.Eventing;

/// <summary>
/// Stands in for the CIM layer's indications until they exist: any CIM class URI can be subscribed to, with
/// or without a WQL filter (taken as written, matching every event); the test publishes the events.
/// </summary>
public sealed class TestEventSource : IEventService
{
    public const string EventNs = "urn:test:event";
    private const string ClassPrefix = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";

    private readonly Lock _lock = new();
    private readonly List<Channel<IEvent>> _watchers = [];

    public int Watchers
    {
        get { lock (_lock) return _watchers.Count; }
    }

    public IEventFilter ReadEventFilter(ResourceRequest request, string? dialect, XmlReader? filter)
    {
        if (!request.ResourceUri.StartsWith(ClassPrefix, StringComparison.Ordinal)) throw Fault.InvalidResourceUri(request.ResourceUri).ToException();
        return new Filter(request.ResourceUri, filter is null ? null : dialect, filter?.ReadElementContentAsString());
    }

    public IEventFilter RestoreEventFilter(string resourceUri, string? dialect, string? text) => new Filter(resourceUri, dialect, text);

    public bool Matches(IEventFilter filter, IEvent e) => true;

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

    public void Publish(string text)
    {
        var e = new Event(Encoding.UTF8.GetBytes($"<e:Event xmlns:e=\"{EventNs}\">{System.Security.SecurityElement.Escape(text)}</e:Event>"),
            ClassPrefix + "CIM_InstModification", DateTimeOffset.UtcNow);
        lock (_lock)
            foreach (var w in _watchers) w.Writer.TryWrite(e);
    }

    private sealed record Filter(string ResourceUri, string? Dialect, string? Text) : IEventFilter;

    private sealed record Event(ReadOnlyMemory<byte> Body, string ResourceUri, DateTimeOffset Time) : IEvent;
}
