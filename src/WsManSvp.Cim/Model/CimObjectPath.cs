using System.Text;

namespace WsManSvp.Cim.Model;

/// <summary>One key property of an object path: its name and value.</summary>
public readonly record struct CimKeyBinding(string Name, CimValue Value);

/// <summary>
/// A reference to a CIM instance: namespace, class and key bindings (DSP0004 object path). Names compare
/// case-insensitively, key values exactly, key order does not matter.
/// </summary>
public sealed class CimObjectPath : IEquatable<CimObjectPath>
{
    public const string DefaultNamespace = "root/cimv2";

    public CimObjectPath(string @namespace, string className, IReadOnlyList<CimKeyBinding> keys)
    {
        Namespace = @namespace;
        ClassName = className;
        Keys = keys;
    }

    public string Namespace { get; }

    public string ClassName { get; }

    public IReadOnlyList<CimKeyBinding> Keys { get; }

    public CimValue? GetKey(string name)
    {
        foreach (var k in Keys)
            if (string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase)) return k.Value;
        return null;
    }

    /// <summary>A string key's value; null when the key is absent, NULL or not a string.</summary>
    public string? StringKey(string name) =>
        GetKey(name) is { IsNull: false, IsArray: false, Type: CimType.String } v ? v.AsString() : null;

    /// <summary>
    /// Whether every key of <paramref name="keys"/> is in this path with a matching value. Values match as
    /// Windows compares them (DSP0226 R5.1.2.2-1 leaves it to the service): strings regardless of case.
    /// </summary>
    public bool MatchesKeys(CimObjectPath keys)
    {
        foreach (var k in keys.Keys)
            if (GetKey(k.Name) is not { } v || !KeyValuesMatch(v, k.Value)) return false;
        return true;
    }

    public static bool KeyValuesMatch(CimValue a, CimValue b) =>
        a is { Type: CimType.String, IsNull: false, IsArray: false } && b is { Type: CimType.String, IsNull: false, IsArray: false }
            ? string.Equals(a.AsString(), b.AsString(), StringComparison.OrdinalIgnoreCase)
            : a.Equals(b);

    public bool Equals(CimObjectPath? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        if (!string.Equals(ClassName, other.ClassName, StringComparison.OrdinalIgnoreCase) ||
            !string.Equals(Namespace, other.Namespace, StringComparison.OrdinalIgnoreCase) ||
            Keys.Count != other.Keys.Count)
            return false;
        foreach (var k in Keys)
            if (other.GetKey(k.Name) is not { } v || !v.Equals(k.Value)) return false;
        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as CimObjectPath);

    public override int GetHashCode()
    {
        var hash = StringComparer.OrdinalIgnoreCase.GetHashCode(ClassName);
        foreach (var k in Keys) hash ^= StringComparer.OrdinalIgnoreCase.GetHashCode(k.Name) * 31 + k.Value.GetHashCode();
        return hash;
    }

    /// <summary>The DSP0004 textual form: namespace:Class.Key="value",...</summary>
    public override string ToString()
    {
        var sb = new StringBuilder().Append(Namespace).Append(':').Append(ClassName);
        for (var i = 0; i < Keys.Count; i++)
        {
            sb.Append(i == 0 ? '.' : ',').Append(Keys[i].Name).Append('=');
            var v = Keys[i].Value;
            if (v.IsNull) sb.Append("NULL"); // not a valid path, but worth showing in messages
            else if (v.Type is CimType.String or CimType.Char16 or CimType.DateTime or CimType.Reference)
                sb.Append('"').Append(v.ToText().Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
            else sb.Append(v.ToText());
        }
        return sb.ToString();
    }
}
