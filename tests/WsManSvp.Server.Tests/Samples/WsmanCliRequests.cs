using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Samples;

/// <summary>
/// The requests openwsman's `wsman` sends (it is not installable here), built from its captured requests in
/// ../shared/interop/wsmancli: `wsman invoke -a METHOD URI?SELECTORS -J FILE` and `-k NAME=VALUE` from
/// invoke_J.xml, `wsman get URI?SELECTORS` from get_selectors.xml. The capture's headers are kept; the
/// resource, the selectors and the body change as wsman changes them. With -J, wsman copies the file's root
/// element into the Body as openwsman's ws_xml_duplicate_tree does: each element rebuilt by namespace and
/// local name under the prefixes the envelope declares (n1 for the resource URI), attributes copied, the
/// text of leaf elements only — which is why the input files write embedded instances as escaped text.
/// </summary>
public static class WsmanCliRequests
{
    private const string CapturedClassUri = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystem";

    /// <summary>`wsman invoke -a METHOD RESOURCE?SELECTORS -J FILE`, given the file's text.</summary>
    public static string InvokeWithInput(string resourceUri, string method, IEnumerable<(string Name, string Value)> selectors, string input) =>
        Invoke(resourceUri, method, selectors, Duplicate(XDocument.Parse(input).Root!));

    /// <summary>`wsman invoke -a METHOD RESOURCE?SELECTORS -k NAME=VALUE ...`: METHOD_INPUT in the resource's namespace.</summary>
    public static string InvokeWithProperties(string resourceUri, string method, IEnumerable<(string Name, string Value)> selectors,
        params (string Name, string Value)[] properties)
    {
        XNamespace n1 = resourceUri;
        return Invoke(resourceUri, method, selectors, new XElement(n1 + $"{method}_INPUT", properties.Select(p => new XElement(n1 + p.Name, p.Value))));
    }

    /// <summary>`wsman get RESOURCE?SELECTORS`, with the __cimnamespace selector as in the capture.</summary>
    public static string Get(string resourceUri, IEnumerable<(string Name, string Value)> selectors)
    {
        var envelope = Load("wsmancli/get_selectors.xml");
        Header(envelope, Ns.WsMan + "ResourceURI").Value = resourceUri;
        var set = Header(envelope, Ns.WsMan + "SelectorSet");
        var cimNamespace = set.Elements().Single(s => (string?)s.Attribute("Name") == "__cimnamespace");
        set.ReplaceNodes(selectors.Select(Selector).Append(cimNamespace));
        return envelope.Declaration + envelope.ToString(SaveOptions.DisableFormatting);
    }

    private static string Invoke(string resourceUri, string method, IEnumerable<(string Name, string Value)> selectors, XElement input)
    {
        var text = File.ReadAllText(TestPaths.Interop("wsmancli/invoke_J.xml")).Replace(CapturedClassUri, resourceUri, StringComparison.Ordinal);
        var envelope = XDocument.Parse(text);
        var action = Header(envelope, Ns.Wsa + "Action");
        action.Value = action.Value[..(action.Value.LastIndexOf('/') + 1)] + method;
        Header(envelope, Ns.WsMan + "SelectorSet").ReplaceNodes(selectors.Select(Selector));
        envelope.Root!.Element(Ns.S + "Body")!.ReplaceNodes(input);
        return envelope.Declaration + envelope.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>ws_xml_duplicate_tree: the element by namespace and local name, its attributes, its children, or its text when it has none.</summary>
    private static XElement Duplicate(XElement source) =>
        new(source.Name, source.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => new XAttribute(a)),
            source.HasElements ? source.Elements().Select(Duplicate) : source.Value);

    private static XElement Selector((string Name, string Value) selector) =>
        new(Ns.WsMan + "Selector", new XAttribute("Name", selector.Name), selector.Value);

    private static XElement Header(XDocument envelope, XName name) => envelope.Root!.Element(Ns.S + "Header")!.Element(name)!;

    private static XDocument Load(string capture) => XDocument.Parse(File.ReadAllText(TestPaths.Interop(capture)));
}
