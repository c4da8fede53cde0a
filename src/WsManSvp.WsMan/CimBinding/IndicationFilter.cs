using WsManSvp.Cim.Model;
using WsManSvp.Cim.Query;
using WsManSvp.WsMan.Eventing;

namespace WsManSvp.WsMan.CimBinding;

/// <summary>
/// What a subscription selects: indications in <see cref="Namespace"/> that the query matches, or, without a
/// query, the indications of <see cref="Class"/> and the classes derived from it.
/// </summary>
internal sealed record IndicationFilter(string ResourceUri, string? Dialect, string? Text, string Namespace, string? Class, CimQuery? Query)
    : IEventFilter
{
    public bool Matches(CimInstance indication) =>
        string.Equals(indication.Namespace, Namespace, StringComparison.OrdinalIgnoreCase) &&
        (Query?.Matches(indication) ?? indication.Class.IsA(Class!));
}
