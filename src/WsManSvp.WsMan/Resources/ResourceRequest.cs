using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Soap;

namespace WsManSvp.WsMan.Resources;

/// <summary>What a resource operation is addressed to (DSP0226 clause 5) and on whose behalf.</summary>
public sealed record ResourceRequest(
    string ResourceUri,
    IReadOnlyList<Selector> Selectors,
    IReadOnlyList<WsManOption> Options,
    Caller Caller,
    CancellationToken CancellationToken);

/// <summary>A FragmentTransfer expression (DSP0226 7.7) and its dialect.</summary>
public sealed record FragmentExpression(string Expression, string? Dialect)
{
    /// <summary>XPath 1.0, whose level-1 subset DSP0226 Annex D requires; also the default.</summary>
    public const string XPathDialect = "http://www.w3.org/TR/1999/REC-xpath-19991116";
}
