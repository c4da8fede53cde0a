using WsManSvp.Cim.Model;
using WsManSvp.Cim.Schema;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Faults;

namespace WsManSvp.WsMan.CimBinding;

/// <summary>
/// Class definitions as resources (DSP0227 clause 15, the CIM-XML form Windows and OMI serve; DSP1042 use
/// case 9.2.14): Get with selectors ClassName and __cimnamespace returns the class as a DSP0201 CLASS
/// element; Enumerate returns every class, or a class and those derived from it.
/// </summary>
internal sealed class ClassResource(CimClassRepository repository, IReadOnlySet<string> namespaces)
{
    public const string Uri = "http://schemas.dmtf.org/wbem/cim-xml/2/cim-schema/2/*";
    private const string ClassNameSelector = "ClassName";

    public static bool IsClassUri(string uri) => string.Equals(uri, Uri, StringComparison.OrdinalIgnoreCase);

    public void Write(Utf8XmlWriter w, IReadOnlyList<Selector> selectors)
    {
        var name = ClassNameOf(selectors)
            ?? throw Fault.InvalidSelectors("InsufficientSelectors", "A class is named by the ClassName selector.").ToException();
        var cls = repository.GetClass(name) ?? throw Fault.DestinationUnreachable($"Class {name} is not known here.").ToException();
        ClassDefinitionXml.Write(w, cls);
    }

    public IEnumerable<CimClass> Select(IReadOnlyList<Selector> selectors)
    {
        if (ClassNameOf(selectors) is not { } name) return repository.Classes.OrderBy(c => c.Name, StringComparer.Ordinal);
        var root = repository.GetClass(name) ?? throw Fault.DestinationUnreachable($"Class {name} is not known here.").ToException();
        return repository.SelfAndSubclasses(root);
    }

    private string? ClassNameOf(IReadOnlyList<Selector> selectors)
    {
        string? name = null;
        foreach (var selector in selectors)
        {
            if (string.Equals(selector.Name, CimPathBinder.NamespaceSelector, StringComparison.OrdinalIgnoreCase))
            {
                if (!namespaces.Contains(CimPathBinder.NormalizeNamespace(selector.Value ?? "")))
                    throw Fault.DestinationUnreachable($"Namespace '{selector.Value}' is not served.").ToException();
            }
            else if (string.Equals(selector.Name, ClassNameSelector, StringComparison.OrdinalIgnoreCase)) name = selector.Value?.Trim();
            else throw Fault.InvalidSelectors("UnexpectedSelectors", $"Class definitions are selected by ClassName and __cimnamespace, not '{selector.Name}'.").ToException();
        }
        return name;
    }
}
