using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using WsManSvp.Server.Authentication;
using WsManSvp.WsMan.Dispatch;
using WsManSvp.WsMan.Resources;

namespace WsManSvp.Server.Hosting;

/// <summary>
/// SOAP over HTTP for WS-Management: POST on /wsman (and /wsman-anon/identify), application/soap+xml.
/// Refuses what it must before reading the body (405, 413, 415, 401), then hands the envelope to the
/// protocol layer. Only an Identify marked unauthenticated gets through without credentials.
/// </summary>
public sealed class WsManEndpoint(WsManProcessor processor, BasicAuthenticator authenticator, int maxEnvelopeSize)
{
    public const string Path = "/wsman";
    public const string AnonymousIdentifyPath = "/wsman-anon/identify";
    public const string Realm = "WsManSvp";

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var response = http.Response;
        var anonymousPath = request.Path.Equals(AnonymousIdentifyPath, StringComparison.OrdinalIgnoreCase);
        if (!anonymousPath && !request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (!HttpMethods.IsPost(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "POST";
            return;
        }
        if (request.ContentLength > maxEnvelopeSize)
        {
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        if (!IsSoapContentType(request.ContentType))
        {
            response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        var user = authenticator.Authenticate(request.Headers.Authorization);
        var mayIdentifyAnonymously = anonymousPath ||
            string.Equals(request.Headers["WSMANIDENTIFY"], "unauthenticated", StringComparison.OrdinalIgnoreCase);
        if (user is null && !mayIdentifyAnonymously)
        {
            Challenge(response);
            return;
        }

        var body = await ReadBodyAsync(request.BodyReader, http.RequestAborted);
        if (body is null)
        {
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        try
        {
            var caller = new Caller(user is not null, user, request.IsHttps);
            using var reply = await processor.ProcessAsync(body.Value.Memory, caller, http.RequestAborted);
            if (reply.IsUnauthorized)
            {
                Challenge(response);
                return;
            }
            response.StatusCode = reply.StatusCode;
            response.ContentType = reply.ContentType;
            response.ContentLength = reply.Body.Length;
            await response.Body.WriteAsync(reply.Body, http.RequestAborted);
        }
        finally
        {
            body.Value.Return();
        }
    }

    private static void Challenge(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.WWWAuthenticate = $"Basic realm=\"{Realm}\"";
    }

    /// <summary>application/soap+xml, in UTF-8 or UTF-16 (or with no charset).</summary>
    private static bool IsSoapContentType(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) ||
            !media.MediaType.Equals("application/soap+xml", StringComparison.OrdinalIgnoreCase))
            return false;
        var charset = media.Charset.Value;
        return charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) ||
               charset.StartsWith("utf-16", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The whole body in a pooled buffer, or null when it is larger than an envelope may be.</summary>
    private async Task<PooledBody?> ReadBodyAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var length = 0;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellationToken);
                foreach (var segment in result.Buffer)
                {
                    if (length + segment.Length > maxEnvelopeSize)
                    {
                        reader.AdvanceTo(result.Buffer.End);
                        ArrayPool<byte>.Shared.Return(buffer);
                        return null;
                    }
                    if (length + segment.Length > buffer.Length)
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, length + segment.Length));
                        buffer.AsSpan(0, length).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                    segment.Span.CopyTo(buffer.AsSpan(length));
                    length += segment.Length;
                }
                reader.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted) return new PooledBody(buffer, length);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return null;
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private readonly record struct PooledBody(byte[] Buffer, int Length)
    {
        public ReadOnlyMemory<byte> Memory => Buffer.AsMemory(0, Length);

        public void Return() => ArrayPool<byte>.Shared.Return(Buffer);
    }
}
