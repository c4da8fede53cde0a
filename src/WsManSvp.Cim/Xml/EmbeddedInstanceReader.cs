using System.Text;
using System.Xml;
using System.Xml.Linq;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Mof;
using WsManSvp.Cim.Schema;

namespace WsManSvp.Cim.Xml;

/// <summary>
/// Reads an embedded instance (a string parameter or property with the EmbeddedInstance or EmbeddedObject
/// qualifier) in each form real clients send:
/// <list type="bullet">
/// <item>an element typed xsi:type="q:CLASS_Type" whose children are the properties (DSP0230; OMI, Windows,
/// and what <see cref="CimXmlWriter"/> writes), in the class's namespace or the enclosing one;</item>
/// <item>an element holding the instance element itself;</item>
/// <item>text, escaped or in CDATA: a CIM-XML (DSP0201) INSTANCE, possibly wrapped (VALUE.NAMEDINSTANCE ...), as
/// Hyper-V scripts and libvirt's Hyper-V driver send; or MOF "instance of CLASS { ... };" (cimtest, libvirt-cim).
/// Windows may type such text xsi:type="cim:cimString".</item>
/// </list>
/// The instance must be of a concrete class this service knows, the declared class or one derived from it.
/// Whatever does not fit raises <see cref="CimXmlException"/> naming the parameter or property.
/// </summary>
internal sealed class EmbeddedInstanceReader(CimClassRepository repository, CimXmlReader xml)
{
    /// <summary>How deep embedded instances may nest; text forms are parsed anew at each level.</summary>
    public const int MaxDepth = 8;

    private const string XmlSchemaNamespace = "http://www.w3.org/2001/XMLSchema";

    private static readonly XmlReaderSettings TextSettings = new()
    {
        // A CIM-XML document may carry a DOCTYPE: it is skipped, never resolved or expanded.
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = 1 << 20,
    };

    /// <summary>Where a value is read: the parameter or property named in errors, the CIM namespace, the nesting depth.</summary>
    private readonly record struct Scope(string Name, string Namespace, int Depth)
    {
        public CimXmlException Error(string problem, bool isUnknownName = false) => new($"{Name}: {problem}", Name, isUnknownName);

        public Scope Deeper() => this with { Depth = Depth + 1 };
    }

    /// <summary>
    /// Reads the element the reader is on (not nil) and consumes it; <paramref name="declaredClass"/> is the
    /// EmbeddedInstance class the value must be or derive from (null for EmbeddedObject).
    /// </summary>
    public CimInstance Read(XmlReader r, string name, string? declaredClass, string @namespace, int depth)
    {
        var scope = new Scope(name, @namespace, depth);
        if (depth >= MaxDepth) throw scope.Error($"embedded instances nest more than {MaxDepth} deep.");
        CimInstance instance;
        try
        {
            instance = r.GetAttribute("type", XmlNs.Xsi) is { } xsiType && ClassOfXsiType(r, xsiType, scope) is { } typed
                ? xml.ReadInstance(r, typed, @namespace, depth + 1)
                : ReadContent(r, scope);
        }
        catch (CimXmlException e) when (e.Name != name)
        {
            // A property of the embedded instance is at fault: the fault names the parameter that holds it.
            throw scope.Error(e.Message);
        }
        Check(instance, declaredClass, scope);
        return instance;
    }

    /// <summary>The class an xsi:type names, or null when it is a string type (the content is then text).</summary>
    private CimClass? ClassOfXsiType(XmlReader r, string xsiType, Scope scope)
    {
        var colon = xsiType.IndexOf(':');
        var local = xsiType[(colon + 1)..].Trim();
        var ns = r.LookupNamespace(colon < 0 ? "" : xsiType[..colon]);
        // Windows writes cim:cimString, sometimes without declaring the cim prefix.
        if (ns is XmlNs.CimCommon or XmlSchemaNamespace || local is "cimString" or "string") return null;
        var className = local.EndsWith("_Type", StringComparison.Ordinal) ? local[..^5] : local;
        if (repository.GetClass(className) is { } cls) return cls;
        // The type's namespace is the class's resource URI when the type name does not give the class.
        if (ns is not null && ResourceUriScheme.TryParse(ns, out _, out var fromUri, out _) && repository.GetClass(fromUri) is { } byUri)
            return byUri;
        throw scope.Error($"xsi:type '{xsiType}' names no class this service knows.");
    }

