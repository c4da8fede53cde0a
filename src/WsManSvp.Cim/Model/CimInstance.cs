using WsManSvp.Cim.Schema;

namespace WsManSvp.Cim.Model;

/// <summary>
/// An instance of a class in a namespace: one value slot per class property (NULL until set). Providers
/// build it, then hand it on; values are type-checked against the class as they are set. Each slot also
/// remembers whether it was ever set (<see cref="IsSpecified(CimProperty)"/>): an instance read from a
/// request tells the properties the client sent, NULL included, from those it left out.
/// </summary>
public sealed class CimInstance
{
    private readonly CimValue[] _values;
    private readonly ulong[] _specified;

    public CimInstance(CimClass cls, string @namespace = CimObjectPath.DefaultNamespace)
    {
        Class = cls;
        Namespace = @namespace;
        _values = new CimValue[cls.Properties.Count];
        _specified = new ulong[(cls.Properties.Count + 63) >> 6];
        foreach (var p in cls.Properties) _values[p.Index] = CimValue.Null(p.Type, p.IsArray);
    }

    public CimClass Class { get; }

    public string Namespace { get; }

    public CimValue this[CimProperty property] => _values[property.Index];

    public CimValue this[string propertyName] => _values[Property(propertyName).Index];

    public CimProperty Property(string name) =>
        Class.GetProperty(name) ?? throw new KeyNotFoundException($"Class {Class.Name} has no property {name}.");

    /// <summary>Whether the property was set, to a value or to NULL; a property never set is NULL too.</summary>
    public bool IsSpecified(CimProperty property) => (_specified[property.Index >> 6] & (1UL << property.Index)) != 0;

    public bool IsSpecified(string propertyName) => IsSpecified(Property(propertyName));

    /// <summary>The properties that were set, in class order.</summary>
    public IEnumerable<CimProperty> SpecifiedProperties => Class.Properties.Where(IsSpecified);

    /// <summary>
    /// Sets a property; the value must have the property's type and arity (or be NULL). A string that carries
    /// an embedded instance (<see cref="CimProperty.CarriesInstance"/>) also takes instances, which must be of
    /// the EmbeddedInstance class or derive from it.
    /// </summary>
    public CimInstance Set(string propertyName, CimValue value)
    {
        var p = Property(propertyName);
        if (value.IsNull)
        {
            value = CimValue.Null(p.Type, p.IsArray);
        }
        else if (value.IsArray != p.IsArray || (value.Type != p.Type && !(value.Type == CimType.Instance && p.CarriesInstance)))
        {
            throw new ArgumentException($"{Class.Name}.{p.Name} is {p}, not {value.Type.MofName()}{(value.IsArray ? "[]" : "")}.", nameof(value));
        }
        if (value.Type == CimType.Instance && p.EmbeddedInstance is { } embedded) CheckEmbedded(p, value, embedded);
        _values[p.Index] = value;
        _specified[p.Index >> 6] |= 1UL << p.Index;
        return this;
    }

    public CimInstance Set(string propertyName, string? value) => Set(propertyName, CimValue.String(value));

    /// <summary>The object path made of the namespace, class and key property values.</summary>
    public CimObjectPath GetPath()
    {
        var keys = new CimKeyBinding[Class.KeyProperties.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var p = Class.KeyProperties[i];
            keys[i] = new CimKeyBinding(p.Name, _values[p.Index]);
        }
        return new CimObjectPath(Namespace, Class.Name, keys);
    }

    /// <summary>Whether the other instance is of the same class and namespace with equal values (embedded instances compared alike).</summary>
    public bool HasSameValues(CimInstance other)
    {
        if (!ReferenceEquals(Class, other.Class) || Namespace != other.Namespace) return false;
        for (var i = 0; i < _values.Length; i++)
        {
            if (!SameValue(_values[i], other._values[i])) return false;
        }
        return true;
    }

    private static bool SameValue(CimValue a, CimValue b)
    {
        // CimValue equality compares embedded instances by reference; here their values count.
        if (a.Type != CimType.Instance || b.Type != CimType.Instance || a.IsNull || b.IsNull || a.IsArray != b.IsArray) return a == b;
        if (!a.IsArray) return a.AsInstance().HasSameValues(b.AsInstance());
        var x = a.AsArray();
        var y = b.AsArray();
        if (x.Length != y.Length) return false;
        for (var i = 0; i < x.Length; i++)
        {
            if (!x[i].AsInstance().HasSameValues(y[i].AsInstance())) return false;
        }
        return true;
    }

    private void CheckEmbedded(CimProperty p, CimValue value, string embedded)
    {
        var items = value.IsArray ? value.AsArray() : new ReadOnlySpan<CimValue>(in value);
        foreach (var item in items)
        {
            var cls = item.AsInstance().Class;
            if (!cls.IsA(embedded))
                throw new ArgumentException($"{Class.Name}.{p.Name} holds {embedded} instances, not a {cls.Name}.", nameof(value));
        }
    }
}
