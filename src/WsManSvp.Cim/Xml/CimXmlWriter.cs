using System.Text;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Schema;

namespace WsManSvp.Cim.Xml;

/// <summary>
/// Writes CIM instances and values as DSP0230 XML: an element named after the class in the class's
/// namespace (prefix p), one child per property in schema order, arrays repeated, NULL as xsi:nil,
/// datetimes in cim:Datetime / cim:Interval, references as endpoint references, embedded instances as
/// elements typed with their class (xsi:type="q:CLASS_Type", children in the class namespace q). The wsa,
/// wsman, cim and xsi prefixes must be declared by an enclosing element (the envelope).
/// </summary>
public static class CimXmlWriter
{
    public static ReadOnlySpan<byte> ClassPrefix => "p"u8;

    public static void WriteInstance(Utf8XmlWriter w, CimInstance instance, ResourceUriScheme uris)
    {
        var cls = instance.Class;
        w.Start("p", cls.Name);
        w.Attribute("xmlns:p"u8, uris.ForClass(cls.Name, instance.Namespace));
        foreach (var property in cls.XmlOrder)
            WriteProperty(w, ClassPrefix, property.Utf8Name, instance[property], uris);
        w.End("p", cls.Name);
    }

    /// <summary>
    /// The instance as an instance of <paramref name="asClass"/>, one of its superclasses: that class's element
    /// and namespace, its properties only (DSP0227 PolymorphismMode ExcludeSubClassProperties).
    /// </summary>
    public static void WriteInstanceAs(Utf8XmlWriter w, CimInstance instance, CimClass asClass, ResourceUriScheme uris)
    {
        w.Start("p", asClass.Name);
        w.Attribute("xmlns:p"u8, uris.ForClass(asClass.Name, instance.Namespace));
        foreach (var property in asClass.XmlOrder)
            WriteProperty(w, ClassPrefix, property.Utf8Name, instance[property.Name], uris);
        w.End("p", asClass.Name);
    }

    /// <summary>
    /// Only the named properties of the instance, in a wsman:XmlFragment, in schema order (DSP0227 R8.2.1-10:
    /// a projection; names the class does not have are ignored).
    /// </summary>
    public static void WriteFragment(Utf8XmlWriter w, CimInstance instance, IReadOnlySet<string> properties, ResourceUriScheme uris)
    {
        w.Start("wsman:XmlFragment"u8);
        w.Attribute("xmlns:p"u8, uris.ForClass(instance.Class.Name, instance.Namespace));
        foreach (var property in instance.Class.XmlOrder)
            if (properties.Contains(property.Name)) WriteProperty(w, ClassPrefix, property.Utf8Name, instance[property], uris);
        w.End("wsman:XmlFragment"u8);
    }

    /// <summary>One property (or parameter): nil when NULL, one element per array item, else one element.</summary>
    public static void WriteProperty(Utf8XmlWriter w, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> name, CimValue value, ResourceUriScheme uris) =>
        WriteProperty(w, prefix, name, value, uris, depth: 0);

    /// <param name="depth">How many embedded instances enclose the property (each level declares its own prefix).</param>
    private static void WriteProperty(Utf8XmlWriter w, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> name, CimValue value, ResourceUriScheme uris, int depth)
    {
        if (value.IsNull)
        {
            w.Start(prefix, name);
            w.AttributeRaw("xsi:nil"u8, "true"u8);
            w.End(prefix, name);
            return;
        }
        if (value.IsArray)
        {
            foreach (var item in value.AsArray()) WriteItem(w, prefix, name, item, uris, depth);
            return;
        }
        WriteItem(w, prefix, name, value, uris, depth);
    }

    private static void WriteItem(Utf8XmlWriter w, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> name, CimValue value, ResourceUriScheme uris, int depth)
    {
        w.Start(prefix, name);
        if (value.Type == CimType.Instance) WriteEmbeddedContent(w, value.AsInstance(), uris, depth + 1);
        else WriteScalarContent(w, value, uris);
        w.End(prefix, name);
    }

