using WsManSvp.Cim.Model;
using WsManSvp.Cim.Schema;

namespace WsManSvp.Cim.Xml;

/// <summary>
/// Writes CIM instances and values as DSP0230 XML: an element named after the class in the class's
/// namespace (prefix p), one child per property in schema order, arrays repeated, NULL as xsi:nil,
/// datetimes in cim:Datetime / cim:Interval, references as endpoint references. The wsa, wsman, cim
/// and xsi prefixes must be declared by an enclosing element (the envelope).
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
    public static void WriteProperty(Utf8XmlWriter w, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> name, CimValue value, ResourceUriScheme uris)
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
            foreach (var item in value.AsArray())
            {
                w.Start(prefix, name);
                WriteScalarContent(w, item, uris);
                w.End(prefix, name);
            }
            return;
        }
        w.Start(prefix, name);
        WriteScalarContent(w, value, uris);
        w.End(prefix, name);
    }

    public static void WriteScalarContent(Utf8XmlWriter w, CimValue value, ResourceUriScheme uris)
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
