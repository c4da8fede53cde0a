using System.Globalization;
using WsManSvp.WsMan.Faults;

namespace WsManSvp.WsMan.Eventing;

/// <summary>
/// A wsman:Bookmark (DSP0226 10.2.6): opaque to clients; here the subscription's identifier and the sequence
/// number of the last event delivered, as text.
/// </summary>
public sealed record Bookmark(string Subscription, long Sequence)
{
    /// <summary>The reserved bookmark asking for the earliest events the service still holds.</summary>
    public const string Earliest = "http://schemas.dmtf.org/wbem/wsman/1/wsman/bookmark/earliest";

    public override string ToString() => Subscription + "#" + Sequence.ToString(CultureInfo.InvariantCulture);

    public static Bookmark Parse(string text)
    {
        var hash = text.LastIndexOf('#');
        if (hash <= 0 || !long.TryParse(text.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            throw Fault.InvalidBookmark("Invalid", "The wsman:Bookmark is not one this service issued.").ToException();
        return new Bookmark(text[..hash], sequence);
    }
}
