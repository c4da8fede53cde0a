using WsManSvp.WsMan.Dispatch;
using WsManSvp.WsMan.Faults;

namespace WsManSvp.WsMan.Enumeration;

/// <summary>
/// Writes as many items as the request allows (MaxElements, MaxCharacters) and the reply can hold
/// (MaxEnvelopeSize): an item that does not fit is rolled back and stays pending for the next Pull.
/// One item is read ahead, so the reply that sends the last item also says EndOfSequence. At the
/// deadline the items already packed go out; a read still under way is resumed by the next Pull.
/// </summary>
public static class ItemPacker
{
    /// <summary>Room kept for what follows the items: closing tags, EndOfSequence, envelope end.</summary>
    private const int TrailerReserve = 128;

    public static async ValueTask<(int Count, bool EndOfSequence)> PackAsync(
        OperationContext ctx, EnumerationContext context, int maxElements, int? maxCharacters)
    {
        var w = ctx.Writer;
        var itemsStart = w.Mark();
        var count = 0;
        var deadline = DateTime.UtcNow + ctx.Timeout;
        while (true)
        {
            if (!context.HasPending)
            {
                try
                {
                    if (!await context.Source.MoveNextAsync(ctx.CancellationToken).ConfigureAwait(false))
                        return (count, true);
                }
                catch (OperationCanceledException) when (count > 0)
                {
                    return (count, false); // the deadline came with items in hand: send them
                }
                context.HasPending = true;
            }
            if (count >= maxElements) return (count, false);

            var mark = w.Mark();
            context.Source.WriteCurrent(w, context.Mode);
            var overEnvelope = w.Length + TrailerReserve > ctx.MaxReplySize;
            var overCharacters = maxCharacters is { } max && w.Length - itemsStart > max;
            if (overEnvelope || overCharacters)
            {
                var size = w.Length - mark;
                w.Rewind(mark);
                if (count > 0) return (count, false);
                throw (overEnvelope
                    ? Fault.EncodingLimit("MaxEnvelopeSize", $"The next item ({size} octets) does not fit in a reply of at most {ctx.MaxReplySize} octets.")
                    : Fault.EncodingLimit("MaxEnvelopeSize", $"The next item ({size} characters) exceeds MaxCharacters ({maxCharacters}).")).ToException();
            }
            context.HasPending = false;
            count++;
            // Past the deadline with items in hand: send them rather than time out.
            if (DateTime.UtcNow >= deadline) return (count, false);
        }
    }
}
