using System.Xml.Linq;

namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>
/// An endpoint reference as a client receives it (an enumerated EPR, or a reference property's value): its
/// resource URI and selector set, kept as XML because a reference key's selector holds a nested EPR.
/// </summary>
public sealed class Epr
{
    private Epr(string resourceUri, XElement selectorSet)
    {
        ResourceUri = resourceUri;
        SelectorSet = selectorSet;
    }

    public string ResourceUri { get; }

    public XElement SelectorSet { get; }

    /// <summary>The class the resource URI names (what a CIM client reads off an object path).</summary>
    public string ClassName => ResourceUri[(ResourceUri.LastIndexOf('/') + 1)..];

    public string? Namespace => Selector("__cimnamespace");

    /// <summary>Reads the EPR held by <paramref name="holder"/>: a wsa:EndpointReference, or a reference property.</summary>
    public static Epr From(XElement holder)
    {
        var parameters = holder.Element(Ns.Wsa + "ReferenceParameters");
        Assert.True(parameters is not null, $"Not an endpoint reference:\n{holder}");
        var uri = parameters.Element(Ns.WsMan + "ResourceURI")?.Value;
        Assert.True(uri is not null, $"The endpoint reference has no wsman:ResourceURI:\n{holder}");
        return new Epr(uri.Trim(), parameters.Element(Ns.WsMan + "SelectorSet") ?? new XElement(Ns.WsMan + "SelectorSet"));
    }

    /// <summary>A selector's text value; null when absent.</summary>
    public string? Selector(string name) =>
        Selectors().FirstOrDefault(s => string.Equals((string?)s.Attribute("Name"), name, StringComparison.OrdinalIgnoreCase))?.Value.Trim();

    /// <summary>The EPR as the content of <paramref name="element"/> (e.g. wsmb:Object in an association filter).</summary>
    public XElement As(XName element) => new(element,
        new XElement(Ns.Wsa + "Address", Envelopes.Anonymous),
        new XElement(Ns.Wsa + "ReferenceParameters",
            new XElement(Ns.WsMan + "ResourceURI", ResourceUri),
            new XElement(SelectorSet)));

    /// <summary>Whether both name the same instance: the same class and the same selectors, nested EPRs compared alike.</summary>
    public bool SameAs(Epr other) => string.Equals(Canonical(), other.Canonical(), StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Canonical();

    private IEnumerable<XElement> Selectors() => SelectorSet.Elements(Ns.WsMan + "Selector");

    private string Canonical() => ResourceUri + "{" + string.Join(",", Selectors()
        .Select(s => (string?)s.Attribute("Name") + "=" + (s.Element(Ns.Wsa + "EndpointReference") is { } nested ? From(nested).Canonical() : s.Value.Trim()))
        .Order(StringComparer.OrdinalIgnoreCase)) + "}";
}
