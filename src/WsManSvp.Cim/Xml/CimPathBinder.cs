using WsManSvp.Cim.Model;
using WsManSvp.Cim.Schema;

namespace WsManSvp.Cim.Xml;

/// <summary>
/// Turns selector sets and endpoint references into CIM object paths (DSP0227 clause 7): selector names
/// match key properties case-insensitively, values are typed by the key's declaration, __cimnamespace
/// names the namespace.
/// </summary>
public sealed class CimPathBinder(CimClassRepository repository, IReadOnlySet<string> namespaces)
{
    public const string NamespaceSelector = "__cimnamespace";

    public CimClassRepository Repository { get; } = repository;

    /// <summary>The namespace a selector set names, or <paramref name="defaultNamespace"/> when it names none.</summary>
    public string NamespaceOf(IReadOnlyList<Selector> selectors, string defaultNamespace)
    {
        string? found = null;
        foreach (var s in selectors)
        {
            if (!string.Equals(s.Name, NamespaceSelector, StringComparison.OrdinalIgnoreCase)) continue;
            if (found is not null)
                throw new CimSelectorException(SelectorProblem.DuplicateSelectors, "The __cimnamespace selector appears twice.");
            found = NormalizeNamespace(s.Value ?? "");
            if (!namespaces.Contains(found))
                throw new CimSelectorException(SelectorProblem.InvalidValue,
                    $"Namespace '{s.Value}' is not served; served namespaces: {string.Join(", ", namespaces.Order())}.");
        }
        return found ?? defaultNamespace;
    }

    /// <summary>
    /// The path the selectors name. With <paramref name="allowPartial"/>, missing keys are allowed (the
    /// caller then looks the instance up by the keys given); otherwise every key is required.
    /// </summary>
    public CimObjectPath Bind(CimClass cls, string @namespace, IReadOnlyList<Selector> selectors, bool allowPartial)
    {
        var keys = new List<CimKeyBinding>(cls.KeyProperties.Count);
        foreach (var s in selectors)
        {
            if (string.Equals(s.Name, NamespaceSelector, StringComparison.OrdinalIgnoreCase)) continue;
            var property = cls.GetProperty(s.Name);
            if (property is null || !property.IsKey)
                throw new CimSelectorException(SelectorProblem.UnexpectedSelectors,
                    $"'{s.Name}' is not a key of {cls.Name}; its keys are {KeyList(cls)}.");
            if (keys.Exists(k => string.Equals(k.Name, property.Name, StringComparison.OrdinalIgnoreCase)))
                throw new CimSelectorException(SelectorProblem.DuplicateSelectors, $"Selector '{s.Name}' appears twice.");
            keys.Add(new CimKeyBinding(property.Name, BindValue(property, s)));
        }
        if ((!allowPartial && keys.Count < cls.KeyProperties.Count) || (keys.Count == 0 && cls.KeyProperties.Count > 0))
        {
            var missing = cls.KeyProperties.Where(p => !keys.Exists(k => k.Name == p.Name)).Select(p => p.Name);
            throw new CimSelectorException(SelectorProblem.InsufficientSelectors,
                $"{cls.Name} is identified by {KeyList(cls)}; missing: {string.Join(", ", missing)}.");
        }
        return new CimObjectPath(@namespace, cls.Name, keys);
    }

    /// <summary>A reference value: the EPR must name a known class and all of its keys.</summary>
    public CimObjectPath BindReference(EndpointReference epr, string defaultNamespace)
    {
        if (epr.ResourceUri is null || !ResourceUriScheme.TryParse(epr.ResourceUri, out _, out var className, out var uriNamespace))
            throw new CimSelectorException(SelectorProblem.InvalidValue, $"The reference's resource URI '{epr.ResourceUri}' does not name a CIM class.");
        var cls = Repository.GetClass(className)
            ?? throw new CimSelectorException(SelectorProblem.InvalidValue, $"The reference names class {className}, which this service does not know.");
        var ns = NamespaceOf(epr.Selectors, uriNamespace ?? defaultNamespace);
        return Bind(cls, ns, epr.Selectors, allowPartial: false);
    }

    private CimValue BindValue(CimProperty key, Selector s)
    {
        if (key.Type == CimType.Reference)
        {
            if (s.Reference is null)
                throw new CimSelectorException(SelectorProblem.TypeMismatch, $"Selector '{s.Name}' is a reference; it needs an endpoint reference, not text.");
            return CimValue.Reference(BindReference(s.Reference, CimObjectPath.DefaultNamespace));
        }
        if (s.Reference is not null)
            throw new CimSelectorException(SelectorProblem.TypeMismatch, $"Selector '{s.Name}' is {key.Type.MofName()}, not a reference.");
        if (!CimValueParser.TryParse(key.Type, s.Value ?? "", out var value, out var error))
            throw new CimSelectorException(SelectorProblem.TypeMismatch, $"Selector '{s.Name}': {error}");
        return value;
    }

    /// <summary>Namespaces are compared in lower case with '/' separators (WMI clients write root\cimv2).</summary>
    public static string NormalizeNamespace(string ns) => ns.Trim().Replace('\\', '/').ToLowerInvariant();

    private static string KeyList(CimClass cls) => string.Join(", ", cls.KeyProperties.Select(k => k.Name));
}
