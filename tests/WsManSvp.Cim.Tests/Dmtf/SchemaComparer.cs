using WsManSvp.Cim.Model;
using WsManSvp.Cim.Mof;
using WsManSvp.Cim.Schema;

namespace WsManSvp.Cim.Tests.Dmtf;

/// <summary>
/// Compares the project's class declarations with reference MOF classes (DMTF's). Omitting a member is
/// allowed; a member we declare must match the reference exactly: type, arrayness, reference class,
/// EmbeddedInstance, key-ness, method signature and parameter directions. The reference side is resolved
/// here from the raw MOF, independently of <see cref="CimClassRepository"/>.
/// </summary>
public sealed class SchemaComparer(IReadOnlyDictionary<string, MofClass> reference)
{
    private readonly Dictionary<string, ResolvedClass> _resolved = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every mismatch, one line each ("Class.Member: ours X vs DMTF Y"); empty when all match.</summary>
    public IReadOnlyList<string> Compare(IEnumerable<CimClass> ours)
    {
        var mismatches = new List<string>();
        foreach (var cls in ours.OrderBy(c => c.Name, StringComparer.Ordinal))
            CompareClass(cls, mismatches);
        return mismatches;
    }

    private void CompareClass(CimClass ours, List<string> mismatches)
    {
        if (!reference.TryGetValue(ours.Name, out var mof))
        {
            mismatches.Add($"{ours.Name}: ours declared vs DMTF no such class");
            return;
        }
        var dmtf = Resolve(mof.Name);
        var ourSuper = ours.Superclass?.Name ?? "(none)";
        var dmtfSuper = mof.SuperclassName ?? "(none)";
        if (!string.Equals(ourSuper, dmtfSuper, StringComparison.OrdinalIgnoreCase))
            mismatches.Add($"{ours.Name}: superclass ours {ourSuper} vs DMTF {dmtfSuper}");

        foreach (var p in ours.Properties)
        {
            if (!dmtf.Properties.TryGetValue(p.Name, out var d))
            {
                mismatches.Add($"{ours.Name}.{p.Name}: ours {Describe(p)} vs DMTF no such property");
                continue;
            }
            var ourText = Describe(p);
            if (!string.Equals(ourText, d.Text, StringComparison.OrdinalIgnoreCase))
                mismatches.Add($"{ours.Name}.{p.Name}: ours {ourText} vs DMTF {d.Text}");
            if (p.IsKey != d.IsKey)
                mismatches.Add($"{ours.Name}.{p.Name}: ours {KeyWord(p.IsKey)} vs DMTF {KeyWord(d.IsKey)}");
        }
        var ourKeys = KeyList(ours.KeyProperties.Select(k => k.Name));
        var dmtfKeys = KeyList(dmtf.Properties.Values.Where(p => p.IsKey).Select(p => p.Name));
        if (!string.Equals(ourKeys, dmtfKeys, StringComparison.OrdinalIgnoreCase))
            mismatches.Add($"{ours.Name}: keys ours {{{ourKeys}}} vs DMTF {{{dmtfKeys}}}");

        foreach (var m in ours.Methods.OrderBy(m => m.Name, StringComparer.Ordinal))
            CompareMethod(ours.Name, m, dmtf, mismatches);
    }

    private static void CompareMethod(string className, CimMethod ours, ResolvedClass dmtf, List<string> mismatches)
    {
        var where = $"{className}.{ours.Name}";
        if (!dmtf.Methods.TryGetValue(ours.Name, out var d))
        {
            mismatches.Add($"{where}: ours declared vs DMTF no such method");
            return;
        }
        var dmtfReturn = TypeText(d.ReturnType);
        if (!string.Equals(ours.ReturnType.MofName(), dmtfReturn, StringComparison.OrdinalIgnoreCase))
            mismatches.Add($"{where}: return type ours {ours.ReturnType.MofName()} vs DMTF {dmtfReturn}");

        var ourNames = string.Join(", ", ours.Parameters.Select(p => p.Name));
        var dmtfNames = string.Join(", ", d.Parameters.Select(p => p.Name));
        if (!string.Equals(ourNames, dmtfNames, StringComparison.OrdinalIgnoreCase))
        {
            mismatches.Add($"{where}: parameters ours ({ourNames}) vs DMTF ({dmtfNames})");
            return;
        }
        for (var i = 0; i < ours.Parameters.Count; i++)
        {
            var ourText = Describe(ours.Parameters[i]);
            var dmtfText = Describe(d.Parameters[i]);
            if (!string.Equals(ourText, dmtfText, StringComparison.OrdinalIgnoreCase))
                mismatches.Add($"{where}({ours.Parameters[i].Name}): ours {ourText} vs DMTF {dmtfText}");
        }
    }

