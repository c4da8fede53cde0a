using System.Xml;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Schema;

namespace WsManSvp.Cim.Xml;

/// <summary>
/// Reads DSP0230 XML into CIM values against a declaration: an instance against its class, a method's
/// input against its parameters. Strings that carry embedded instances (EmbeddedInstance, EmbeddedObject)
/// are read into <see cref="CimType.Instance"/> values, whichever form the client sent them in
/// (<see cref="EmbeddedInstanceReader"/>). Anything that does not fit raises <see cref="CimXmlException"/>
/// naming the property or parameter.
/// </summary>
public sealed class CimXmlReader
{
    private readonly CimPathBinder _binder;
    private readonly EmbeddedInstanceReader _embedded;

    public CimXmlReader(CimPathBinder binder)
    {
        _binder = binder;
        _embedded = new EmbeddedInstanceReader(binder.Repository, this);
    }

    /// <summary>
    /// Reads the method input element (the reader is on it), one value per IN parameter given. A parameter
    /// carrying embedded instances gets <see cref="CimType.Instance"/> values: one instance, an array of them
    /// (one per repeated element), or NULL of type Instance.
    /// </summary>
    public IReadOnlyDictionary<string, CimValue> ReadArguments(XmlReader r, CimMethod method, string @namespace)
    {
        var collected = new Dictionary<string, (CimParameter Parameter, List<CimValue> Values)>(StringComparer.OrdinalIgnoreCase);
        if (r.EnterElement())
        {
            do
            {
                var parameter = method.GetParameter(r.LocalName);
                if (parameter is null || !parameter.IsIn)
                    throw new CimXmlException($"{method.Name} has no input parameter {r.LocalName}.", r.LocalName, isUnknownName: true);
                if (!collected.TryGetValue(parameter.Name, out var entry))
                    collected[parameter.Name] = entry = (parameter, []);
                else if (!parameter.IsArray)
                    throw new CimXmlException($"Parameter {parameter.Name} is not an array but was given more than once.", parameter.Name);
                entry.Values.Add(parameter.CarriesInstance
                    ? ReadEmbedded(r, parameter.Name, parameter.EmbeddedInstance, @namespace, depth: 0)
                    : ReadValue(r, parameter.Type, parameter.Name, @namespace));
            } while (r.NextChildElement());
            r.LeaveElement();
        }
        return collected.ToDictionary(
            e => e.Key,
            e => Combine(e.Value.Parameter.CarriesInstance ? CimType.Instance : e.Value.Parameter.Type, e.Value.Parameter.IsArray, e.Value.Values),
            StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Reads an instance element of <paramref name="cls"/> (the reader is on it). The properties given are
    /// those the instance reports as specified (<see cref="CimInstance.IsSpecified(CimProperty)"/>), NULL ones
    /// included. Property elements are matched by local name, whatever their namespace (clients write an
    /// embedded instance's properties in its class namespace or in the enclosing one).
    /// </summary>
    public CimInstance ReadInstance(XmlReader r, CimClass cls, string @namespace) => ReadInstance(r, cls, @namespace, depth: 0);

    internal CimInstance ReadInstance(XmlReader r, CimClass cls, string @namespace, int depth)
    {
        var instance = new CimInstance(cls, @namespace);
        var collected = new Dictionary<CimProperty, List<CimValue>>();
        if (r.EnterElement())
        {
            do
            {
                // MS-WSMAN 3.1.4.1.27: Windows clients may send the instance's EPR as cim:Location; it is not a property.
                if (r.LocalName == "Location" && r.NamespaceURI == XmlNs.CimCommon)
                {
                    r.Skip();
                    continue;
                }
                var property = cls.GetProperty(r.LocalName)
                    ?? throw new CimXmlException($"{cls.Name} has no property {r.LocalName}.", r.LocalName, isUnknownName: true);
                if (!collected.TryGetValue(property, out var values)) collected[property] = values = [];
                else if (!property.IsArray)
                    throw new CimXmlException($"Property {property.Name} is not an array but was given more than once.", property.Name);
                values.Add(property.CarriesInstance
                    ? ReadEmbedded(r, property.Name, property.EmbeddedInstance, @namespace, depth)
                    : ReadValue(r, property.Type, property.Name, @namespace));
            } while (r.NextChildElement());
            r.LeaveElement();
        }
        foreach (var (property, values) in collected)
            instance.Set(property.Name, Combine(property.CarriesInstance ? CimType.Instance : property.Type, property.IsArray, values));
        return instance;
    }

    /// <summary>One element holding an embedded instance (or NULL), consumed.</summary>
    private CimValue ReadEmbedded(XmlReader r, string name, string? embeddedClass, string @namespace, int depth)
    {
        if (r.IsNil())
        {
            r.Skip();
            return CimValue.Null(CimType.Instance);
        }
        return CimValue.Instance(_embedded.Read(r, name, embeddedClass, @namespace, depth));
    }

    /// <summary>Reads one element holding a scalar (or NULL) of <paramref name="type"/>, and consumes it.</summary>
    public CimValue ReadValue(XmlReader r, CimType type, string name, string @namespace)
    {
        if (r.IsNil())
        {
            r.Skip();
            return CimValue.Null(type);
        }
        if (type == CimType.Reference)
        {
            try { return CimValue.Reference(_binder.BindReference(EndpointReferenceReader.ReadEndpointReference(r), @namespace)); }
            catch (CimSelectorException e) { throw new CimXmlException($"{name}: {e.Message}", name); }
            catch (CimXmlException e) when (e.Name is null) { throw new CimXmlException($"{name}: {e.Message}", name); }
        }
        if (type == CimType.DateTime && !r.IsEmptyElement)
            return ReadDateTime(r, name);
        var empty = r.IsEmptyElement;
        var text = empty ? "" : ReadText(r, name);
        // ReadText leaves the reader on the next sibling, which may be an element: only an empty element is still current.
        if (empty) r.Read();
        if (!CimValueParser.TryParse(type, text, out var value, out var error))
            throw new CimXmlException($"{name}: {error}", name);
        return value;
    }

    private static CimValue ReadDateTime(XmlReader r, string name)
    {
        r.Read();
        string? text = null;
        CimDateTime? value = null;
        string? error = null;
        while (r.NodeType != XmlNodeType.EndElement)
        {
            if (r.NodeType == XmlNodeType.Element)
            {
                var local = r.LocalName;
                var content = r.ReadElementContentAsString().Trim();
                var ok = local switch
                {
                    "Datetime" => CimDateTime.TryParseXmlDateTime(content, out value),
                    "Interval" => CimDateTime.TryParseXmlDuration(content, out value),
                    "Date" => CimDateTime.TryParseXmlDate(content, out value),
                    "CIM_DateTime" or "CIMDateTime" => CimDateTime.TryParseCim(content, out value, out error),
                    _ => throw new CimXmlException($"{name}: {local} is not a datetime form (cim:Datetime, cim:Interval, cim:Date, cim:CIM_DateTime).", name),
                };
                if (!ok) throw new CimXmlException($"{name}: {error ?? $"'{XmlReading.Clip(content)}' is not a valid cim:{local}."}", name);
            }
            else
            {
                if (r.NodeType is XmlNodeType.Text or XmlNodeType.CDATA) text += r.Value;
                r.Read();
            }
        }
        r.Read();
        if (value is not null) return CimValue.DateTime(value);
        if (text is not null && CimValueParser.TryParseDateTime(text.Trim(), out value, out error)) return CimValue.DateTime(value);
        throw new CimXmlException($"{name}: {error ?? "no datetime value given."}", name);
    }

    private static string ReadText(XmlReader r, string name)
    {
        try
        {
            return r.ReadElementContentAsString();
        }
        catch (XmlException e)
        {
            throw new CimXmlException($"{name}: a simple value was expected ({e.Message}).", name);
        }
    }

    private static CimValue Combine(CimType type, bool isArray, List<CimValue> values)
    {
        if (!isArray) return values[0];
        // A single nil element is a NULL array; nil items inside an array are dropped (DSP0230).
        if (values.Count == 1 && values[0].IsNull) return CimValue.Null(type, isArray: true);
        return CimValue.Array(type, values.Where(v => !v.IsNull).ToArray());
    }
}
