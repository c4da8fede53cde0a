using WsManSvp.Cim.Xml;

namespace WsManSvp.WsMan.Soap;

/// <summary>A wsman:Option of the request's OptionSet.</summary>
public sealed record WsManOption(string Name, string Value, bool MustComply);

/// <summary>The SOAP headers of a request, as read; checking them is the processor's job.</summary>
public sealed class RequestHeaders
{
    public string? To { get; set; }
    public string? Action { get; set; }
    public string? MessageId { get; set; }
    public bool HasReplyTo { get; set; }
    public string? ReplyTo { get; set; }
    public string? FaultTo { get; set; }
    public string? ResourceUri { get; set; }
    public IReadOnlyList<Selector> Selectors { get; set; } = [];
    public IReadOnlyList<WsManOption> Options { get; set; } = [];
    public string? OperationTimeout { get; set; }
    public string? MaxEnvelopeSize { get; set; }
    public string? Locale { get; set; }
    public bool LocaleMustUnderstand { get; set; }
    public string? DataLocale { get; set; }
    public bool DataLocaleMustUnderstand { get; set; }
    public string? FragmentTransfer { get; set; }
    public string? FragmentDialect { get; set; }
    public bool RequestTotalItemsCountEstimate { get; set; }

    /// <summary>wse:Identifier: the subscription a Renew, GetStatus or Unsubscribe addresses.</summary>
    public string? SubscriptionIdentifier { get; set; }

    /// <summary>The username tokens of wst:IssuedTokens (a Subscribe's credentials for its event sink).</summary>
    public IReadOnlyList<IssuedToken> IssuedTokens { get; set; } = [];

    /// <summary>Headers marked mustUnderstand that the service does not understand, in order.</summary>
    public List<(string Namespace, string LocalName)> NotUnderstood { get; } = [];
}
