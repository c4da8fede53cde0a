using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.UseCases;

/// <summary>What DSP1042 9.2.14 promises of a class description (DSP0201 CLASS), checked against an instance of it.</summary>
public static class ClassDefinitionAssert
{
    private static readonly string[] PropertyElements = ["PROPERTY", "PROPERTY.ARRAY", "PROPERTY.REFERENCE"];

    /// <summary>
    /// The CLASS describes every property the instance has, inherited ones too (LocalOnly false), each with
    /// its CLASSORIGIN (IncludeClassOrigin true), so a client can build local instances of the class.
    /// </summary>
    public static IReadOnlyDictionary<string, XElement> Describes(XElement cls, NamedInstance instance)
    {
        Assert.Equal("CLASS", cls.Name.LocalName);
        Assert.Equal(instance.ClassName, (string?)cls.Attribute("NAME"));
        var properties = cls.Elements().Where(e => PropertyElements.Contains(e.Name.LocalName))
            .ToDictionary(p => (string)p.Attribute("NAME")!, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(instance.Instance.Elements().Select(e => e.Name.LocalName).Distinct().Order(StringComparer.OrdinalIgnoreCase),
            properties.Keys.Order(StringComparer.OrdinalIgnoreCase));
        foreach (var p in properties.Values)
        {
            var origin = (string?)p.Attribute("CLASSORIGIN");
            Assert.False(string.IsNullOrEmpty(origin), $"No CLASSORIGIN on {p.Attribute("NAME")}.");
            if (origin != instance.ClassName) Assert.Equal("true", (string?)p.Attribute("PROPAGATED"));
        }
        return properties;
    }

    /// <summary>The values of a qualifier of a property (VALUE, or the items of VALUE.ARRAY); empty when it has none.</summary>
    public static IReadOnlyList<string> Qualifier(XElement property, string name) =>
        property.Elements("QUALIFIER").Where(q => (string?)q.Attribute("NAME") == name)
            .SelectMany(q => q.Descendants("VALUE")).Select(v => v.Value).ToList();
}
