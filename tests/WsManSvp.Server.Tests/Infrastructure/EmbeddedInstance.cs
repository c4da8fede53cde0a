using System.Security;
using System.Text;
using System.Xml.Linq;

namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>How a client writes an embedded instance parameter (WSMAN-FACTS: all three forms are accepted).</summary>
public enum EmbeddedForm
{
    /// <summary>CIM-XML INSTANCE text, escaped (Hyper-V scripts, libvirt's Hyper-V driver).</summary>
    CimXml,
    /// <summary>CIM-XML INSTANCE text in a CDATA section.</summary>
    CimXmlCData,
    /// <summary>A nested element typed with xsi:type, the properties its children (OMI, Windows).</summary>
    XsiType,
    /// <summary>MOF text "instance of CLASS { ... };" (cimtest, libvirt-cim).</summary>
    Mof,
}

/// <summary>
/// An instance a client prepares locally to pass as an embedded instance parameter: its class and the
/// property values it sets (strings, numbers, or string arrays), written in any of the <see cref="EmbeddedForm"/>s.
/// </summary>
public sealed record EmbeddedInstance(string ClassName, params (string Name, object Value)[] Properties)
{
    /// <summary>
    /// A local copy of an instance the client received (DSP1042 9.3.2.1, 9.3.2.3: the client "obtains the
    /// instance" and makes changes to it): every non-NULL property, as text. Values are typed by the class on
    /// the server, so text suits every form; an array holding one item travels as one value, which the
    /// server reads as that array (DSP0230, DSP0201).
    /// </summary>
    public static EmbeddedInstance From(NamedInstance received) => new(received.ClassName,
        received.Instance.Elements()
            .Where(p => (string?)p.Attribute(Ns.Xsi + "nil") != "true")
            .GroupBy(p => p.Name.LocalName)
            .Select(g => (g.Key, g.Count() > 1 ? (object)g.Select(p => p.Value).ToArray() : g.Single().Value))
            .ToArray());

    /// <summary>The copy with one property set (added, or its value replaced), as a client changes its local copy.</summary>
    public EmbeddedInstance With(string name, object value) =>
        this with { Properties = [.. Properties.Where(p => p.Name != name), (name, value)] };

    /// <summary>The value the copy holds for a property; null when it holds none.</summary>
    public object? this[string name] => Properties.FirstOrDefault(p => p.Name == name).Value;

    /// <summary>The parameter element <paramref name="parameter"/> holding this instance (in namespace p, the method's class).</summary>
    public string Write(string parameter, EmbeddedForm form) => form switch
    {
        EmbeddedForm.CimXml => $"<p:{parameter}>{SecurityElement.Escape(CimXml())}</p:{parameter}>",
        EmbeddedForm.CimXmlCData => $"<p:{parameter}><![CDATA[{CimXml()}]]></p:{parameter}>",
        EmbeddedForm.XsiType => XsiType(parameter),
        _ => $"<p:{parameter}>{SecurityElement.Escape(Mof())}</p:{parameter}>",
    };

    public string CimXml()
    {
        var sb = new StringBuilder($"<INSTANCE CLASSNAME=\"{ClassName}\">");
        foreach (var (name, value) in Properties)
        {
            if (value is string[] array)
            {
                sb.Append($"<PROPERTY.ARRAY NAME=\"{name}\" TYPE=\"string\"><VALUE.ARRAY>");
                foreach (var item in array) sb.Append($"<VALUE>{SecurityElement.Escape(item)}</VALUE>");
                sb.Append("</VALUE.ARRAY></PROPERTY.ARRAY>");
            }
            else sb.Append($"<PROPERTY NAME=\"{name}\" TYPE=\"{CimType(value)}\"><VALUE>{SecurityElement.Escape(Text(value))}</VALUE></PROPERTY>");
        }
        return sb.Append("</INSTANCE>").ToString();
    }

    public string Mof()
    {
        var sb = new StringBuilder($"instance of {ClassName} {{\n");
        foreach (var (name, value) in Properties)
        {
            var text = value switch
            {
                string[] array => "{" + string.Join(", ", array.Select(Quote)) + "}",
                string s => Quote(s),
                bool b => b ? "true" : "false",
                _ => Text(value),
            };
            sb.Append($"    {name} = {text};\n");
        }
        return sb.Append("};").ToString();
    }

    private string XsiType(string parameter)
    {
        XNamespace q = Ns.ClassPrefix + ClassName;
        var element = new XElement("placeholder",
            new XAttribute(XNamespace.Xmlns + "q", q.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "xsi", Ns.Xsi.NamespaceName),
            new XAttribute(Ns.Xsi + "type", $"q:{ClassName}_Type"),
            Properties.SelectMany(p => p.Value is string[] array
                ? array.Select(item => new XElement(q + p.Name, item))
                : [new XElement(q + p.Name, Text(p.Value))]));
        var xml = element.ToString(SaveOptions.DisableFormatting);
        return xml.Replace("<placeholder", $"<p:{parameter}", StringComparison.Ordinal).Replace("</placeholder>", $"</p:{parameter}>", StringComparison.Ordinal);
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Text(object value) => value switch
    {
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string CimType(object value) => value switch
    {
        bool => "boolean",
        ushort => "uint16",
        uint => "uint32",
        ulong or long or int => "uint64",
        _ => "string",
    };
}
