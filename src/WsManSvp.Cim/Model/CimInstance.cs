using WsManSvp.Cim.Schema;

namespace WsManSvp.Cim.Model;

/// <summary>
/// An instance of a class in a namespace: one value slot per class property (NULL until set). Providers
/// build it, then hand it on; values are type-checked against the class as they are set.
/// </summary>
public sealed class CimInstance
{
    private readonly CimValue[] _values;

    public CimInstance(CimClass cls, string @namespace = CimObjectPath.DefaultNamespace)
    {
        Class = cls;
        Namespace = @namespace;
        _values = new CimValue[cls.Properties.Count];
        foreach (var p in cls.Properties) _values[p.Index] = CimValue.Null(p.Type, p.IsArray);
    }

    public CimClass Class { get; }

    public string Namespace { get; }

    public CimValue this[CimProperty property] => _values[property.Index];

    public CimValue this[string propertyName] => _values[Property(propertyName).Index];

    public CimProperty Property(string name) =>
        Class.GetProperty(name) ?? throw new KeyNotFoundException($"Class {Class.Name} has no property {name}.");

    /// <summary>Sets a property; the value must have the property's type and arity (or be NULL).</summary>
    public CimInstance Set(string propertyName, CimValue value)
    {
        var p = Property(propertyName);
        if (value.Type != p.Type || value.IsArray != p.IsArray)
        {
            if (!value.IsNull)
                throw new ArgumentException($"{Class.Name}.{p.Name} is {p}, not {value.Type.MofName()}{(value.IsArray ? "[]" : "")}.", nameof(value));
            value = CimValue.Null(p.Type, p.IsArray);
        }
        _values[p.Index] = value;
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
}
