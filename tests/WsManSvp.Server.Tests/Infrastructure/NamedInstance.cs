using System.Xml.Linq;

namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>An instance with its path, as CIM's EnumerateInstances, Associators and References return it.</summary>
public sealed record NamedInstance(XElement Instance, Epr Path)
{
    public string ClassName => Instance.Name.LocalName;

    /// <summary>A scalar property's value; null when NULL or absent.</summary>
    public string? Prop(string name) => Values(name).SingleOrDefault();

    /// <summary>An array property's items; empty when NULL or empty.</summary>
    public IReadOnlyList<string> Values(string name) =>
        Properties(name).Where(p => (string?)p.Attribute(Ns.Xsi + "nil") != "true").Select(p => p.Value).ToList();

    /// <summary>Whether the property is there and NULL (xsi:nil).</summary>
    public bool IsNull(string name) =>
        Properties(name).SingleOrDefault() is { } p && (string?)p.Attribute(Ns.Xsi + "nil") == "true";

    /// <summary>The instance a reference property points to.</summary>
    public Epr Ref(string name)
    {
        var property = Properties(name).SingleOrDefault();
        Assert.True(property is not null, $"{ClassName} has no {name}:\n{Instance}");
        return Epr.From(property);
    }

    /// <summary>Reads a wsman:Item of an EnumerateObjectAndEPR enumeration: the instance, then its EPR.</summary>
    public static NamedInstance FromItem(XElement item)
    {
        Assert.Equal(Ns.WsMan + "Item", item.Name);
        var instance = item.Elements().First();
        var epr = item.Element(Ns.Wsa + "EndpointReference");
        Assert.True(epr is not null, $"The item has no endpoint reference:\n{item}");
        return new NamedInstance(instance, Epr.From(epr));
    }

    private IEnumerable<XElement> Properties(string name) => Instance.Elements(Instance.Name.Namespace + name);
}
