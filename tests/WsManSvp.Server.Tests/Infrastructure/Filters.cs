using System.Xml.Linq;

namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>
/// Enumeration filters as clients write them (DSP0227 clause 8, DSP0226 Annex E): WQL, CQL, the selector
/// filter, and the association filter in openwsman's element order; and the URIs they are sent to.
/// </summary>
public static class Filters
{
    public const string AllClassesUri = "http://schemas.dmtf.org/wbem/wscim/1/*";
    public const string WmiAllClassesUri = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/*";
    public const string WqlDialect = "http://schemas.microsoft.com/wbem/wsman/1/WQL";
    public const string CqlDialect = "http://schemas.dmtf.org/wbem/cql/1/dsp0202.pdf";
    public const string AssociationDialect = "http://schemas.dmtf.org/wbem/wsman/1/cimbinding/associationFilter";
    public const string SelectorDialect = "http://schemas.dmtf.org/wbem/wsman/1/wsman/SelectorFilter";

    public static readonly XNamespace Wsmb = "http://schemas.dmtf.org/wbem/wsman/1/cimbinding.xsd";

    public static XElement Wql(string query) => Filter(WqlDialect, query);

    public static XElement Cql(string query) => Filter(CqlDialect, query);

    public static XElement Selectors(params (string Name, string Value)[] selectors) =>
        Filter(SelectorDialect, new XElement(Ns.WsMan + "SelectorSet",
            selectors.Select(s => new XElement(Ns.WsMan + "Selector", new XAttribute("Name", s.Name), s.Value))));

    /// <summary>AssociatedInstances: the instances associated with <paramref name="source"/> (CIM Associators).</summary>
    public static XElement AssociatedInstances(Epr source, string? associationClass = null, string? role = null,
        string? resultClass = null, string? resultRole = null, params string[] includeResultProperties) =>
        Filter(AssociationDialect, new XElement(Wsmb + "AssociatedInstances",
            source.As(Wsmb + "Object"),
            Optional("AssociationClassName", associationClass),
            Optional("Role", role),
            Optional("ResultClassName", resultClass),
            Optional("ResultRole", resultRole),
            includeResultProperties.Select(p => new XElement(Wsmb + "IncludeResultProperty", p))));

    /// <summary>AssociationInstances: the associations that refer to <paramref name="source"/> (CIM References).</summary>
    public static XElement AssociationInstances(Epr source, string? resultClass = null, string? role = null,
        params string[] includeResultProperties) =>
        Filter(AssociationDialect, new XElement(Wsmb + "AssociationInstances",
            source.As(Wsmb + "Object"),
            Optional("ResultClassName", resultClass),
            Optional("Role", role),
            includeResultProperties.Select(p => new XElement(Wsmb + "IncludeResultProperty", p))));

    private static XElement Filter(string dialect, object content) =>
        new(Ns.WsMan + "Filter", new XAttribute("Dialect", dialect), content);

    private static XElement? Optional(string name, string? value) => value is null ? null : new XElement(Wsmb + name, value);
}
