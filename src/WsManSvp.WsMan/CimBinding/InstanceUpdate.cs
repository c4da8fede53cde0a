using System.Xml;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Schema;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Faults;
using WsManSvp.WsMan.Resources;
using WsManSvp.WsMan.Soap;

namespace WsManSvp.WsMan.CimBinding;

/// <summary>
/// A Put to a CIM instance: the resource's class and path, and the instance the body gives. The body is the
/// instance element of the resource's class (or of a class derived from it) in its class namespace; the
/// properties it holds are the ones to change (a nil one to NULL), those it leaves out stay as they are.
/// </summary>
internal sealed class InstanceUpdate : IResourceUpdate
{
    /// <summary>
    /// The option Windows clients (Set-CimInstance, MI) send with the whole instance, one item per property
    /// they changed: only those are applied.
    /// </summary>
    private const string ModifiedPropertiesOption = "__MIInstanceModifiedPropertiesList";

    private readonly IReadOnlySet<string>? _modifiedOnly;

    private InstanceUpdate(CimClass resourceClass, ResourceUriScheme scheme, CimObjectPath path, CimInstance representation, IReadOnlySet<string>? modifiedOnly)
    {
        ResourceClass = resourceClass;
        Scheme = scheme;
        Path = path;
        Representation = representation;
        _modifiedOnly = modifiedOnly;
    }

    public CimClass ResourceClass { get; }

    public ResourceUriScheme Scheme { get; }

    /// <summary>The path the selectors give (possibly some of the keys only).</summary>
    public CimObjectPath Path { get; }

    /// <summary>The instance the body gives, its properties specified as sent.</summary>
    public CimInstance Representation { get; }

    /// <summary>Reads the body's instance element (the reader is on it), which it consumes.</summary>
    public static InstanceUpdate Read(XmlReader body, CimClass resourceClass, ResourceUriScheme scheme, CimObjectPath path,
        CimXmlReader xml, CimClassRepository repository, IReadOnlyList<WsManOption> options)
    {
        var cls = repository.GetClass(body.LocalName);
        if (cls is null || !cls.IsA(resourceClass.Name))
            throw Fault.SchemaValidationError(
                $"The body of a Put to {resourceClass.Name} is its instance element ({resourceClass.Name}, or a class derived from it), not {body.Name}.").ToException();
        if (!ResourceUriScheme.TryParse(body.NamespaceURI, out _, out var namespaceClass, out _) ||
            !string.Equals(namespaceClass, cls.Name, StringComparison.OrdinalIgnoreCase))
            throw Fault.InvalidRepresentation("InvalidNamespace",
                $"The {cls.Name} element is in the namespace '{body.NamespaceURI}', not in its class's ({scheme.ForClass(cls.Name, path.Namespace)}).").ToException();
        CimInstance representation;
        try
        {
            representation = xml.ReadInstance(body, cls, path.Namespace);
        }
        catch (CimXmlException e) when (e.IsUnknownName)
        {
            throw Fault.SchemaValidationError(e.Message).ToException();
        }
        catch (CimXmlException e)
        {
            throw Fault.InvalidRepresentation("InvalidValues", e.Message).ToException();
        }
        return new InstanceUpdate(resourceClass, scheme, path, representation, ModifiedOnly(options));
    }

    /// <summary>
    /// The instance to hand the provider: the existing instance's class and keys, and the non-key properties the
    /// body gives. The body may repeat the keys but not change them: a Put replaces a resource's representation,
    /// it does not move the resource.
    /// </summary>
    public CimInstance Modified(CimInstance existing)
    {
        var given = Representation;
        if (!existing.Class.IsA(given.Class.Name))
            throw Fault.SchemaValidationError($"The body is a {given.Class.Name}, but the resource is a {existing.Class.Name}.").ToException();
        var modified = new CimInstance(existing.Class, existing.Namespace);
        foreach (var key in existing.Class.KeyProperties)
        {
            if (given.Class.GetProperty(key.Name) is { } p && given.IsSpecified(p) && !CimObjectPath.KeyValuesMatch(given[p], existing[key]))
                throw Fault.InvalidRepresentation("InvalidValues",
                    $"The representation gives the key {key.Name} as '{given[p]}', but the resource's is '{existing[key]}': a Put cannot change the keys that identify a resource.").ToException();
            modified.Set(key.Name, existing[key]);
        }
        foreach (var p in given.SpecifiedProperties)
            if (!p.IsKey && (_modifiedOnly is null || _modifiedOnly.Contains(p.Name))) modified.Set(p.Name, given[p]);
        return modified;
    }

    private static HashSet<string>? ModifiedOnly(IReadOnlyList<WsManOption> options)
    {
        HashSet<string>? names = null;
        foreach (var option in options)
        {
            var colon = option.Name.IndexOf(':'); // wmiarray:__MIInstanceModifiedPropertiesList
            if (!string.Equals(option.Name[(colon + 1)..], ModifiedPropertiesOption, StringComparison.OrdinalIgnoreCase)) continue;
            (names ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(option.Value.Trim());
        }
        return names;
    }
}
