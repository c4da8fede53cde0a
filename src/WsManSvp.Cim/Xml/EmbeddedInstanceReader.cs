using System.Xml;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Mof;
using WsManSvp.Cim.Schema;

namespace WsManSvp.Cim.Xml;

/// <summary>
/// Reads an embedded instance (a parameter or property with the EmbeddedInstance qualifier) in each form
/// real clients send: an element typed with xsi:type whose children are the properties, or holding the
/// instance element (OMI, Windows); CIM-XML INSTANCE text, escaped or in CDATA (Hyper-V scripts, libvirt's
/// Hyper-V driver); MOF text "instance of CLASS { ... };" (cimtest, libvirt-cim). Whatever does not fit
/// raises <see cref="CimXmlException"/> naming the parameter.
/// </summary>
public sealed class EmbeddedInstanceReader(CimClassRepository repository, CimXmlReader xml)
{
    private static readonly XmlReaderSettings TextSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        MaxCharactersInDocument = 1 << 20,
    };

    /// <summary>Reads the element the reader is on; <paramref name="declaredClass"/> is the EmbeddedInstance class the value must be or derive from.</summary>
    public CimInstance Read(XmlReader r, string name, string? declaredClass, string @namespace)
    {
        CimInstance instance;
        if (r.GetAttribute("type", XmlNs.Xsi) is { } xsiType)
        {
            instance = xml.ReadInstance(r, ClassOfXsiType(r, xsiType, name), @namespace);
        }
        else if (r.IsEmptyElement)
        {
            throw new CimXmlException($"{name}: the embedded instance is empty.", name);
        }
        else
        {
            r.Read();
            while (r.NodeType is XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.Comment) r.Read();
            if (r.NodeType == XmlNodeType.Element)
            {
                var cls = repository.GetClass(r.LocalName)
                    ?? throw new CimXmlException($"{name}: {r.LocalName} is not a class this service knows.", name);
                instance = xml.ReadInstance(r, cls, @namespace);
                while (r.NodeType != XmlNodeType.EndElement) r.Read();
            }
            else
            {
                var text = "";
                while (r.NodeType != XmlNodeType.EndElement)
                {
                    if (r.NodeType is XmlNodeType.Text or XmlNodeType.CDATA) text += r.Value;
                    r.Read();
                }
                instance = FromText(text.Trim(), name, @namespace);
            }
            r.Read(); // the parameter's end tag
        }
        if (declaredClass is not null && !instance.Class.IsA(declaredClass))
            throw new CimXmlException($"{name}: an instance of {instance.Class.Name} was given where {declaredClass} is expected.", name);
        return instance;
    }

    private CimClass ClassOfXsiType(XmlReader r, string xsiType, string name)
    {
        var colon = xsiType.IndexOf(':');
        var typeName = colon < 0 ? xsiType : xsiType[(colon + 1)..];
        var className = typeName.EndsWith("_Type", StringComparison.Ordinal) ? typeName[..^5] : typeName;
        if (repository.GetClass(className) is { } cls) return cls;
        // The type's namespace is the class's resource URI when the type name itself is not a class name.
        if (colon > 0 && r.LookupNamespace(xsiType[..colon]) is { } ns &&
            ResourceUriScheme.TryParse(ns, out _, out var fromUri, out _) && repository.GetClass(fromUri) is { } byUri)
            return byUri;
        throw new CimXmlException($"{name}: xsi:type '{xsiType}' names no class this service knows.", name);
    }

    private CimInstance FromText(string text, string name, string @namespace)
    {
        if (text.Length == 0) throw new CimXmlException($"{name}: the embedded instance is empty.", name);
        if (text.StartsWith('<')) return FromCimXml(text, name, @namespace);
        if (text.StartsWith("instance", StringComparison.OrdinalIgnoreCase)) return FromMof(text, name, @namespace);
        throw new CimXmlException($"{name}: '{XmlReading.Clip(text)}' is not an embedded instance (an INSTANCE element, MOF 'instance of', or an element).", name);
    }

    /// <summary>CIM-XML (DSP0201): an INSTANCE, possibly wrapped (VALUE.NAMEDINSTANCE, VALUE.OBJECT ...).</summary>
    private CimInstance FromCimXml(string text, string name, string @namespace)
    {
        try
        {
            using var r = XmlReader.Create(new StringReader(text), TextSettings);
            while (r.Read())
                if (r.NodeType == XmlNodeType.Element && r.LocalName == "INSTANCE") return ReadCimXmlInstance(r, name, @namespace);
            throw new CimXmlException($"{name}: the CIM-XML text holds no INSTANCE element.", name);
        }
        catch (XmlException e)
        {
            throw new CimXmlException($"{name}: the CIM-XML text is not well-formed XML ({e.Message}).", name);
        }
    }

    private CimInstance ReadCimXmlInstance(XmlReader r, string name, string @namespace)
    {
        var className = r.GetAttribute("CLASSNAME") ?? throw new CimXmlException($"{name}: the INSTANCE has no CLASSNAME.", name);
        var cls = repository.GetClass(className) ?? throw new CimXmlException($"{name}: {className} is not a class this service knows.", name);
        var instance = new CimInstance(cls, @namespace);
        if (r.IsEmptyElement) return instance;
        var depth = r.Depth;
        r.Read();
        while (r.Depth > depth)
        {
            if (r.NodeType == XmlNodeType.Element && r.LocalName is "PROPERTY" or "PROPERTY.ARRAY" or "PROPERTY.REFERENCE")
            {
                var propertyName = r.GetAttribute("NAME") ?? throw new CimXmlException($"{name}: a {r.LocalName} has no NAME.", name);
                var property = cls.GetProperty(propertyName)
                    ?? throw new CimXmlException($"{name}: {cls.Name} has no property {propertyName}.", name, isUnknownName: true);
                instance.Set(property.Name, ReadCimXmlValue(r, property, name, @namespace));
            }
            else r.Read();
        }
        return instance;
    }

    private CimValue ReadCimXmlValue(XmlReader r, CimProperty property, string name, string @namespace)
    {
        var values = new List<CimValue>();
        CimObjectPath? reference = null;
        var depth = r.Depth;
        if (!r.IsEmptyElement)
        {
            r.Read();
            while (r.Depth > depth)
            {
                if (r.NodeType == XmlNodeType.Element && r.LocalName == "VALUE")
                    values.Add(Typed(property, r.ReadElementContentAsString(), name));
                else if (r.NodeType == XmlNodeType.Element && r.LocalName is "INSTANCENAME" or "LOCALINSTANCEPATH" or "INSTANCEPATH")
                    reference = ReadCimXmlPath(r, name, @namespace);
                else r.Read();
            }
        }
        r.Read();
        if (property.Type == CimType.Reference) return CimValue.Reference(reference);
        if (property.IsArray) return values.Count == 0 ? CimValue.Null(property.Type, true) : CimValue.Array(property.Type, values.ToArray());
        return values.Count == 0 ? CimValue.Null(property.Type) : values[0];
    }

    /// <summary>INSTANCENAME (possibly in a LOCALINSTANCEPATH or INSTANCEPATH, which give the namespace) with KEYBINDINGs.</summary>
    private CimObjectPath ReadCimXmlPath(XmlReader r, string name, string @namespace)
    {
        var depth = r.Depth;
        var ns = @namespace;
        var nsParts = new List<string>();
        string? className = null;
        var keys = new List<(string Name, string Value)>();
        string? keyName = null;
        if (!r.IsEmptyElement)
        {
            if (r.LocalName == "INSTANCENAME") className = r.GetAttribute("CLASSNAME");
            r.Read();
            while (r.Depth > depth)
            {
                if (r.NodeType == XmlNodeType.Element)
                {
                    switch (r.LocalName)
                    {
                        case "NAMESPACE": nsParts.Add(r.GetAttribute("NAME") ?? ""); break;
                        case "INSTANCENAME": className = r.GetAttribute("CLASSNAME"); break;
                        case "KEYBINDING": keyName = r.GetAttribute("NAME"); break;
                        case "KEYVALUE" when keyName is not null:
                            keys.Add((keyName, r.ReadElementContentAsString()));
                            continue;
                    }
                }
                r.Read();
            }
        }
        else if (r.LocalName == "INSTANCENAME") className = r.GetAttribute("CLASSNAME");
        r.Read();
        if (nsParts.Count > 0) ns = string.Join('/', nsParts).ToLowerInvariant();
        var cls = className is null ? null : repository.GetClass(className);
        if (cls is null) throw new CimXmlException($"{name}: a reference names no known class ('{className}').", name);
        var bindings = keys.Select(k =>
        {
            var key = cls.GetProperty(k.Name) ?? throw new CimXmlException($"{name}: {cls.Name} has no key {k.Name}.", name);
            return new CimKeyBinding(key.Name, Typed(key, k.Value, name));
        }).ToArray();
        return new CimObjectPath(ns, cls.Name, bindings);
    }

    /// <summary>MOF: "instance of CLASS { Prop = value; ... };".</summary>
    private CimInstance FromMof(string text, string name, string @namespace)
    {
        MofDocument document;
        try { document = MofParser.Parse(text); }
        catch (MofException e) { throw new CimXmlException($"{name}: the MOF text cannot be parsed ({e.Message}).", name); }
        if (document.Instances.Count != 1)
            throw new CimXmlException($"{name}: the MOF text must hold exactly one 'instance of', not {document.Instances.Count}.", name);
        var mof = document.Instances[0];
        var cls = repository.GetClass(mof.ClassName) ?? throw new CimXmlException($"{name}: {mof.ClassName} is not a class this service knows.", name);
        var instance = new CimInstance(cls, @namespace);
        foreach (var value in mof.Properties)
        {
            var property = cls.GetProperty(value.Name)
                ?? throw new CimXmlException($"{name}: {cls.Name} has no property {value.Name}.", name, isUnknownName: true);
            instance.Set(property.Name, FromMofValue(property, value.Value, name, @namespace));
        }
        return instance;
    }

    private CimValue FromMofValue(CimProperty property, MofValue value, string name, string @namespace)
    {
        if (value is MofValue.Null) return CimValue.Null(property.Type, property.IsArray);
        if (property.IsArray)
        {
            var items = value is MofValue.Array array ? array.Items : [value];
            return CimValue.Array(property.Type, items.Select(i => FromMofScalar(property, i, name, @namespace)).ToArray());
        }
        return FromMofScalar(property, value, name, @namespace);
    }

    private CimValue FromMofScalar(CimProperty property, MofValue value, string name, string @namespace)
    {
        if (property.Type == CimType.Reference)
        {
            if (value is not MofValue.String s || !CimObjectPathParser.TryParse(s.Value, repository, @namespace, out var path, out var error))
                throw new CimXmlException($"{name}: {property.Name} must be an object path string.", name);
            return CimValue.Reference(path);
        }
        var text = value switch
        {
            MofValue.String s => s.Value,
            MofValue.Number n => CimObjectPathParser.NormalizeNumber(n.Text),
            MofValue.Boolean b => b.Value ? "true" : "false",
            MofValue.Char c => c.Value.ToString(),
            _ => throw new CimXmlException($"{name}: {property.Name} cannot take the value {value}.", name),
        };
        return Typed(property, text, name);
    }

    private static CimValue Typed(CimProperty property, string text, string name)
    {
        if (!CimValueParser.TryParse(property.Type, text, out var value, out var error))
            throw new CimXmlException($"{name}: {property.Name}: {error}", name);
        return value;
    }
}