    /// <summary>An untyped element: it holds the instance element, or text (CIM-XML or MOF).</summary>
    private CimInstance ReadContent(XmlReader r, Scope scope)
    {
        if (r.IsEmptyElement) throw scope.Error("the embedded instance is empty.");
        r.Read();
        var text = new StringBuilder();
        CimInstance? instance = null;
        while (r.NodeType != XmlNodeType.EndElement)
        {
            switch (r.NodeType)
            {
                case XmlNodeType.Element when instance is null && IsBlank(text) && r.LocalName == "INSTANCE" && r.NamespaceURI.Length == 0:
                    instance = FromCimXmlInstance((XElement)XNode.ReadFrom(r), scope); // CIM-XML left unescaped
                    break;
                case XmlNodeType.Element when instance is null && IsBlank(text):
                    var cls = repository.GetClass(r.LocalName)
                        ?? throw scope.Error($"{r.LocalName} is not a class this service knows (an embedded instance element is named after its class, or typed with xsi:type).");
                    instance = xml.ReadInstance(r, cls, scope.Namespace, scope.Depth + 1);
                    break;
                case XmlNodeType.Element:
                    throw scope.Error($"an embedded instance is one instance element or text, not also {r.Name}.");
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (instance is not null && !string.IsNullOrWhiteSpace(r.Value))
                        throw scope.Error("an embedded instance is one instance element or text, not both.");
                    text.Append(r.Value);
                    r.Read();
                    break;
                default:
                    r.Read();
                    break;
            }
        }
        r.Read(); // the element's end tag
        return instance ?? FromText(text.ToString().Trim(), scope);
    }

    private static bool IsBlank(StringBuilder text)
    {
        foreach (var chunk in text.GetChunks())
            if (!chunk.Span.IsWhiteSpace()) return false;
        return true;
    }

    private CimInstance FromText(string text, Scope scope)
    {
        if (text.Length == 0) throw scope.Error("the embedded instance is empty.");
        return text[0] == '<' ? FromCimXml(text, scope) : FromMof(text, scope);
    }

    /// <summary>Text held by a property of an embedded instance that itself carries an embedded instance.</summary>
    private CimInstance Nested(string text, CimClass cls, CimProperty property, Scope scope)
    {
        var where = $"{cls.Name}.{property.Name}: ";
        var deeper = scope.Deeper();
        if (deeper.Depth >= MaxDepth) throw scope.Error($"{where}embedded instances nest more than {MaxDepth} deep.");
        var instance = FromText(text.Trim(), deeper);
        Check(instance, property.EmbeddedInstance, scope, where);
        return instance;
    }

    private static void Check(CimInstance instance, string? declaredClass, Scope scope, string where = "")
    {
        if (declaredClass is not null && !instance.Class.IsA(declaredClass))
            throw scope.Error($"{where}an instance of {instance.Class.Name} was given where {declaredClass} (or a class derived from it) is expected.");
        if (instance.Class.IsAbstract)
            throw scope.Error($"{where}{instance.Class.Name} is abstract; an embedded instance is of a concrete class.");
    }

    private CimClass KnownClass(string className, Scope scope) =>
        repository.GetClass(className) ?? throw scope.Error($"{className} is not a class this service knows.");

