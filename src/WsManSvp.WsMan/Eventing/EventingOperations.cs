using System.Xml;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Dispatch;
using WsManSvp.WsMan.Enumeration;
using WsManSvp.WsMan.Faults;
using WsManSvp.WsMan.Soap;

namespace WsManSvp.WsMan.Eventing;

/// <summary>
/// WS-Eventing Subscribe, Renew, GetStatus and Unsubscribe as DSP0226 clause 10 profiles them, and Pull and
/// Release on the enumeration context of a Pull-mode subscription. The subscription is addressed by the
/// wse:Identifier header its SubscriptionManager EPR carries. A request that faults changes nothing.
/// </summary>
public sealed class EventingOperations(EventingService eventing)
{
    /// <summary>Room kept for what follows the events in a PullResponse.</summary>
    private const int TrailerReserve = 128;

    public async ValueTask SubscribeAsync(OperationContext ctx, XmlReader reader)
    {
        var request = ctx.ResourceRequest();
        var body = SubscribeBody.Read(reader, eventing.Events, request);
        EnvelopeReader.ReadToEnd(reader);
        var options = eventing.Options;
        var now = eventing.Time.GetUtcNow();
        var (lifetime, asDateTime) = body.Expires is { } expires ? ExpirationTime.Read(expires, now) : (options.MaxExpiration, false);
        if (lifetime > options.MaxExpiration) lifetime = options.MaxExpiration; // WS-Eventing: the source may grant less
        var resume = body.Bookmark is null or Bookmark.Earliest ? null : Bookmark.Parse(body.Bookmark);
        var filter = body.Filter!;
        var subscription = new Subscription
        {
            Id = "uuid:" + Guid.NewGuid().ToString("D"),
            Owner = ctx.Caller.UserName,
            ResourceUri = filter.ResourceUri,
            Dialect = filter.Dialect,
            FilterText = filter.Text,
            Mode = body.Mode,
            NotifyTo = body.NotifyTo,
            EndTo = body.EndTo,
            Expires = now + lifetime,
            Created = now,
            ExpiresAsDateTime = asDateTime,
            Heartbeats = body.Heartbeats is { } hb && hb < options.MinHeartbeats ? options.MinHeartbeats : body.Heartbeats,
            SendBookmarks = body.SendBookmarks,
            MaxElements = body.MaxElements ?? 1,
            MaxTime = body.MaxTime,
            ConnectionRetry = body.ConnectionRetry,
            Credentials = Credentials(ctx, body),
            ContextId = body.Mode == DeliveryMode.Pull ? "uuid:" + Guid.NewGuid().ToString("D") : null,
            ManagerAddress = ctx.Headers.To ?? XmlNs.AnonymousAddress,
        };
        var active = await eventing.AddAsync(subscription, filter, resume).ConfigureAwait(false);

        var w = ctx.Writer;
        ctx.BeginReply(Actions.ResponseTo(Actions.Subscribe));
        w.Start("wse:SubscribeResponse"u8);
        w.Attribute("xmlns:wse"u8, XmlNs.Eventing);
        EventMessageWriter.WriteSubscriptionManager(w, active.Subscription);
        WriteExpires(w, active.Subscription, now);
        if (active.Subscription.ContextId is { } context) w.Element("wsen:EnumerationContext"u8, context);
        w.End("wse:SubscribeResponse"u8);
        ctx.EndReply();
    }

    public async ValueTask RenewAsync(OperationContext ctx, XmlReader reader)
    {
        var expires = ReadExpires(reader, "Renew");
        EnvelopeReader.ReadToEnd(reader);
        var now = eventing.Time.GetUtcNow();
        var s = eventing.Find(ctx.Headers.SubscriptionIdentifier, ctx.Caller.UserName)
                ?? throw Fault.UnableToRenew($"The subscription '{ctx.Headers.SubscriptionIdentifier}' is not active: it is unknown, expired or ended.").ToException();
        var (lifetime, asDateTime) = expires is null ? (eventing.Options.MaxExpiration, false) : ExpirationTime.Read(expires, now);
        if (lifetime > eventing.Options.MaxExpiration) lifetime = eventing.Options.MaxExpiration;
        await eventing.RenewAsync(s, now + lifetime, asDateTime).ConfigureAwait(false);
        WriteStatus(ctx, Actions.Renew, "wse:RenewResponse"u8, s.Subscription, now);
    }

