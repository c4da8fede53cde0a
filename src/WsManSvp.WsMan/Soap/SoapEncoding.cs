namespace WsManSvp.WsMan.Soap;

/// <summary>Which of the two encodings SOAP over HTTP uses here (UTF-8, UTF-16) a request body is in.</summary>
public static class SoapEncoding
{
    /// <summary>UTF-16 by its byte order mark, or by a '&lt;' encoded in two bytes.</summary>
    public static bool IsUtf16(ReadOnlySpan<byte> body) =>
        body.Length >= 2 && ((body[0] == 0xFF && body[1] == 0xFE) || (body[0] == 0xFE && body[1] == 0xFF) ||
                             (body[0] == (byte)'<' && body[1] == 0) || (body[0] == 0 && body[1] == (byte)'<'));
}
