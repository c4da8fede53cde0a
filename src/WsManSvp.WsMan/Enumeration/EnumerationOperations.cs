using System.Xml;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Dispatch;
using WsManSvp.WsMan.Faults;
using WsManSvp.WsMan.Resources;
using WsManSvp.WsMan.Soap;

namespace WsManSvp.WsMan.Enumeration;

/// <summary>WS-Enumeration Enumerate, Pull and Release as DSP0226 clause 8 profiles them.</summary>
public sealed class EnumerationOperations(IResourceService resources, EnumerationContextStore contexts, WsManOptions options, TimeProvider time)
{
    public async ValueTask EnumerateAsync(OperationContext ctx, XmlReader body)
    {
        var request = ctx.ResourceRequest();
        var enumerate = EnumerateBody.Read(body, resources, request, time.GetUtcNow());
        EnvelopeReader.ReadToEnd(body);
        var lifetime = enumerate.Expires is { } asked && asked < options.EnumerationContextLifetime ? asked : options.EnumerationContextLifetime;
        var source = await resources.EnumerateAsync(request with { CancellationToken = CancellationToken.None },
            new EnumerationRequest(enumerate.Mode, enumerate.Filter, enumerate.PolymorphismMode)).ConfigureAwait(false);
        EnumerationContext context;
        try
        {
            context = contexts.Open(source, ctx.Caller.UserName, enumerate.Mode, lifetime);
        }
        catch
        {
            await source.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var w = ctx.Writer;
        BeginReply(ctx, Actions.ResponseTo(Actions.Enumerate));
        w.Start("wsen:EnumerateResponse"u8);
        if (enumerate.Expires is not null) w.Element("wsen:Expires"u8, XmlDuration.FromMicroseconds(lifetime.Ticks / 10));
        w.Start("wsen:EnumerationContext"u8);
        var idStart = w.Mark();
        w.Text(context.Id);
        var idLength = w.Mark() - idStart;
        w.End("wsen:EnumerationContext"u8);
        if (!enumerate.Optimize)
        {
            w.End("wsen:EnumerateResponse"u8);
            ctx.EndReply();
            return;
        }

        w.Start("wsman:Items"u8);
        bool end;
        try
        {
            (_, end) = await ItemPacker.PackAsync(ctx, context, Math.Min(enumerate.MaxElements, options.MaxBatchItems), null).ConfigureAwait(false);
        }
        catch
        {
            await contexts.CloseAsync(context).ConfigureAwait(false); // the client never learns its id
            throw;
        }
        w.End("wsman:Items"u8);
        if (end)
        {
            // R8.2.3-5: everything was returned; the context element stays, empty.
            w.Remove(idStart, idLength);
            w.Start("wsman:EndOfSequence"u8);
            w.End("wsman:EndOfSequence"u8);
            await contexts.CloseAsync(context).ConfigureAwait(false);
        }
        w.End("wsen:EnumerateResponse"u8);
        ctx.EndReply();
    }

    public async ValueTask PullAsync(OperationContext ctx, ContextRequestBody pull)
    {
        await UseContextAsync(ctx, pull.ContextId, async context =>
        {
            context.Touch(time.GetUtcNow());
            var w = ctx.Writer;
            BeginReply(ctx, Actions.ResponseTo(Actions.Pull));
            w.Start("wsen:PullResponse"u8);
            var contextStart = w.Mark();
            w.Element("wsen:EnumerationContext"u8, context.Id);
            var contextLength = w.Mark() - contextStart;
            w.Start("wsen:Items"u8);
            var (_, end) = await PackOrCloseAsync(ctx, context, Math.Min(pull.MaxElements, options.MaxBatchItems), pull.MaxCharacters).ConfigureAwait(false);
            w.End("wsen:Items"u8);
            if (end)
            {
                // R8.4-8: with EndOfSequence the context is gone and not named.
                w.Remove(contextStart, contextLength);
                w.Start("wsen:EndOfSequence"u8);
                w.End("wsen:EndOfSequence"u8);
            }
            w.End("wsen:PullResponse"u8);
            ctx.EndReply();
            if (end) await contexts.CloseAsync(context).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    public async ValueTask ReleaseAsync(OperationContext ctx, ContextRequestBody release)
    {
        await UseContextAsync(ctx, release.ContextId, contexts.CloseAsync).ConfigureAwait(false);
        ctx.BeginReply(Actions.ResponseTo(Actions.Release));
        ctx.EndReply();
    }

    /// <summary>Runs <paramref name="use"/> on the caller's context, one request at a time per context.</summary>
    private async ValueTask UseContextAsync(OperationContext ctx, string? id, Func<EnumerationContext, ValueTask> use)
    {
        var context = contexts.Find(id, ctx.Caller.UserName);
        await context.Gate.WaitAsync(ctx.CancellationToken).ConfigureAwait(false);
        try
        {
            await use(contexts.Find(id, ctx.Caller.UserName)).ConfigureAwait(false); // it may have been released while we waited
        }
        finally
        {
            ReleaseGate(context);
        }
    }

    /// <summary>Packs items; a failure while reading them ends the enumeration (its source is no longer usable).</summary>
    private async ValueTask<(int, bool)> PackOrCloseAsync(OperationContext ctx, EnumerationContext context, int maxElements, int? maxCharacters)
    {
        try
        {
            return await ItemPacker.PackAsync(ctx, context, maxElements, maxCharacters).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException || e is WsManFaultException { Fault.Subcode: "wsman:EncodingLimit" })
        {
            throw; // nothing was lost: a timed-out read resumes, an item too large waits for larger limits
        }
        catch
        {
            await contexts.CloseAsync(context).ConfigureAwait(false);
            throw;
        }
    }

    private static void BeginReply(OperationContext ctx, string action)
    {
        ResponseEnvelope.WriteStart(ctx.Writer, action, ctx.Headers.MessageId, ctx.Lang);
        if (ctx.Headers.RequestTotalItemsCountEstimate)
        {
            // The providers stream and do not know their totals; DSP0226 allows an explicit "unknown".
            ctx.Writer.Start("wsman:TotalItemsCountEstimate"u8);
            ctx.Writer.AttributeRaw("xsi:nil"u8, "true"u8);
            ctx.Writer.End("wsman:TotalItemsCountEstimate"u8);
        }
        ResponseEnvelope.WriteBodyStart(ctx.Writer);
    }

    private static void ReleaseGate(EnumerationContext context)
    {
        try { context.Gate.Release(); }
        catch (ObjectDisposedException) { } // closed while held: nothing left to release
    }
}