    public ValueTask GetStatusAsync(OperationContext ctx, XmlReader reader)
    {
        CheckBody(reader, "GetStatus");
        EnvelopeReader.ReadToEnd(reader);
        var s = Active(ctx);
        WriteStatus(ctx, Actions.GetStatus, "wse:GetStatusResponse"u8, s.Subscription, eventing.Time.GetUtcNow());
        return ValueTask.CompletedTask;
    }

    public async ValueTask UnsubscribeAsync(OperationContext ctx, XmlReader reader)
    {
        CheckBody(reader, "Unsubscribe");
        EnvelopeReader.ReadToEnd(reader);
        await eventing.EndAsync(Active(ctx)).ConfigureAwait(false);
        ctx.BeginReply(Actions.ResponseTo(Actions.Unsubscribe));
        ctx.EndReply();
    }

    public bool IsEventContext(string? context) => eventing.Store.IsEventContext(context);

    /// <summary>
    /// Pull on a Pull-mode subscription (DSP0226 10.2.9.4): the events logged since the last Pull, waiting for
    /// some until the operation's timeout (then wsman:TimedOut, the subscription still live).
    /// </summary>
    public async ValueTask PullAsync(OperationContext ctx, ContextRequestBody pull)
    {
        var s = ByContext(ctx, pull.ContextId);
        await s.Gate.WaitAsync(ctx.CancellationToken).ConfigureAwait(false);
        try
        {
            // MS-WSMAN 3.1.4.1.8: wsen:MaxTime bounds the wait as OperationTimeout does, whichever is shorter.
            var maxTime = pull.MaxTime is { } asked && asked < ctx.Timeout ? asked : (TimeSpan?)null;
            var waitUntil = eventing.Time.GetUtcNow() + (maxTime ?? ctx.Timeout);
            List<LoggedEvent> events;
            while (true)
            {
                var changed = s.LogChanged;
                events = await eventing.ReadLoggedAsync(s, Math.Min(pull.MaxElements, eventing.Options.MaxBatchElements)).ConfigureAwait(false);
                if (events.Count > 0) break;
                await WaitForEventsAsync(ctx, s, changed, waitUntil - eventing.Time.GetUtcNow(), maxTime).ConfigureAwait(false);
            }
            var dropped = events[0].Sequence - s.Delivered - 1;
            var fitting = Fit(ctx, events, pull.MaxCharacters);
            var last = events[fitting - 1].Sequence;

            var w = ctx.Writer;
            ResponseEnvelope.WriteStart(w, Actions.ResponseTo(Actions.Pull), ctx.Headers.MessageId, ctx.Lang);
            if (s.Subscription.SendBookmarks) EventMessageWriter.WriteBookmark(w, new Bookmark(s.Id, last));
            ResponseEnvelope.WriteBodyStart(w);
            w.Start("wsen:PullResponse"u8);
            w.Element("wsen:EnumerationContext"u8, s.Subscription.ContextId!);
            w.Start("wsen:Items"u8);
            if (dropped > 0) EventMessageWriter.WriteDroppedEvents(w, dropped);
            for (var i = 0; i < fitting; i++) EventMessageWriter.WriteEvent(w, events[i], wrapped: false);
            w.End("wsen:Items"u8);
            w.End("wsen:PullResponse"u8);
            ctx.EndReply();
            await eventing.MarkDeliveredAsync(s, last).ConfigureAwait(false);
        }
        finally
        {
            s.Gate.Release();
        }
    }

