using System.Xml;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Schema;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Faults;

namespace WsManSvp.WsMan.CimBinding;

/// <summary>
/// Reads the association filter (DSP0227 8.2.1): wsmb:AssociatedInstances or wsmb:AssociationInstances with
/// Object, AssociationClassName, Role, ResultClassName, ResultRole and IncludeResultProperty (repeatable).
/// </summary>
internal static class AssociationFilterReader
{
    /// <summary>
    /// DSP1042 9.2.16 names CIM_HostedSystem, which no CIM schema has; the clause it relies on (7.3.1) means
    /// CIM_HostedDependency. The alias lets the use case run as written.
    /// </summary>
    private static readonly Dictionary<string, string> ClassAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CIM_HostedSystem"] = "CIM_HostedDependency",
    };

    public static AssociationFilter Read(XmlReader filter, CimPathBinder binder, string defaultNamespace)
    {
        if (!filter.EnterElement()) throw CannotProcess("The association filter is empty.");
        if (filter.NamespaceURI != XmlNs.CimBinding || filter.LocalName is not ("AssociatedInstances" or "AssociationInstances"))
            throw CannotProcess($"An association filter holds wsmb:AssociatedInstances or wsmb:AssociationInstances, not {filter.Name}.");
        var associationInstances = filter.LocalName == "AssociationInstances";
        CimObjectPath? source = null;
        string? associationClass = null, role = null, resultClass = null, resultRole = null;
        HashSet<string>? include = null;
        if (filter.EnterElement())
        {
            do
            {
                // Some clients put IncludeResultProperty in another namespace; the names are what count.
                switch (filter.LocalName)
                {
                    case "Object":
                        source = ReadObject(filter, binder, defaultNamespace);
                        break;
                    case "AssociationClassName": associationClass = ClassName(filter, binder.Repository); break;
                    case "Role": role = filter.ReadElementContentAsString().Trim(); break;
                    case "ResultClassName": resultClass = ClassName(filter, binder.Repository); break;
                    case "ResultRole": resultRole = filter.ReadElementContentAsString().Trim(); break;
                    case "IncludeResultProperty":
                        (include ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(filter.ReadElementContentAsString().Trim());
                        break;
                    default:
                        throw CannotProcess($"The association filter does not take {filter.Name}.");
                }
            } while (filter.NextChildElement());
            filter.LeaveElement();
        }
        filter.LeaveElement();
        if (source is null) throw CannotProcess("The association filter names no wsmb:Object.");
        // In AssociationInstances, ResultClassName names the association class (as CIM's References does).
        return associationInstances
            ? new AssociationFilter(true, source, resultClass, role, null, null, include)
            : new AssociationFilter(false, source, associationClass, role, resultClass, resultRole, include);
    }

    private static CimObjectPath ReadObject(XmlReader filter, CimPathBinder binder, string defaultNamespace)
    {
        try
        {
            var epr = EndpointReferenceReader.ReadEndpointReference(filter);
            if (epr.ResourceUri is null || !ResourceUriScheme.TryParse(epr.ResourceUri, out _, out var className, out var uriNamespace) ||
                binder.Repository.GetClass(className) is not { } cls)
                throw CannotProcess($"The association filter's Object names no known class ('{epr.ResourceUri}').");
            var ns = binder.NamespaceOf(epr.Selectors, uriNamespace ?? defaultNamespace);
            return binder.Bind(cls, ns, epr.Selectors, allowPartial: true);
        }
        catch (CimXmlException e) { throw CannotProcess($"The association filter's Object is not an endpoint reference: {e.Message}"); }
        catch (CimSelectorException e) { throw CannotProcess($"The association filter's Object: {e.Message}"); }
    }

    private static string ClassName(XmlReader filter, CimClassRepository repository)
    {
        var name = filter.ReadElementContentAsString().Trim();
        if (ClassAliases.TryGetValue(name, out var alias)) name = alias;
        return repository.GetClass(name)?.Name ?? throw CannotProcess($"The association filter names class '{name}', which this service does not know.");
    }

    public static WsManFaultException CannotProcess(string reason) => Fault.CannotProcessFilter(reason).ToException();
}
