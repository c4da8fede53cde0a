using WsManSvp.Cim.Model;

namespace WsManSvp.Cim.Schema;

public sealed record CimParameter(
    string Name,
    CimType Type,
    bool IsArray,
    bool IsIn,
    bool IsOut,
    string? ReferenceClass,
    string? EmbeddedInstance,
    IReadOnlyList<string> ValueMap,
    bool IsEmbeddedObject = false)
{
    /// <summary>A string that carries an embedded instance (EmbeddedInstance or EmbeddedObject qualifier).</summary>
    public bool CarriesInstance => Type == CimType.String && (EmbeddedInstance is not null || IsEmbeddedObject);
}

/// <summary>An extrinsic method of a class (DSP0004), invoked over WS-Man as a custom action.</summary>
public sealed class CimMethod(string name, CimType returnType, IReadOnlyList<CimParameter> parameters, string declaringClass)
{
    public string Name { get; } = name;

    public CimType ReturnType { get; } = returnType;

    public IReadOnlyList<CimParameter> Parameters { get; } = parameters;

    public string DeclaringClass { get; } = declaringClass;

    public CimParameter? GetParameter(string name)
    {
        foreach (var p in Parameters)
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) return p;
        return null;
    }
}
