namespace WsManSvp.Cim.Schema;

/// <summary>
/// A class with everything it inherits resolved: its properties (superclass properties first, overrides
/// in place), keys, methods. Immutable; lookups by name are case-insensitive (DSP0004).
/// </summary>
public sealed class CimClass
{
    private readonly Dictionary<string, CimProperty> _byName;
    private readonly Dictionary<string, CimMethod> _methods;

    internal CimClass(string name, CimClass? superclass, bool isAbstract, bool isAssociation, bool isIndication,
        IReadOnlyList<CimProperty> properties, IReadOnlyList<CimMethod> methods)
    {
        Name = name;
        Superclass = superclass;
        IsAbstract = isAbstract;
        IsAssociation = isAssociation;
        IsIndication = isIndication;
        Properties = properties;
        _byName = properties.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        _methods = methods.ToDictionary(m => m.Name, StringComparer.OrdinalIgnoreCase);
        KeyProperties = properties.Where(p => p.IsKey).ToArray();
        // DSP0230: property elements appear in the order of the class's published XML schema, alphabetical.
        XmlOrder = properties.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToArray();
    }

    public string Name { get; }

    public CimClass? Superclass { get; }

    public bool IsAbstract { get; }

    public bool IsAssociation { get; }

    public bool IsIndication { get; }

    /// <summary>All properties, inherited first; a property's <see cref="CimProperty.Index"/> is its position here.</summary>
    public IReadOnlyList<CimProperty> Properties { get; }

    public IReadOnlyList<CimProperty> KeyProperties { get; }

    /// <summary>The properties in DSP0230 element order.</summary>
    public IReadOnlyList<CimProperty> XmlOrder { get; }

    public IEnumerable<CimMethod> Methods => _methods.Values;

    public CimProperty? GetProperty(string name) => _byName.GetValueOrDefault(name);

    public CimMethod? GetMethod(string name) => _methods.GetValueOrDefault(name);

    /// <summary>True when this class is <paramref name="className"/> or derives from it.</summary>
    public bool IsA(string className)
    {
        for (var c = this; c is not null; c = c.Superclass)
            if (string.Equals(c.Name, className, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public override string ToString() => Name;
}
