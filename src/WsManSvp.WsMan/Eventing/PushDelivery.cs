using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Soap;

namespace WsManSvp.WsMan.Eventing;

/// <summary>
/// Delivers a push subscription's log to its NotifyTo (DSP0226 10.2.9): Push (one event per message),
/// PushWithAck (waits for wsman:Ack), Events (batches of MaxElements, or what MaxTime gathered); heartbeats when
/// idle, bookmarks when asked, wsman:DroppedEvents for what the bounded log lost while the sink was behind.
/// A failed delivery is retried per ConnectionRetry with growing intervals; past that the subscription ends
/// with a SubscriptionEnd (wse:DeliveryFailure).
/// </summary>
internal sealed class PushDelivery : IDisposable
{
    private static readonly MediaTypeHeaderValue SoapContentType = MediaTypeHeaderValue.Parse("application/soap+xml;charset=UTF-8");

    private readonly EventingService _service;
    private readonly EventingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HttpClient _http;

    public PushDelivery(EventingService service, EventingOptions options, TimeProvider time, ILogger logger, HttpMessageHandler? handler)
    {
        _service = service;
        _options = options;
        _time = time;
        _logger = logger;
        // One pooled handler: connections are kept per sink endpoint, at most MaxConnectionsPerSink (a fan-out to one
        // sink queues for them rather than opening a socket per subscription); short connect timeout so a dead sink fails fast.
        _http = new HttpClient(handler ?? new SocketsHttpHandler
        {
            ConnectTimeout = options.DeliveryTimeout,
            MaxConnectionsPerServer = options.MaxConnectionsPerSink,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            AllowAutoRedirect = false,
            UseCookies = false,
            SslOptions = { RemoteCertificateValidationCallback = SinkCertificates.Validator(options.TrustedSinkRoots) },
        }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task RunAsync(ActiveSubscription s)
    {
        try
        {
            await DeliverAsync(s).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (s.Ended.IsCancellationRequested) { }
        catch (Exception e)
        {
            _logger.LogError(e, "Delivery to subscription {Id} failed", s.Id);
        }
    }

    private async Task DeliverAsync(ActiveSubscription s)
    {
        var ended = s.Ended.Token;
        var lastSent = _time.GetUtcNow();
        while (!ended.IsCancellationRequested)
        {
            var sub = s.Subscription;
            var batchSize = sub.Mode == DeliveryMode.Events ? Math.Min(sub.MaxElements, _options.MaxBatchElements) : 1;
            var changed = s.LogChanged;
            var events = await _service.ReadLoggedAsync(s, batchSize).ConfigureAwait(false);
            if (events.Count == 0)
            {
                var heartbeatDue = sub.Heartbeats is { } hb ? lastSent + hb - _time.GetUtcNow() : Timeout.InfiniteTimeSpan;
                if (heartbeatDue != Timeout.InfiniteTimeSpan && heartbeatDue <= TimeSpan.Zero)
                {
                    if (!await SendWithRetriesAsync(s, w => WriteHeartbeat(w, s), null).ConfigureAwait(false)) return;
                    lastSent = _time.GetUtcNow();
                    continue;
                }
                await WaitAsync(changed, heartbeatDue, ended).ConfigureAwait(false);
                continue;
            }
            if (sub.Mode == DeliveryMode.Events && events.Count < batchSize && sub.MaxTime is { } maxTime)
            {
                // Gather a fuller batch until the oldest event has waited MaxTime.
                var due = events[0].Time + maxTime - _time.GetUtcNow();
                if (due > TimeSpan.Zero && s.Logged < events[0].Sequence + batchSize - 1)
                {
                    await WaitAsync(changed, due, ended).ConfigureAwait(false);
                    if (_time.GetUtcNow() < events[0].Time + maxTime) continue;
                }
            }
            var dropped = events[0].Sequence - s.Delivered - 1;
            if (dropped > 0)
            {
                if (!await SendWithRetriesAsync(s, w => WriteDropped(w, s, dropped), null).ConfigureAwait(false)) return;
                _logger.LogWarning("Subscription {Id}: {Count} events dropped while its sink was behind", s.Id, dropped);
            }
            var last = events[^1].Sequence;
            if (!await SendWithRetriesAsync(s, w => WriteEvents(w, s, events), last).ConfigureAwait(false)) return;
            await _service.MarkDeliveredAsync(s, last).ConfigureAwait(false);
            lastSent = _time.GetUtcNow();
        }
    }

    private async Task WaitAsync(Task changed, TimeSpan timeout, CancellationToken ended)
    {
        try
        {
            await changed.WaitAsync(timeout, _time, ended).ConfigureAwait(false);
        }
        catch (TimeoutException) { }
    }

    /// <summary>Sends, retrying per the subscription's ConnectionRetry; false once the subscription has ended.</summary>
    private async Task<bool> SendWithRetriesAsync(ActiveSubscription s, Func<Utf8XmlWriter, string> write, long? bookmark)
    {
        var retry = s.Subscription.ConnectionRetry ?? _options.DefaultConnectionRetry;
        var total = Math.Min(retry.Total, _options.MaxConnectionRetries);
        var interval = retry.Interval;
        for (var attempt = 0; ; attempt++)
        {
            var outcome = await SendAsync(s, write).ConfigureAwait(false);
            if (outcome == Outcome.Delivered) return true;
            if (outcome == Outcome.Refused)
            {
                // MS-WSMV 3.1.4.1.30.2: the sink refused; the subscription ends with no SubscriptionEnd.
                await _service.EndAsync(s).ConfigureAwait(false);
                return false;
            }
            if (attempt >= total)
            {
                await _service.EndAsync(s, "wse:DeliveryFailure",
                    $"The events could not be delivered to {s.Subscription.NotifyTo!.Address} after {total + 1} attempts.").ConfigureAwait(false);
                return false;
            }
            await Task.Delay(interval, _time, s.Ended.Token).ConfigureAwait(false);
            interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, _options.MaxRetryInterval.Ticks));
        }
    }

    private enum Outcome { Delivered, Failed, Refused }

    private async Task<Outcome> SendAsync(ActiveSubscription s, Func<Utf8XmlWriter, string> write)
    {
        var sub = s.Subscription;
        using var w = new Utf8XmlWriter();
        var messageId = write(w);
        var expectsAck = sub.Mode == DeliveryMode.PushWithAck;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(s.Ended.Token);
        timeout.CancelAfter(_options.DeliveryTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, sub.NotifyTo!.HttpUri("wse:NotifyTo"))
            {
                Content = new ReadOnlyMemoryContent(w.WrittenMemory) { Headers = { ContentType = SoapContentType } },
            };
            if (sub.Credentials is { } c)
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(c.UserName + ":" + c.Password)));
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            var reply = SinkReply.Read(body);
            if (reply.Fault == "DeliveryRefused") return Outcome.Refused;
            if (!response.IsSuccessStatusCode) return Outcome.Failed;
            return !expectsAck || reply.IsAckOf(messageId) ? Outcome.Delivered : Outcome.Failed;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or System.Xml.XmlException && !s.Ended.IsCancellationRequested)
        {
            _logger.LogDebug(e, "Delivery to subscription {Id} at {Address} failed", s.Id, sub.NotifyTo!.Address);
            return Outcome.Failed;
        }
    }

    private static string WriteEvents(Utf8XmlWriter w, ActiveSubscription s, List<LoggedEvent> events)
    {
        var sub = s.Subscription;
        var batched = sub.Mode == DeliveryMode.Events;
        var id = EventMessageWriter.NewMessageId();
        EventMessageWriter.WriteStart(w, sub.NotifyTo!, batched ? Actions.Events : Actions.Event, id);
        if (!batched) w.Element("wsman:ResourceURI"u8, events[0].ResourceUri);
        if (sub.Mode != DeliveryMode.Push) EventMessageWriter.WriteAckRequested(w);
        if (sub.SendBookmarks) EventMessageWriter.WriteBookmark(w, new Bookmark(sub.Id, events[^1].Sequence));
        ResponseEnvelope.WriteBodyStart(w);
        if (batched) w.Start("wsman:Events"u8);
        foreach (var e in events) EventMessageWriter.WriteEvent(w, e, batched);
        if (batched) w.End("wsman:Events"u8);
        ResponseEnvelope.WriteEnd(w);
        return id;
    }

    private static string WriteHeartbeat(Utf8XmlWriter w, ActiveSubscription s)
    {
        var id = EventMessageWriter.NewMessageId();
        EventMessageWriter.WriteStart(w, s.Subscription.NotifyTo!, Actions.Heartbeat, id);
        if (s.Subscription.Mode == DeliveryMode.PushWithAck) EventMessageWriter.WriteAckRequested(w);
        ResponseEnvelope.WriteBodyStart(w);
        ResponseEnvelope.WriteEnd(w);
        return id;
    }

    private static string WriteDropped(Utf8XmlWriter w, ActiveSubscription s, long count)
    {
        var id = EventMessageWriter.NewMessageId();
        EventMessageWriter.WriteStart(w, s.Subscription.NotifyTo!, Actions.DroppedEvents, id);
        if (s.Subscription.Mode == DeliveryMode.PushWithAck) EventMessageWriter.WriteAckRequested(w);
        ResponseEnvelope.WriteBodyStart(w);
        EventMessageWriter.WriteDroppedEvents(w, count);
        ResponseEnvelope.WriteEnd(w);
        return id;
    }

    /// <summary>Tells EndTo the subscription ended; one attempt, best effort (the subscription is gone either way).</summary>
    public async Task SendSubscriptionEndAsync(Subscription s, string status, string reason)
    {
        using var w = new Utf8XmlWriter();
        EventMessageWriter.WriteSubscriptionEnd(w, s, status, reason);
        using var timeout = new CancellationTokenSource(_options.DeliveryTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, s.EndTo!.HttpUri("wse:EndTo"))
            {
                Content = new ReadOnlyMemoryContent(w.WrittenMemory) { Headers = { ContentType = SoapContentType } },
            };
            if (s.Credentials is { } c)
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(c.UserName + ":" + c.Password)));
            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            _logger.LogInformation(e, "SubscriptionEnd for {Id} could not be sent to {Address}", s.Id, s.EndTo!.Address);
        }
    }

    public void Dispose() => _http.Dispose();
}