    /// <summary>CIM-XML (DSP0201): an INSTANCE, possibly wrapped (VALUE.NAMEDINSTANCE, VALUE.OBJECT ...).</summary>
    private CimInstance FromCimXml(string text, Scope scope)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), TextSettings);
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw scope.Error($"the CIM-XML text is not well-formed XML ({e.Message}).");
        }
        var element = document.Root!.DescendantsAndSelf("INSTANCE").FirstOrDefault()
            ?? throw scope.Error($"the CIM-XML text holds no INSTANCE element (its root is {document.Root.Name.LocalName}).");
        return FromCimXmlInstance(element, scope);
    }

    private CimInstance FromCimXmlInstance(XElement element, Scope scope)
    {
        var cls = KnownClass((string?)element.Attribute("CLASSNAME") ?? throw scope.Error("the INSTANCE has no CLASSNAME."), scope);
        var instance = new CimInstance(cls, scope.Namespace);
        foreach (var p in element.Elements())
        {
            var kind = p.Name.LocalName;
            if (kind is not ("PROPERTY" or "PROPERTY.ARRAY" or "PROPERTY.REFERENCE")) continue; // QUALIFIERs
            var propertyName = (string?)p.Attribute("NAME") ?? throw scope.Error($"a {kind} of the INSTANCE has no NAME.");
            var property = cls.GetProperty(propertyName) ?? throw scope.Error($"{cls.Name} has no property {propertyName}.");
            if (instance.IsSpecified(property)) throw scope.Error($"{cls.Name}.{property.Name} is given twice.");
            instance.Set(property.Name, FromCimXmlProperty(p, kind, cls, property, scope));
        }
        return instance;
    }

    private CimValue FromCimXmlProperty(XElement p, string kind, CimClass cls, CimProperty property, Scope scope)
    {
        switch (kind)
        {
            case "PROPERTY.REFERENCE":
                if (property.Type != CimType.Reference) throw scope.Error($"{cls.Name}.{property.Name} is {TypeOf(property)}, not a reference.");
                return p.Element("VALUE.REFERENCE") is { } reference
                    ? CimValue.Reference(FromCimXmlPath(reference, scope))
                    : CimValue.Null(CimType.Reference);
            case "PROPERTY.ARRAY":
                if (!property.IsArray) throw scope.Error($"{cls.Name}.{property.Name} is {TypeOf(property)}, not an array.");
                if (p.Element("VALUE.ARRAY") is not { } array) return CimValue.Null(property.Type, isArray: true);
                // VALUE.NULL items are left out: arrays hold no NULLs here (DSP0230).
                return CimValue.Array(ElementType(property),
                    array.Elements("VALUE").Select(v => FromCimXmlScalar(v.Value, cls, property, scope)).ToArray());
            default:
                if (property.Type == CimType.Reference)
                    throw scope.Error($"{cls.Name}.{property.Name} is a reference, which CIM-XML gives as PROPERTY.REFERENCE.");
                if (p.Element("VALUE") is not { } value) return CimValue.Null(property.Type, property.IsArray);
                var scalar = FromCimXmlScalar(value.Value, cls, property, scope);
                return property.IsArray ? CimValue.Array(scalar.Type, scalar) : scalar;
        }
    }

    private CimValue FromCimXmlScalar(string text, CimClass cls, CimProperty property, Scope scope) =>
        property.CarriesInstance
            ? CimValue.Instance(Nested(text, cls, property, scope))
            : Typed(text, cls, property, scope);

    /// <summary>
    /// A VALUE.REFERENCE: INSTANCEPATH (NAMESPACEPATH, INSTANCENAME), LOCALINSTANCEPATH (LOCALNAMESPACEPATH,
    /// INSTANCENAME) or INSTANCENAME alone; keys are KEYBINDINGs holding a KEYVALUE or a VALUE.REFERENCE.
    /// </summary>
    private CimObjectPath FromCimXmlPath(XElement valueReference, Scope scope)
    {
        var path = valueReference.Elements().FirstOrDefault(e => e.Name.LocalName is "INSTANCEPATH" or "LOCALINSTANCEPATH" or "INSTANCENAME")
            ?? throw scope.Error("a VALUE.REFERENCE holds no instance path.");
        var instanceName = path.Name.LocalName == "INSTANCENAME" ? path
            : path.Element("INSTANCENAME") ?? throw scope.Error($"a {path.Name.LocalName} holds no INSTANCENAME.");
        var parts = path.Elements().Where(e => e.Name.LocalName is "NAMESPACEPATH" or "LOCALNAMESPACEPATH")
            .Descendants("NAMESPACE").Select(n => (string?)n.Attribute("NAME") ?? "").ToArray();
        var ns = parts.Length > 0 ? CimPathBinder.NormalizeNamespace(string.Join('/', parts)) : scope.Namespace;
        var cls = KnownClass((string?)instanceName.Attribute("CLASSNAME") ?? throw scope.Error("an INSTANCENAME has no CLASSNAME."), scope);
        var keyScope = scope with { Namespace = ns }; // a reference key without a namespace is in its path's
        var keys = new List<CimKeyBinding>();
        foreach (var binding in instanceName.Elements("KEYBINDING"))
        {
            var keyName = (string?)binding.Attribute("NAME") ?? throw scope.Error("a KEYBINDING has no NAME.");
            var key = cls.GetProperty(keyName) is { IsKey: true } k ? k : throw scope.Error($"{cls.Name} has no key {keyName}.");
            keys.Add(new CimKeyBinding(key.Name, FromCimXmlKey(binding, cls, key, keyScope)));
        }
        // DSP0201: the INSTANCENAME of a class with one key may hold its value without a KEYBINDING.
        if (keys.Count == 0 && instanceName.Elements().Any(e => e.Name.LocalName is "KEYVALUE" or "VALUE.REFERENCE"))
        {
            if (cls.KeyProperties.Count != 1) throw scope.Error($"{cls.Name} has {cls.KeyProperties.Count} keys; name each in a KEYBINDING.");
            keys.Add(new CimKeyBinding(cls.KeyProperties[0].Name, FromCimXmlKey(instanceName, cls, cls.KeyProperties[0], keyScope)));
        }
        return new CimObjectPath(ns, cls.Name, keys);
    }

    private CimValue FromCimXmlKey(XElement holder, CimClass cls, CimProperty key, Scope scope)
    {
        if (holder.Element("VALUE.REFERENCE") is { } reference)
        {
            if (key.Type != CimType.Reference) throw scope.Error($"{cls.Name}.{key.Name} is {TypeOf(key)}, not a reference.");
            return CimValue.Reference(FromCimXmlPath(reference, scope));
        }
        if (holder.Element("KEYVALUE") is not { } value) throw scope.Error($"the key {cls.Name}.{key.Name} has no value.");
        if (key.Type == CimType.Reference) throw scope.Error($"{cls.Name}.{key.Name} is a reference, which CIM-XML gives as VALUE.REFERENCE.");
        return Typed(value.Value, cls, key, scope);
    }

    /// <summary>MOF: "instance of CLASS { Prop = value; ... };", with comments and qualifiers as MOF allows.</summary>
    private CimInstance FromMof(string text, Scope scope)
    {
        MofDocument document;
        try { document = MofParser.Parse(text); }
        catch (MofException e) { throw scope.Error($"the text is neither CIM-XML nor a MOF instance declaration ({e.Message})."); }
        if (document.Instances.Count != 1 || document.Classes.Count != 0)
            throw scope.Error($"the MOF text must declare exactly one instance (instance of CLASS {{ ... }};), not {document.Instances.Count} instance(s) and {document.Classes.Count} class(es).");
        var mof = document.Instances[0];
        var cls = KnownClass(mof.ClassName, scope);
        var instance = new CimInstance(cls, scope.Namespace);
        foreach (var value in mof.Properties)
        {
            var property = cls.GetProperty(value.Name) ?? throw scope.Error($"{cls.Name} has no property {value.Name}.");
            if (instance.IsSpecified(property)) throw scope.Error($"{cls.Name}.{property.Name} is given twice.");
            instance.Set(property.Name, FromMofValue(value.Value, cls, property, scope));
        }
        return instance;
    }

    private CimValue FromMofValue(MofValue value, CimClass cls, CimProperty property, Scope scope)
    {
        switch (value)
        {
            case MofValue.Null:
                return CimValue.Null(property.Type, property.IsArray);
            case MofValue.Array array:
                if (!property.IsArray) throw scope.Error($"{cls.Name}.{property.Name} is {TypeOf(property)}, not an array.");
                return CimValue.Array(ElementType(property),
                    array.Items.Where(i => i is not MofValue.Null).Select(i => FromMofScalar(i, cls, property, scope)).ToArray());
            default:
                var scalar = FromMofScalar(value, cls, property, scope);
                return property.IsArray ? CimValue.Array(scalar.Type, scalar) : scalar;
        }
    }

    private CimValue FromMofScalar(MofValue value, CimClass cls, CimProperty property, Scope scope)
    {
        switch (value)
        {
            case MofValue.String s when property.Type == CimType.Reference:
                if (!CimObjectPathParser.TryParse(s.Value, repository, scope.Namespace, out var path, out var error))
                    throw scope.Error($"{cls.Name}.{property.Name}: {error}");
                return CimValue.Reference(path);
            case MofValue.String s when property.CarriesInstance:
                return CimValue.Instance(Nested(s.Value, cls, property, scope));
            case MofValue.String s:
                return Typed(s.Value, cls, property, scope);
            case MofValue.Alias alias:
                throw scope.Error($"{cls.Name}.{property.Name}: MOF aliases (${alias.Name}) are not supported; give the object path as a string.");
            case MofValue.Number or MofValue.Boolean or MofValue.Char when property.Type != CimType.Reference && !property.CarriesInstance:
                return Typed(value switch
                {
                    MofValue.Number n => CimObjectPathParser.NormalizeNumber(n.Text),
                    MofValue.Boolean b => b.Value ? "true" : "false",
                    _ => ((MofValue.Char)value).Value.ToString(),
                }, cls, property, scope);
            default:
                throw scope.Error($"{cls.Name}.{property.Name} is {TypeOf(property)}; a MOF {value.GetType().Name.ToLowerInvariant()} does not fit it.");
        }
    }

    private static string TypeOf(CimProperty p) => p.Type == CimType.Reference ? $"{p.ReferenceClass} REF" : p.Type.MofName() + (p.IsArray ? "[]" : "");

    private static CimType ElementType(CimProperty property) => property.CarriesInstance ? CimType.Instance : property.Type;

    private static CimValue Typed(string text, CimClass cls, CimProperty property, Scope scope)
    {
        if (!CimValueParser.TryParse(property.Type, text, out var value, out var error))
            throw scope.Error($"{cls.Name}.{property.Name}: {error}");
        return value;
    }
}
