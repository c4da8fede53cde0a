using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Faults;
using WsManSvp.WsMan.Resources;
using WsManSvp.WsMan.Soap;

namespace WsManSvp.WsMan.Dispatch;

/// <summary>One request being answered: its headers, caller, deadline, reply size limit and reply writer.</summary>
public sealed class OperationContext(
    RequestHeaders headers,
    Caller caller,
    Utf8XmlWriter writer,
    TimeSpan timeout,
    int maxReplySize,
    string? lang,
    CancellationToken cancellationToken)
{
    public RequestHeaders Headers { get; } = headers;
    public Caller Caller { get; } = caller;
    public Utf8XmlWriter Writer { get; } = writer;
    public TimeSpan Timeout { get; } = timeout;

    /// <summary>The most UTF-8 bytes the reply may take (MaxEnvelopeSize, less the encoding's overheads).</summary>
    public int MaxReplySize { get; } = maxReplySize;

    public string? Lang { get; } = lang;
    public CancellationToken CancellationToken { get; } = cancellationToken;

    public ResourceRequest ResourceRequest() => new(
        Headers.ResourceUri ?? throw Fault.InvalidResourceUri(null).ToException(),
        Headers.Selectors, Headers.Options, Caller, CancellationToken);

    /// <summary>Writes the reply envelope up to the start of the body content.</summary>
    public void BeginReply(string action)
    {
        ResponseEnvelope.WriteStart(Writer, action, Headers.MessageId, Lang);
        ResponseEnvelope.WriteBodyStart(Writer);
    }

    public void EndReply() => ResponseEnvelope.WriteEnd(Writer);
}
