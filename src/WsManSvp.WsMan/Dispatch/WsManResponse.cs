using System.Buffers;
using System.Text;
using WsManSvp.Cim.Xml;

namespace WsManSvp.WsMan.Dispatch;

/// <summary>
/// A reply ready for the wire: status, content type and body. Owns pooled buffers; dispose it once the
/// body has been sent.
/// </summary>
public sealed class WsManResponse : IDisposable
{
    private readonly Utf8XmlWriter? _writer;
    private byte[]? _transcoded;

    private WsManResponse(int statusCode, Utf8XmlWriter? writer, bool utf16)
    {
        StatusCode = statusCode;
        _writer = writer;
        if (writer is null)
        {
            ContentType = "text/plain";
            return;
        }
        if (utf16)
        {
            var text = Encoding.UTF8.GetString(writer.WrittenSpan);
            var length = 2 + Encoding.Unicode.GetByteCount(text);
            _transcoded = ArrayPool<byte>.Shared.Rent(length);
            _transcoded[0] = 0xFF; // byte order mark, little endian
            _transcoded[1] = 0xFE;
            Encoding.Unicode.GetBytes(text, _transcoded.AsSpan(2));
            Body = _transcoded.AsMemory(0, length);
            ContentType = "application/soap+xml;charset=UTF-16";
        }
        else
        {
            Body = writer.WrittenMemory;
            ContentType = "application/soap+xml;charset=UTF-8";
        }
    }

    public int StatusCode { get; }

    /// <summary>True when the caller must authenticate first (the host answers 401).</summary>
    public bool IsUnauthorized => StatusCode == 401;

    public string ContentType { get; }

    public ReadOnlyMemory<byte> Body { get; }

    internal static WsManResponse Envelope(int statusCode, Utf8XmlWriter writer, bool utf16) => new(statusCode, writer, utf16);

    internal static WsManResponse Unauthorized() => new(401, null, false);

    public void Dispose()
    {
        _writer?.Dispose();
        if (_transcoded is not null) ArrayPool<byte>.Shared.Return(_transcoded);
        _transcoded = null;
    }
}
