// SKELETON of issue 6's seam (branch ev): the protocol layer's eventing machinery (subscriptions, delivery,
// event logs) is written against this; the CIM binding implements it over the indication source.
using System.Xml;
using WsManSvp.WsMan.Resources;

namespace WsManSvp.WsMan.Eventing;

/// <summary>
/// What a subscription selects, as the resource layer understood it (WQL/CQL over indication classes, or a
/// class resource URI's own events); opaque to the protocol layer, which stores <see cref="ResourceUri"/>,
/// <see cref="Dialect"/> and <see cref="Text"/> to restore it after a restart.
/// </summary>
public interface IEventFilter
{
    string ResourceUri { get; }

    /// <summary>The filter dialect URI; null for a subscription without a filter.</summary>
    string? Dialect { get; }

    /// <summary>The filter's text (the query); null for a subscription without a filter.</summary>
    string? Text { get; }
}

/// <summary>
/// One event (an indication) as the resource layer produced it: written once as the XML of its body element
/// (self-contained: it declares every namespace it uses), shared by every subscriber.
/// </summary>
public interface IEvent
{
    /// <summary>The event body element, UTF-8, e.g. a CIM_InstModification instance per DSP0230.</summary>
    ReadOnlyMemory<byte> Body { get; }

    /// <summary>The resource URI of the event's class (wsman:ResourceURI header of the delivery, DSP0226 10.2.9).</summary>
    string ResourceUri { get; }

    DateTimeOffset Time { get; }
}

/// <summary>
/// What the protocol layer asks of the resources for eventing (DSP0226 clause 10; DSP0227 clause 10). Failures
/// are WS-Man faults (<see cref="Faults.WsManFaultException"/>).
/// </summary>
public interface IEventService
{
    /// <summary>
    /// Reads a Subscribe's wsman:Filter (the reader is on it; the method consumes it) or, with a null reader, the
    /// default filter of the resource URI (a class URI: that class's events). Faults: wsman:CannotProcessFilter,
    /// wsen:FilterDialectRequestedUnavailable / wse:FilteringRequestedUnavailable, wsa:DestinationUnreachable.
    /// </summary>
    IEventFilter ReadEventFilter(ResourceRequest request, string? dialect, XmlReader? filter);

    /// <summary>A stored filter again, after a restart (it was valid when stored).</summary>
    IEventFilter RestoreEventFilter(string resourceUri, string? dialect, string? text);

    bool Matches(IEventFilter filter, IEvent e);

    /// <summary>
    /// Every event from the call on, in order; the stream ends when the token is cancelled. The eventing machinery
    /// reads it through bounded stages (it waits while the event logs are being written): the source must not block
    /// its own work on a slow reader (buffer boundedly; drop the oldest and log it when full).
    /// </summary>
    IAsyncEnumerable<IEvent> WatchAsync(CancellationToken cancellationToken);
}
