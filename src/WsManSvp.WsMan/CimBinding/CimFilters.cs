using WsManSvp.Cim.Model;
using WsManSvp.Cim.Query;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Resources;

namespace WsManSvp.WsMan.CimBinding;

/// <summary>A WQL or CQL query: the instances of its FROM class it matches, projected to its SELECT list.</summary>
internal sealed record QueryFilter(CimQuery Query) : IEnumerationFilter;

/// <summary>
/// The association filter (DSP0227 8.2): the instances associated with <see cref="Object"/>
/// (AssociatedInstances), or the associations themselves (AssociationInstances).
/// </summary>
internal sealed record AssociationFilter(
    bool AssociationInstances,
    CimObjectPath Object,
    string? AssociationClassName,
    string? Role,
    string? ResultClassName,
    string? ResultRole,
    IReadOnlySet<string>? IncludeResultProperties) : IEnumerationFilter;

/// <summary>The selector filter (DSP0226 Annex E): instances whose properties equal all the selectors given.</summary>
internal sealed record SelectorFilter(IReadOnlyList<Selector> Selectors) : IEnumerationFilter;