    /// <summary>
    /// Waits for the log to change: until wsen:MaxTime (then TimedOut) or the operation's deadline (which the
    /// processor answers with TimedOut); InvalidEnumerationContext if the subscription ends meanwhile.
    /// </summary>
    private async Task WaitForEventsAsync(OperationContext ctx, ActiveSubscription s, Task changed, TimeSpan left, TimeSpan? maxTime)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(ctx.CancellationToken, s.Ended.Token);
        try
        {
            if (maxTime is null) await changed.WaitAsync(both.Token).ConfigureAwait(false);
            else await changed.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, eventing.Time, both.Token).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw Fault.TimedOut(maxTime!.Value).ToException();
        }
        catch (OperationCanceledException) when (s.Ended.IsCancellationRequested)
        {
            throw Fault.InvalidEnumerationContext("The subscription ended while the Pull waited for events.").ToException();
        }
    }

    /// <summary>Release of a Pull-mode subscription's context ends the subscription, as Unsubscribe does.</summary>
    public async ValueTask ReleaseAsync(OperationContext ctx, ContextRequestBody release)
    {
        await eventing.EndAsync(ByContext(ctx, release.ContextId)).ConfigureAwait(false);
        ctx.BeginReply(Actions.ResponseTo(Actions.Release));
        ctx.EndReply();
    }

    /// <summary>How many of the events fit the reply (MaxEnvelopeSize, MaxCharacters); at least one, or EncodingLimit.</summary>
    private static int Fit(OperationContext ctx, List<LoggedEvent> events, int? maxCharacters)
    {
        var budget = ctx.MaxReplySize - ctx.Writer.Length - 1024 - TrailerReserve; // the envelope, headers and a bookmark
        if (maxCharacters is { } max) budget = Math.Min(budget, max);
        var used = 0;
        for (var i = 0; i < events.Count; i++)
        {
            used += events[i].Body.Length;
            if (used > budget)
            {
                if (i > 0) return i;
                throw Fault.EncodingLimit("MaxEnvelopeSize", $"The next event ({events[i].Body.Length} octets) does not fit in a reply of at most {ctx.MaxReplySize} octets.").ToException();
            }
        }
        return events.Count;
    }

    private ActiveSubscription ByContext(OperationContext ctx, string? context)
    {
        var s = eventing.Store.FindByContext(context);
        if (s is null || s.Subscription.Expires <= eventing.Time.GetUtcNow())
            throw Fault.InvalidEnumerationContext($"The enumeration context '{context}' is not valid: its subscription is unknown, expired or ended.").ToException();
        if (s.Subscription.Owner != ctx.Caller.UserName) throw Fault.AccessDenied("The subscription belongs to another user.").ToException();
        return s;
    }

    private ActiveSubscription Active(OperationContext ctx) =>
        eventing.Find(ctx.Headers.SubscriptionIdentifier, ctx.Caller.UserName)
        ?? throw Fault.DestinationUnreachable(ctx.Headers.SubscriptionIdentifier is null
            ? "The request has no wse:Identifier header naming the subscription."
            : $"The subscription '{ctx.Headers.SubscriptionIdentifier}' is not active: it is unknown, expired or ended.").ToException();

    /// <summary>The issued username token for the NotifyTo address when wsman:Auth asks for Basic (DSP0226 10.2.2).</summary>
    private static SinkCredentials? Credentials(OperationContext ctx, SubscribeBody body)
    {
        if (body.AuthProfile is null) return null;
        var token = ctx.Headers.IssuedTokens.FirstOrDefault(t => t.AppliesTo is null || t.AppliesTo == body.NotifyTo!.Address)
                    ?? throw Fault.InvalidParameter("MissingValues", "wsman:Auth asks for Basic, but no wst:IssuedTokens header issues a username token for the NotifyTo address.").ToException();
        return new SinkCredentials(body.AuthProfile, token.UserName, token.Password);
    }

    private static string? ReadExpires(XmlReader r, string element)
    {
        CheckBodyElement(r, element);
        string? expires = null;
        if (r.EnterElement())
        {
            do
            {
                if (r.LocalName == "Expires" && r.NamespaceURI == XmlNs.Eventing) expires = r.ReadElementContentAsString();
                else r.Skip();
            } while (r.NextChildElement());
            r.LeaveElement();
        }
        return expires;
    }

    private static void CheckBody(XmlReader r, string element)
    {
        CheckBodyElement(r, element);
        r.Skip();
    }

    private static void CheckBodyElement(XmlReader r, string element)
    {
        if (r.NodeType != XmlNodeType.Element || r.LocalName != element || r.NamespaceURI != XmlNs.Eventing)
            throw Fault.SchemaValidationError($"The body of a {element} request must be a wse:{element} element.").ToException();
    }

    private static void WriteStatus(OperationContext ctx, string action, ReadOnlySpan<byte> element, Subscription s, DateTimeOffset now)
    {
        var w = ctx.Writer;
        ctx.BeginReply(Actions.ResponseTo(action));
        w.Start(element);
        w.Attribute("xmlns:wse"u8, XmlNs.Eventing);
        WriteExpires(w, s, now);
        w.End(element);
        ctx.EndReply();
    }

    private static void WriteExpires(Utf8XmlWriter w, Subscription s, DateTimeOffset now) =>
        w.Element("wse:Expires"u8, ExpirationTime.Format(s.Expires, s.ExpiresAsDateTime, now));
}