    /// <summary>
    /// An embedded instance inside its property element (DSP0230, as OMI and Windows write it): the element is
    /// typed with the class (xsi:type="q:CLASS_Type", q its resource URI) and holds the instance's properties in q.
    /// </summary>
    private static void WriteEmbeddedContent(Utf8XmlWriter w, CimInstance instance, ResourceUriScheme uris, int depth)
    {
        var level = depth <= EmbeddedLevels.Length ? EmbeddedLevels[depth - 1] : EmbeddedLevel.At(depth);
        var cls = instance.Class;
        w.Attribute(level.Xmlns, uris.ForClass(cls.Name, instance.Namespace));
        w.Attribute("xsi:type"u8, string.Concat(level.TypePrefix, cls.Name, "_Type"));
        foreach (var property in cls.XmlOrder)
            WriteProperty(w, level.Prefix, property.Utf8Name, instance[property], uris, depth);
    }

    /// <summary>
    /// The prefix of an embedded instance's namespace: q inside a top-level instance, q2 one level deeper, and
    /// so on, so each level's property element keeps the prefix its enclosing element declared.
    /// </summary>
    private sealed record EmbeddedLevel(byte[] Prefix, byte[] Xmlns, string TypePrefix)
    {
        public static EmbeddedLevel At(int depth)
        {
            var prefix = depth == 1 ? "q" : "q" + depth;
            return new(Encoding.UTF8.GetBytes(prefix), Encoding.UTF8.GetBytes("xmlns:" + prefix), prefix + ":");
        }
    }

    private static readonly EmbeddedLevel[] EmbeddedLevels = [.. Enumerable.Range(1, 8).Select(EmbeddedLevel.At)];

    private static void WriteScalarContent(Utf8XmlWriter w, CimValue value, ResourceUriScheme uris)
    {
        switch (value.Type)
        {
            case CimType.String:
                w.Text(value.AsString());
                break;
            case CimType.Boolean:
                w.TextRaw(value.AsBoolean() ? "true"u8 : "false"u8);
                break;
            case CimType.DateTime:
                var dt = value.AsDateTime();
                var element = dt.IsInterval ? "cim:Interval"u8 : "cim:Datetime"u8;
                w.Element(element, dt.ToXmlString());
                break;
            case CimType.Reference:
                WriteEndpointReferenceContent(w, value.AsReference(), uris);
                break;
            case CimType.Real32 or CimType.Real64 or CimType.Char16:
                w.Text(value.ToText());
                break;
            default:
                w.Text(value.AsInt128());
                break;
        }
    }

    public static void WriteEndpointReference(Utf8XmlWriter w, CimObjectPath path, ResourceUriScheme uris)
    {
        w.Start("wsa:EndpointReference"u8);
        WriteEndpointReferenceContent(w, path, uris);
        w.End("wsa:EndpointReference"u8);
    }

    /// <summary>
    /// The children of an EPR for an instance: the anonymous address (as Windows and openwsman write it),
    /// the class's resource URI, its keys and __cimnamespace as selectors.
    /// </summary>
    /// <summary>A selector holds text, or for a reference key a nested EPR; datetimes in CIM form (DSP0227).</summary>
    private static void WriteSelectorValue(Utf8XmlWriter w, CimValue value, ResourceUriScheme uris)
    {
        switch (value.Type)
        {
            case CimType.Reference: WriteEndpointReference(w, value.AsReference(), uris); break;
            case CimType.DateTime: w.Text(value.AsDateTime().ToCimString()); break;
            default: w.Text(value.ToText()); break;
        }
    }

    public static void WriteEndpointReferenceContent(Utf8XmlWriter w, CimObjectPath path, ResourceUriScheme uris)
    {
        w.Element("wsa:Address"u8, XmlNs.AnonymousAddress);
        w.Start("wsa:ReferenceParameters"u8);
        w.Element("wsman:ResourceURI"u8, uris.ForClass(path.ClassName, path.Namespace));
        w.Start("wsman:SelectorSet"u8);
        foreach (var key in path.Keys)
        {
            w.Start("wsman:Selector"u8);
            w.Attribute("Name"u8, key.Name);
            if (!key.Value.IsNull) WriteSelectorValue(w, key.Value, uris);
            w.End("wsman:Selector"u8);
        }
        w.Start("wsman:Selector"u8);
        w.Attribute("Name"u8, "__cimnamespace");
        w.Text(path.Namespace);
        w.End("wsman:Selector"u8);
        w.End("wsman:SelectorSet"u8);
        w.End("wsa:ReferenceParameters"u8);
    }
}
