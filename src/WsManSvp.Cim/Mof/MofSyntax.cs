namespace WsManSvp.Cim.Mof;

/// <summary>A MOF constant or array of constants as written (DSP0004 Annex A).</summary>
public abstract record MofValue
{
    public sealed record String(string Value) : MofValue;
    /// <summary>An integer or real literal, kept as written (typing happens against the declared type).</summary>
    public sealed record Number(string Text) : MofValue;
    public sealed record Char(char Value) : MofValue;
    public sealed record Boolean(bool Value) : MofValue;
    public sealed record Null : MofValue;
    public sealed record Alias(string Name) : MofValue;
    public sealed record Array(IReadOnlyList<MofValue> Items) : MofValue;
}

public sealed record MofQualifier(string Name, MofValue? Value)
{
    /// <summary>The qualifier's strings (one for a scalar, all of an array).</summary>
    public IReadOnlyList<string> Strings => Value switch
    {
        MofValue.String s => [s.Value],
        MofValue.Array a => a.Items.OfType<MofValue.String>().Select(s => s.Value).ToArray(),
        _ => [],
    };
}

/// <summary>A type as written: a CIM intrinsic type name, or a class name with REF.</summary>
public sealed record MofType(string Name, bool IsReference, bool IsArray);

public sealed record MofProperty(string Name, MofType Type, IReadOnlyList<MofQualifier> Qualifiers, MofValue? Default);

public sealed record MofParameter(string Name, MofType Type, IReadOnlyList<MofQualifier> Qualifiers);

public sealed record MofMethod(string Name, MofType ReturnType, IReadOnlyList<MofQualifier> Qualifiers, IReadOnlyList<MofParameter> Parameters);

public sealed record MofClass(
    string Name,
    string? SuperclassName,
    IReadOnlyList<MofQualifier> Qualifiers,
    IReadOnlyList<MofProperty> Properties,
    IReadOnlyList<MofMethod> Methods,
    int Line);

public sealed record MofPropertyValue(string Name, MofValue Value);

public sealed record MofInstance(string ClassName, string? Alias, IReadOnlyList<MofPropertyValue> Properties, int Line);

public sealed record MofDocument(IReadOnlyList<MofClass> Classes, IReadOnlyList<MofInstance> Instances);

public static class MofQualifiers
{
    public static MofQualifier? Find(this IReadOnlyList<MofQualifier> qualifiers, string name)
    {
        foreach (var q in qualifiers)
            if (string.Equals(q.Name, name, StringComparison.OrdinalIgnoreCase)) return q;
        return null;
    }

    /// <summary>True when a boolean qualifier is present and not explicitly false.</summary>
    public static bool Has(this IReadOnlyList<MofQualifier> qualifiers, string name) =>
        qualifiers.Find(name) is { } q && q.Value is not MofValue.Boolean { Value: false };

    public static string? StringOf(this IReadOnlyList<MofQualifier> qualifiers, string name) =>
        qualifiers.Find(name)?.Value is MofValue.String s ? s.Value : null;
}