    /// <summary>A DMTF class with its superclasses' properties and methods folded in, most derived declaration winning.</summary>
    private ResolvedClass Resolve(string name)
    {
        if (_resolved.TryGetValue(name, out var done)) return done;
        var mof = reference[name];
        var properties = new Dictionary<string, ResolvedProperty>(StringComparer.OrdinalIgnoreCase);
        var methods = new Dictionary<string, MofMethod>(StringComparer.OrdinalIgnoreCase);
        if (mof.SuperclassName is { } superName)
        {
            if (!reference.ContainsKey(superName))
                throw new InvalidOperationException($"DMTF class {name} derives from {superName}, which the schema does not declare.");
            var super = Resolve(superName);
            foreach (var (key, value) in super.Properties) properties[key] = value;
            foreach (var (key, value) in super.Methods) methods[key] = value;
        }
        foreach (var p in mof.Properties)
        {
            var inherited = properties.GetValueOrDefault(p.Name);
            // Key has flavor DisableOverride: once a key, a key in every subclass.
            var isKey = p.Qualifiers.Has("Key") || inherited?.IsKey == true;
            var embedded = p.Qualifiers.StringOf("EmbeddedInstance") ?? inherited?.EmbeddedInstance;
            properties[p.Name] = new ResolvedProperty(p.Name, Describe(p.Type, embedded), isKey, embedded);
        }
        foreach (var m in mof.Methods) methods[m.Name] = m;
        var resolved = new ResolvedClass(properties, methods);
        _resolved[name] = resolved;
        return resolved;
    }

    private static string Describe(CimProperty p) =>
        Describe(p.Type == CimType.Reference ? $"{p.ReferenceClass} REF" : p.Type.MofName(), p.IsArray, p.EmbeddedInstance);

    private static string Describe(CimParameter p) =>
        Describe(p.Type == CimType.Reference ? $"{p.ReferenceClass} REF" : p.Type.MofName(), p.IsArray, p.EmbeddedInstance)
        + " " + Direction(p.IsIn, p.IsOut);

    private static string Describe(MofParameter p)
    {
        // DSP0004: a parameter without an In qualifier is an input parameter.
        var isIn = p.Qualifiers.Find("In") is null || p.Qualifiers.Has("In");
        return Describe(p.Type, p.Qualifiers.StringOf("EmbeddedInstance")) + " " + Direction(isIn, p.Qualifiers.Has("Out"));
    }

    private static string Describe(MofType type, string? embeddedInstance) => Describe(TypeText(type), type.IsArray, embeddedInstance);

    private static string Describe(string type, bool isArray, string? embeddedInstance) =>
        type + (isArray ? "[]" : "") + (embeddedInstance is null ? "" : $" EmbeddedInstance(\"{embeddedInstance}\")");

    private static string TypeText(MofType type) => type.IsReference ? $"{type.Name} REF" : type.Name.ToLowerInvariant();

    private static string Direction(bool isIn, bool isOut) => (isIn, isOut) switch
    {
        (true, true) => "IN/OUT",
        (true, false) => "IN",
        (false, true) => "OUT",
        _ => "neither IN nor OUT",
    };

    private static string KeyWord(bool isKey) => isKey ? "key" : "not key";

    private static string KeyList(IEnumerable<string> names) =>
        string.Join(", ", names.Order(StringComparer.OrdinalIgnoreCase));

    private sealed record ResolvedProperty(string Name, string Text, bool IsKey, string? EmbeddedInstance);

    private sealed record ResolvedClass(
        IReadOnlyDictionary<string, ResolvedProperty> Properties,
        IReadOnlyDictionary<string, MofMethod> Methods);
}
