using System.Reflection;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Mof;

namespace WsManSvp.Cim.Schema;

/// <summary>
/// The classes the service knows, built from MOF class declarations (the project's own, in schemas/,
/// embedded in this assembly). Built once at start-up; read-only afterwards.
/// </summary>
public sealed class CimClassRepository
{
    private readonly Dictionary<string, CimClass> _classes;
    private readonly Dictionary<string, CimClass[]> _subclasses;

    private CimClassRepository(Dictionary<string, CimClass> classes)
    {
        _classes = classes;
        _subclasses = classes.Values.ToDictionary(
            c => c.Name,
            c => classes.Values.Where(d => d.IsA(c.Name)).OrderBy(d => Depth(d)).ThenBy(d => d.Name, StringComparer.Ordinal).ToArray(),
            StringComparer.OrdinalIgnoreCase);
    }

    public IEnumerable<CimClass> Classes => _classes.Values;

    public CimClass? GetClass(string name) => _classes.GetValueOrDefault(name);

    /// <summary>The class and every class derived from it, most general first.</summary>
    public IReadOnlyList<CimClass> SelfAndSubclasses(CimClass cls) => _subclasses[cls.Name];

    /// <summary>The declarations embedded in this assembly (schemas/*.mof).</summary>
    public static CimClassRepository LoadEmbedded()
    {
        var assembly = typeof(CimClassRepository).Assembly;
        var sources = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("schemas/", StringComparison.Ordinal) && n.EndsWith(".mof", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n, ReadResource(assembly, n)));
        return FromMof(sources);
    }

    /// <summary>Builds a repository from MOF texts; throws <see cref="CimSchemaException"/> naming the source on any error.</summary>
    public static CimClassRepository FromMof(IEnumerable<(string Source, string Text)> sources)
    {
        var declarations = new Dictionary<string, (MofClass Class, string Source)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (source, text) in sources)
        {
            MofDocument document;
            try { document = MofParser.Parse(text); }
            catch (MofException e) { throw new CimSchemaException($"{source}: {e.Message}"); }
            foreach (var c in document.Classes)
            {
                if (!declarations.TryAdd(c.Name, (c, source)))
                    throw new CimSchemaException($"{source}:{c.Line}: class {c.Name} is declared twice.");
            }
        }
        var built = new Dictionary<string, CimClass>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in declarations.Keys) Build(name, declarations, built, []);
        return new CimClassRepository(built);
    }

    private static CimClass Build(string name, Dictionary<string, (MofClass Class, string Source)> declarations,
        Dictionary<string, CimClass> built, HashSet<string> inProgress)
    {
        if (built.TryGetValue(name, out var done)) return done;
        var (mof, source) = declarations[name];
        if (!inProgress.Add(name)) throw new CimSchemaException($"{source}:{mof.Line}: class {name} derives from itself.");
        CimClass? super = null;
        if (mof.SuperclassName is { } superName)
        {
            if (!declarations.ContainsKey(superName))
                throw new CimSchemaException($"{source}:{mof.Line}: class {name} derives from {superName}, which is not declared.");
            super = Build(superName, declarations, built, inProgress);
        }

        var properties = new List<CimProperty>(super?.Properties ?? []);
        foreach (var p in mof.Properties)
        {
            var inherited = properties.FindIndex(x => string.Equals(x.Name, p.Name, StringComparison.OrdinalIgnoreCase));
            var previous = inherited >= 0 ? properties[inherited] : null;
            var (type, refClass) = ResolveType(p.Type, source, mof, p.Name);
            var property = new CimProperty(
                p.Name, type, p.Type.IsArray,
                isKey: p.Qualifiers.Has("Key") || previous?.IsKey == true,
                refClass,
                p.Qualifiers.StringOf("EmbeddedInstance") ?? previous?.EmbeddedInstance,
                p.Qualifiers.Has("EmbeddedObject") || previous?.IsEmbeddedObject == true,
                p.Qualifiers.Find("ValueMap")?.Strings ?? previous?.ValueMap ?? [],
                previous?.DeclaringClass ?? mof.Name,
                inherited >= 0 ? inherited : properties.Count);
            if (previous is not null && (previous.Type != type || previous.IsArray != p.Type.IsArray))
                throw new CimSchemaException($"{source}:{mof.Line}: {mof.Name}.{p.Name} changes the type it inherits.");
            if (inherited >= 0) properties[inherited] = property;
            else properties.Add(property);
        }

        var methods = new Dictionary<string, CimMethod>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in super?.Methods ?? []) methods[m.Name] = m;
        foreach (var m in mof.Methods)
        {
            var (returnType, _) = ResolveType(m.ReturnType, source, mof, m.Name);
            var parameters = m.Parameters.Select(p =>
            {
                var (type, refClass) = ResolveType(p.Type, source, mof, $"{m.Name}({p.Name})");
                var inQualifier = p.Qualifiers.Find("In");
                return new CimParameter(p.Name, type, p.Type.IsArray,
                    IsIn: inQualifier is null || p.Qualifiers.Has("In"),
                    IsOut: p.Qualifiers.Has("Out"),
                    refClass,
                    p.Qualifiers.StringOf("EmbeddedInstance"),
                    p.Qualifiers.Find("ValueMap")?.Strings ?? [],
                    p.Qualifiers.Has("EmbeddedObject"));
            }).ToArray();
            methods[m.Name] = new CimMethod(m.Name, returnType, parameters, mof.Name);
        }

        var cls = new CimClass(mof.Name, super,
            isAbstract: mof.Qualifiers.Has("Abstract"),
            isAssociation: mof.Qualifiers.Has("Association") || super?.IsAssociation == true,
            isIndication: mof.Qualifiers.Has("Indication") || super?.IsIndication == true,
            properties, methods.Values.ToArray());
        inProgress.Remove(name);
        built[name] = cls;
        return cls;
    }

    private static (CimType Type, string? ReferenceClass) ResolveType(MofType type, string source, MofClass owner, string feature)
    {
        if (type.IsReference) return (CimType.Reference, type.Name);
        if (CimTypes.TryParseMofName(type.Name, out var cimType)) return (cimType, null);
        throw new CimSchemaException($"{source}:{owner.Line}: {owner.Name}.{feature} has unknown type '{type.Name}'.");
    }

    private static int Depth(CimClass c)
    {
        var depth = 0;
        for (var s = c.Superclass; s is not null; s = s.Superclass) depth++;
        return depth;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

public sealed class CimSchemaException(string message) : Exception(message);
