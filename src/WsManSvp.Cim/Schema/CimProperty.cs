using System.Text;
using WsManSvp.Cim.Model;

namespace WsManSvp.Cim.Schema;

/// <summary>A property of a class, with what its most derived declaration says.</summary>
public sealed class CimProperty
{
    internal CimProperty(string name, CimType type, bool isArray, bool isKey, string? referenceClass,
        string? embeddedInstance, bool isEmbeddedObject, IReadOnlyList<string> valueMap, string declaringClass, int index)
    {
        Name = name;
        Type = type;
        IsArray = isArray;
        IsKey = isKey;
        ReferenceClass = referenceClass;
        EmbeddedInstance = embeddedInstance;
        IsEmbeddedObject = isEmbeddedObject;
        ValueMap = valueMap;
        DeclaringClass = declaringClass;
        Index = index;
        Utf8Name = Encoding.UTF8.GetBytes(name);
    }

    public string Name { get; }

    public CimType Type { get; }

    public bool IsArray { get; }

    public bool IsKey { get; }

    /// <summary>For references: the class the reference points to.</summary>
    public string? ReferenceClass { get; }

    /// <summary>For strings holding embedded instances: the class named by the EmbeddedInstance qualifier.</summary>
    public string? EmbeddedInstance { get; }

    /// <summary>For strings: the EmbeddedObject qualifier, an embedded object of any class.</summary>
    public bool IsEmbeddedObject { get; }

    /// <summary>
    /// A string that carries an embedded instance (DSP0004 EmbeddedInstance or EmbeddedObject): it holds
    /// <see cref="CimType.Instance"/> values (or, as written by some clients, their text).
    /// </summary>
    public bool CarriesInstance => Type == CimType.String && (EmbeddedInstance is not null || IsEmbeddedObject);

    /// <summary>The ValueMap qualifier's entries (empty when none).</summary>
    public IReadOnlyList<string> ValueMap { get; }

    /// <summary>The class that first declared the property.</summary>
    public string DeclaringClass { get; }

    /// <summary>Position in <see cref="CimClass.Properties"/> and in an instance's value array.</summary>
    public int Index { get; }

    /// <summary>The name in UTF-8, for the XML writer.</summary>
    public byte[] Utf8Name { get; }

    public override string ToString() => $"{Type.MofName()}{(IsArray ? "[]" : "")} {Name}";
}
