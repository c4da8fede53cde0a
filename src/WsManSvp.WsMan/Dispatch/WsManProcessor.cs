using System.Xml;
using Microsoft.Extensions.Logging;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Enumeration;
using WsManSvp.WsMan.Eventing;
using WsManSvp.WsMan.Faults;
using WsManSvp.WsMan.Operations;
using WsManSvp.WsMan.Resources;
using WsManSvp.WsMan.Soap;

namespace WsManSvp.WsMan.Dispatch;

/// <summary>
/// The protocol layer's entry: one request envelope in, one reply out. Reads and checks the headers,
/// lets only Identify through for an unauthenticated caller, dispatches by action, and turns every
/// failure into the precise fault (never a stack trace).
/// </summary>
public sealed class WsManProcessor(
    IResourceService resources,
    EnumerationContextStore contexts,
    WsManOptions options,
    TimeProvider time,
    ILogger<WsManProcessor> logger,
    EventingService? eventing = null)
{
    private static ReadOnlySpan<byte> Utf8Declaration => "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"u8;
    private static ReadOnlySpan<byte> Utf16Declaration => "<?xml version=\"1.0\" encoding=\"UTF-16\"?>"u8;

    private readonly EnumerationOperations _enumeration = new(resources, contexts, options, time);
    private readonly EventingOperations? _eventing = eventing is null ? null : new EventingOperations(eventing);

    public async ValueTask<WsManResponse> ProcessAsync(ReadOnlyMemory<byte> envelope, Caller caller, CancellationToken aborted)
    {
        var utf16 = SoapEncoding.IsUtf16(envelope.Span);
        var writer = new Utf8XmlWriter();
        writer.TextRaw(utf16 ? Utf16Declaration : Utf8Declaration);
        var start = writer.Mark();
        RequestHeaders? headers = null;
        string? lang = null;
        var timeout = options.MaxOperationTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        try
        {
            using var reader = EnvelopeReader.Open(envelope, options);
            headers = EnvelopeReader.ReadHeaders(reader);
            var identify = IdentifyOperation.IsIdentify(reader);
            if (!caller.IsAuthenticated && !identify)
            {
                writer.Dispose();
                return WsManResponse.Unauthorized();
            }
            if (headers.NotUnderstood.Count > 0)
            {
                var (ns, local) = headers.NotUnderstood[0];
                throw Fault.MustUnderstand(ns, local).ToException();
            }
            if (identify)
            {
                EnvelopeReader.ReadToEnd(reader);
                IdentifyOperation.Write(writer, caller, options);
                return WsManResponse.Envelope(200, writer, utf16);
            }

            var limits = RequestRules.Check(headers, options);
            lang = limits.Lang;
            timeout = limits.Timeout;
            deadline.CancelAfter(timeout);
            var maxReply = ReplyBudget(limits.MaxEnvelopeSize, utf16);
            var ctx = new OperationContext(headers, caller, writer, timeout, maxReply, lang, deadline.Token);
            await DispatchAsync(ctx, reader).ConfigureAwait(false);
            if (writer.Length > maxReply) throw ReplyTooLarge(headers.Action!, writer.Length, limits.MaxEnvelopeSize);
            return WsManResponse.Envelope(200, writer, utf16);
        }
        catch (WsManFaultException e)
        {
            return FaultResponse(writer, start, e.Fault, headers, lang, utf16);
        }
        catch (XmlException e)
        {
            return FaultResponse(writer, start, Fault.Malformed($"The request is not well-formed XML: {e.Message}"), headers, lang, utf16);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            return FaultResponse(writer, start, Fault.TimedOut(timeout), headers, lang, utf16);
        }
        catch (Exception e) when (!aborted.IsCancellationRequested)
        {
            var incident = Guid.NewGuid().ToString("N")[..12];
            logger.LogError(e, "Internal error {Incident} answering {Action}", incident, headers?.Action);
            return FaultResponse(writer, start, Fault.InternalError($"The service failed to process the request (incident {incident}; see the service log)."), headers, lang, utf16);
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    private async ValueTask DispatchAsync(OperationContext ctx, XmlReader body)
    {
        var action = ctx.Headers.Action!;
        switch (action)
        {
            case Actions.Pull:
            {
                var pull = ReadContextRequest(body, "Pull");
                if (_eventing?.IsEventContext(pull.ContextId) == true) await _eventing.PullAsync(ctx, pull).ConfigureAwait(false);
                else await _enumeration.PullAsync(ctx, pull).ConfigureAwait(false);
                return;
            }
            case Actions.Release:
            {
                var release = ReadContextRequest(body, "Release");
                if (_eventing?.IsEventContext(release.ContextId) == true) await _eventing.ReleaseAsync(ctx, release).ConfigureAwait(false);
                else await _enumeration.ReleaseAsync(ctx, release).ConfigureAwait(false);
                return;
            }
            // Subscriptions are addressed by their wse:Identifier; Subscribe's resource URI is the event source's to check.
            case Actions.Subscribe:
                await Eventing(action).SubscribeAsync(ctx, body).ConfigureAwait(false);
                return;
            case Actions.Renew:
                await Eventing(action).RenewAsync(ctx, body).ConfigureAwait(false);
                return;
            case Actions.GetStatus:
                await Eventing(action).GetStatusAsync(ctx, body).ConfigureAwait(false);
                return;
            case Actions.Unsubscribe:
                await Eventing(action).UnsubscribeAsync(ctx, body).ConfigureAwait(false);
                return;
        }

        // Everything else addresses a resource: an unknown one is DestinationUnreachable whatever the action.
        resources.CheckResourceUri(ctx.Headers.ResourceUri);
        if (ctx.Headers.FragmentTransfer is not null && action != Actions.Get)
            throw Fault.UnsupportedFeature("FragmentLevelAccess", "Fragment-level access is supported for Get only.").ToException();
        switch (action)
        {
            case Actions.Get:
                await GetOperation.RunAsync(ctx, resources, body).ConfigureAwait(false);
                return;
            case Actions.Enumerate:
                await _enumeration.EnumerateAsync(ctx, body).ConfigureAwait(false);
                return;
            case Actions.Put:
                await PutOperation.RunAsync(ctx, resources, body).ConfigureAwait(false);
                return;
            case Actions.Create or Actions.Delete:
                throw resources.RefuseCreateOrDelete(ctx.Headers.ResourceUri!, action).ToException();
            default:
                await InvokeOperation.RunAsync(ctx, resources, body).ConfigureAwait(false);
                return;
        }
    }

    private EventingOperations Eventing(string action) =>
        _eventing ?? throw Fault.ActionRefused($"The action '{action}' is not supported: this service has no event source.").ToException();

    private static ContextRequestBody ReadContextRequest(XmlReader body, string element)
    {
        var request = ContextRequestBody.Read(body, element);
        EnvelopeReader.ReadToEnd(body);
        return request;
    }

    /// <summary>
    /// DSP0226 R6.2-2: a reply over MaxEnvelopeSize is replaced by a fault; after an operation that changed something
    /// (Put, a method), the fault says it was done all the same (UnreportableSuccess).
    /// </summary>
    private static WsManFaultException ReplyTooLarge(string action, int length, int maxEnvelopeSize) =>
        (action is Actions.Get or Actions.Enumerate or Actions.Pull or Actions.Release or Actions.GetStatus
            ? Fault.EncodingLimit("MaxEnvelopeSize", $"The reply ({length} octets) exceeds MaxEnvelopeSize ({maxEnvelopeSize}).")
            : Fault.EncodingLimit("UnreportableSuccess", $"The operation was carried out, but its reply ({length} octets) exceeds MaxEnvelopeSize ({maxEnvelopeSize}).")).ToException();

    private static WsManResponse FaultResponse(Utf8XmlWriter writer, int start, WsManFault fault, RequestHeaders? headers, string? lang, bool utf16)
    {
        writer.Rewind(start);
        FaultWriter.Write(writer, fault, headers?.MessageId, lang);
        return WsManResponse.Envelope(fault.HttpStatus, writer, utf16);
    }

    /// <summary>
    /// The UTF-8 bytes a reply may take for its envelope to stay within MaxEnvelopeSize on the wire:
    /// UTF-16 takes at most twice the UTF-8 size, plus its byte order mark.
    /// </summary>
    private static int ReplyBudget(int maxEnvelopeSize, bool utf16) => utf16 ? (maxEnvelopeSize - 2) / 2 : maxEnvelopeSize;
}
