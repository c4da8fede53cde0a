using WsManSvp.Cim.Model;
using WsManSvp.Cim.Query;
using WsManSvp.WsMan.Eventing;

namespace WsManSvp.WsMan.CimBinding;

/// <summary>
/// What a subscription selects: indications in <see cref="Namespace"/> that the query matches, or, without a
/// query, the indications of <see cref="Class"/> and the classes derived from it. With a <see cref="SourceClass"/>
/// (a subscription on a managed class's URI), only those about an instance of that class.
/// </summary>
internal sealed record IndicationFilter(string ResourceUri, string? Dialect, string? Text, string Namespace, string? Class, CimQuery? Query,
    string? SourceClass = null) : IEventFilter
{
    public bool Matches(CimInstance indication) =>
        string.Equals(indication.Namespace, Namespace, StringComparison.OrdinalIgnoreCase) &&
        (Query?.Matches(indication) ?? indication.Class.IsA(Class!)) &&
        (SourceClass is null || IsAbout(indication, SourceClass));

    private static bool IsAbout(CimInstance indication, string className) =>
        indication.Class.GetProperty("SourceInstance") is { } property && indication[property] is { IsNull: false } source &&
        source.AsInstance().Class.IsA(className);
}
