using WsManSvp.Cim.Model;
using WsManSvp.Cim.Schema;
using WsManSvp.Cim.Xml;

namespace WsManSvp.WsMan.CimBinding;

/// <summary>
/// Writes a class as the CIM-XML CLASS element (DSP0201): qualifiers, properties (with CLASSORIGIN and
/// PROPAGATED), references, methods and parameters, from the project's own declaration of the class.
/// </summary>
internal static class ClassDefinitionXml
{
    public static void Write(Utf8XmlWriter w, CimClass cls)
    {
        w.Start("CLASS"u8);
        w.Attribute("NAME"u8, cls.Name);
        if (cls.Superclass is { } super) w.Attribute("SUPERCLASS"u8, super.Name);
        if (cls.IsAbstract) BooleanQualifier(w, "Abstract", true);
        if (cls.IsAssociation) BooleanQualifier(w, "Association", true);
        if (cls.IsIndication) BooleanQualifier(w, "Indication", true);
        foreach (var p in cls.Properties) WriteProperty(w, cls, p);
        foreach (var m in cls.Methods.OrderBy(m => m.Name, StringComparer.Ordinal)) WriteMethod(w, cls, m);
        w.End("CLASS"u8);
    }

    private static void WriteProperty(Utf8XmlWriter w, CimClass cls, CimProperty p)
    {
        var element = p.Type == CimType.Reference ? "PROPERTY.REFERENCE"u8 : p.IsArray ? "PROPERTY.ARRAY"u8 : "PROPERTY"u8;
        w.Start(element);
        w.Attribute("NAME"u8, p.Name);
        if (p.Type == CimType.Reference) w.Attribute("REFERENCECLASS"u8, p.ReferenceClass ?? "");
        else w.Attribute("TYPE"u8, TypeName(p.Type));
        w.Attribute("CLASSORIGIN"u8, p.DeclaringClass);
        if (!string.Equals(p.DeclaringClass, cls.Name, StringComparison.OrdinalIgnoreCase)) w.AttributeRaw("PROPAGATED"u8, "true"u8);
        if (p.IsKey) BooleanQualifier(w, "Key", true);
        if (p.EmbeddedInstance is { } embedded) StringQualifier(w, "EmbeddedInstance", embedded);
        if (p.IsEmbeddedObject) BooleanQualifier(w, "EmbeddedObject", true);
        if (p.ValueMap.Count > 0) StringArrayQualifier(w, "ValueMap", p.ValueMap);
        w.End(element);
    }

    private static void WriteMethod(Utf8XmlWriter w, CimClass cls, CimMethod m)
    {
        w.Start("METHOD"u8);
        w.Attribute("NAME"u8, m.Name);
        w.Attribute("TYPE"u8, TypeName(m.ReturnType));
        w.Attribute("CLASSORIGIN"u8, m.DeclaringClass);
        if (!string.Equals(m.DeclaringClass, cls.Name, StringComparison.OrdinalIgnoreCase)) w.AttributeRaw("PROPAGATED"u8, "true"u8);
        foreach (var p in m.Parameters)
        {
            var element = p.Type == CimType.Reference
                ? (p.IsArray ? "PARAMETER.REFARRAY"u8 : "PARAMETER.REFERENCE"u8)
                : (p.IsArray ? "PARAMETER.ARRAY"u8 : "PARAMETER"u8);
            w.Start(element);
            w.Attribute("NAME"u8, p.Name);
            if (p.Type == CimType.Reference) w.Attribute("REFERENCECLASS"u8, p.ReferenceClass ?? "");
            else w.Attribute("TYPE"u8, TypeName(p.Type));
            BooleanQualifier(w, "In", p.IsIn);
            if (p.IsOut) BooleanQualifier(w, "Out", true);
            if (p.EmbeddedInstance is { } embedded) StringQualifier(w, "EmbeddedInstance", embedded);
            if (p.IsEmbeddedObject) BooleanQualifier(w, "EmbeddedObject", true);
            if (p.ValueMap.Count > 0) StringArrayQualifier(w, "ValueMap", p.ValueMap);
            w.End(element);
        }
        w.End("METHOD"u8);
    }

    private static void BooleanQualifier(Utf8XmlWriter w, string name, bool value)
    {
        QualifierStart(w, name, "boolean");
        w.ElementRaw("VALUE"u8, value ? "true"u8 : "false"u8);
        w.End("QUALIFIER"u8);
    }

    private static void StringQualifier(Utf8XmlWriter w, string name, string value)
    {
        QualifierStart(w, name, "string");
        w.Element("VALUE"u8, value);
        w.End("QUALIFIER"u8);
    }

    private static void StringArrayQualifier(Utf8XmlWriter w, string name, IReadOnlyList<string> values)
    {
        QualifierStart(w, name, "string");
        w.Start("VALUE.ARRAY"u8);
        foreach (var value in values) w.Element("VALUE"u8, value);
        w.End("VALUE.ARRAY"u8);
        w.End("QUALIFIER"u8);
    }

    private static void QualifierStart(Utf8XmlWriter w, string name, string type)
    {
        w.Start("QUALIFIER"u8);
        w.Attribute("NAME"u8, name);
        w.Attribute("TYPE"u8, type);
    }

    private static string TypeName(CimType type) => type.MofName();
}
