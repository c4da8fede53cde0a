using System.Text;

namespace EventLatency;

/// <summary>
/// Finds elements in UTF-8 XML by local name, any prefix, by scanning bytes: the sink and the Pull side only need a
/// few values out of each message, and a full parse of 1,000 deliveries would compete with the server for the CPUs.
/// Nested elements of the same name are not supported (the messages measured have none).
/// </summary>
internal static class XmlScan
{
    /// <summary>The content range of the first element named <paramref name="localName"/> at or after <paramref name="from"/>.</summary>
    public static Range? Find(ReadOnlySpan<byte> xml, ReadOnlySpan<byte> localName, int from = 0)
    {
        for (var at = from; at < xml.Length;)
        {
            var i = xml[at..].IndexOf(localName);
            if (i < 0) return null;
            i += at;
            at = i + localName.Length;
            if (at >= xml.Length || xml[at] is not ((byte)'>' or (byte)' ' or (byte)'/')) continue; // a longer name
            var tag = TagStart(xml, i);
            if (tag < 0 || xml[tag + 1] == '/') continue; // text, an attribute, or an end tag
            var close = xml[at..].IndexOf((byte)'>');
            if (close < 0) return null;
            close += at;
            if (xml[close - 1] == '/') return new Range(close + 1, close + 1);
            var end = EndTag(xml, localName, close + 1);
            return end < 0 ? null : new Range(close + 1, end);
        }
        return null;
    }

    public static string? Text(ReadOnlySpan<byte> xml, ReadOnlySpan<byte> localName, int from = 0) =>
        Find(xml, localName, from) is { } r ? Encoding.UTF8.GetString(xml[r]).Trim() : null;

    /// <summary>The '&lt;' of the tag whose name (after an optional prefix) begins at <paramref name="name"/>; -1 if none.</summary>
    private static int TagStart(ReadOnlySpan<byte> xml, int name)
    {
        var i = name - 1;
        if (i >= 0 && xml[i] == ':')
            for (i--; i >= 0 && IsNameByte(xml[i]); i--) { }
        if (i >= 0 && xml[i] == '/') i--;
        return i >= 0 && xml[i] == '<' ? i : -1;
    }

    private static int EndTag(ReadOnlySpan<byte> xml, ReadOnlySpan<byte> localName, int from)
    {
        for (var at = from; at < xml.Length;)
        {
            var i = xml[at..].IndexOf(localName);
            if (i < 0) return -1;
            i += at;
            at = i + localName.Length;
            if (at < xml.Length && xml[at] == '>' && TagStart(xml, i) is var tag and >= 0 && xml[tag + 1] == '/') return tag;
        }
        return -1;
    }

    private static bool IsNameByte(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'_' or (byte)'-' or (byte)'.';
}
