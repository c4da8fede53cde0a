using System.Xml;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Query;
using WsManSvp.Cim.Schema;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Faults;
using WsManSvp.WsMan.Resources;

namespace WsManSvp.WsMan.CimBinding;

/// <summary>
/// The WS-Management CIM binding (DSP0227): resource URIs name classes, selectors name keys,
/// __cimnamespace names the namespace, instances are written per DSP0230, methods are custom actions,
/// Put modifies an instance, enumerations are filtered with WQL, CQL, the association filter or the
/// selector filter.
/// </summary>
public sealed class CimResourceService(CimOperations cim) : IResourceService
{
    private const string PolymorphismIncludeSubClassProperties = "IncludeSubClassProperties";
    private const string PolymorphismExcludeSubClassProperties = "ExcludeSubClassProperties";
    private const string PolymorphismNone = "None";

    private readonly CimPathBinder _binder = new(cim.Repository, cim.Namespaces);
    private readonly CimXmlReader _xml = new(new CimPathBinder(cim.Repository, cim.Namespaces));
    private readonly CimAssociations _associations = new(cim);
    private readonly ClassResource _classes = new(cim.Repository, cim.Namespaces);

    public void CheckResourceUri(string? resourceUri)
    {
        if (resourceUri is null) throw Fault.InvalidResourceUri(null).ToException();
        if (ClassResource.IsClassUri(resourceUri)) return;
        if (ResourceUriScheme.TryParseAllClasses(resourceUri, out _, out var allNamespace))
        {
            if (allNamespace is null || cim.Namespaces.Contains(allNamespace)) return;
            throw Fault.InvalidResourceUri(resourceUri).ToException();
        }
        if (!ResourceUriScheme.TryParse(resourceUri, out _, out var className, out var ns) ||
            cim.Repository.GetClass(className) is null ||
            (ns is not null && !cim.Namespaces.Contains(ns)))
            throw Fault.InvalidResourceUri(resourceUri).ToException();
    }

    public async ValueTask GetAsync(ResourceRequest request, FragmentExpression? fragment, Utf8XmlWriter body)
    {
        if (ClassResource.IsClassUri(request.ResourceUri))
        {
            _classes.Write(body, request.Selectors);
            return;
        }
        var target = Resolve(request, Actions.Get);
        var path = Bind(target, request.Selectors);
        var fragmentPath = fragment is null ? null : FragmentPath.Parse(fragment, target.Class);
        var instance = await CimFaults.Guard(() => cim.GetInstanceAsync(target.Class, path, Context(request))).ConfigureAwait(false)
            ?? throw Fault.DestinationUnreachable($"No {target.Class.Name} instance in {target.Namespace} matches the selectors.").ToException();
        if (fragmentPath is not null) fragmentPath.Write(body, instance, target.Scheme);
        else CimXmlWriter.WriteInstance(body, instance, target.Scheme);
    }

    public IEnumerationFilter ReadFilter(ResourceRequest request, string? dialect, XmlReader filter)
    {
        switch (dialect)
        {
            case FilterDialects.Wql or FilterDialects.Cql:
                return ReadQuery(filter, dialect == FilterDialects.Wql ? QueryLanguage.Wql : QueryLanguage.Cql);
            case FilterDialects.Association:
                return AssociationFilterReader.Read(filter, _binder, NamespaceOf(request));
            case FilterDialects.Selector:
                return ReadSelectorFilter(filter);
            default:
                throw Fault.FilterDialectRequestedUnavailable(dialect ?? "XPath 1.0 (the default)").ToException();
        }
    }

    public async ValueTask<IEnumerationSource> EnumerateAsync(ResourceRequest request, EnumerationRequest enumeration)
    {
        if (ClassResource.IsClassUri(request.ResourceUri))
            return new ClassEnumerationSource(_classes.Select(request.Selectors));
        var (uriClass, scheme, ns) = ResolveForEnumeration(request);
        var user = request.Caller.UserName;
        switch (enumeration.Filter)
        {
            case AssociationFilter association:
                await CheckSourceAsync(association, request).ConfigureAwait(false);
                // Traversal starts in the Object's namespace (a profile in root/interop), as Pegasus does, not the request's.
                return new CimEnumerationSource(ctx => Traverse(association, association.Object.Namespace, ctx), user, scheme,
                    association.IncludeResultProperties is { } include ? new ItemShape(null, include) : ItemShape.Whole);
            case QueryFilter query:
                var from = cim.Repository.GetClass(query.Query.ClassName)!;
                if (uriClass is not null && !from.IsA(uriClass.Name))
                    throw Fault.CannotProcessFilter($"The query selects from {from.Name}, which is not {uriClass.Name} (the resource URI's class) or derived from it.").ToException();
                var (queried, queryShape) = Polymorphic(from, ns, enumeration.PolymorphismMode);
                var projection = query.Query.SelectedProperties is { } selected
                    ? new ItemShape(null, selected.ToHashSet(StringComparer.OrdinalIgnoreCase)) : queryShape;
                return new CimEnumerationSource(ctx => queried(ctx).Where(query.Query.Matches), user, scheme, projection);
            case SelectorFilter selectors:
                var cls = uriClass ?? throw Fault.CannotProcessFilter("The selector filter needs a class resource URI, not the all-classes URI.").ToException();
                var match = SelectorMatch.For(cls, selectors.Selectors);
                var (matching, shape) = Polymorphic(cls, ns, enumeration.PolymorphismMode);
                return new CimEnumerationSource(ctx => matching(ctx).Where(match.Matches), user, scheme, shape);
            default:
                var all = uriClass ?? throw Fault.CannotProcessFilter($"Enumerating {request.ResourceUri} needs a filter that names what to return.").ToException();
                var (instances, wholeShape) = Polymorphic(all, ns, enumeration.PolymorphismMode);
                return new CimEnumerationSource(instances, user, scheme, wholeShape);
        }
    }

    public IMethodCall ReadMethodCall(ResourceRequest request, string action, XmlReader body)
    {
        var target = Resolve(request, action);
        var method = MethodOf(target.Class, action) ?? throw Fault.ActionNotSupported(action).ToException();
        var path = Bind(target, request.Selectors);
        return new MethodCall(target, path, method, ReadArguments(body, method, target.Namespace));
    }

    public async ValueTask InvokeAsync(ResourceRequest request, IMethodCall call, Utf8XmlWriter output)
    {
        var (target, path, method, arguments) = (MethodCall)call;
        var result = await CimFaults.Guard(() => cim.InvokeMethodAsync(target.Class, path, method, arguments, Context(request))).ConfigureAwait(false);
        MethodOutputWriter.Write(output, target.Scheme.ForClass(target.Class.Name, target.Namespace), method, result, target.Scheme);
    }

    public IResourceUpdate ReadPut(ResourceRequest request, XmlReader body)
    {
        if (ClassResource.IsClassUri(request.ResourceUri)) throw Fault.ActionNotSupported(Actions.Put).ToException();
        var target = Resolve(request, Actions.Put);
        return InstanceUpdate.Read(body, target.Class, target.Scheme, Bind(target, request.Selectors), _xml, cim.Repository, request.Options);
    }

    public async ValueTask PutAsync(ResourceRequest request, IResourceUpdate update, Utf8XmlWriter body)
    {
        var put = (InstanceUpdate)update;
        var context = Context(request);
        var existing = await CimFaults.Guard(() => cim.GetInstanceAsync(put.ResourceClass, put.Path, context)).ConfigureAwait(false)
            ?? throw Fault.DestinationUnreachable($"No {put.ResourceClass.Name} instance in {put.Path.Namespace} matches the selectors.").ToException();
        var modified = await CimFaults.Guard(() => cim.ModifyInstanceAsync(put.Modified(existing), context)).ConfigureAwait(false);
        CimXmlWriter.WriteInstance(body, modified, put.Scheme);
    }

    public WsManFault RefuseCreateOrDelete(string resourceUri, string action) =>
        ResourceUriScheme.TryParse(resourceUri, out _, out var className, out _) && cim.Repository.GetClass(className) is { } cls &&
        SubscriptionClasses.Any(cls.IsA)
            ? Fault.ActionRefused(SubscriptionProvider.ReadOnlyReason(cls.Name))
            : Fault.ActionNotSupported(action);

    /// <summary>DSP1054's subscription classes (with their subclasses), whose instances only WS-Eventing makes and ends.</summary>
    private static readonly string[] SubscriptionClasses = ["CIM_IndicationFilter", "CIM_ListenerDestination", "CIM_AbstractIndicationSubscription"];

    private sealed record Target(CimClass Class, ResourceUriScheme Scheme, string Namespace);

    private sealed record MethodCall(Target Target, CimObjectPath Path, CimMethod Method, IReadOnlyDictionary<string, CimValue> Arguments) : IMethodCall;

    private Target Resolve(ResourceRequest request, string action)
    {
        if (ResourceUriScheme.TryParseAllClasses(request.ResourceUri, out _, out _)) throw Fault.ActionNotSupported(action).ToException();
        if (!ResourceUriScheme.TryParse(request.ResourceUri, out var scheme, out var className, out var uriNamespace) ||
            cim.Repository.GetClass(className) is not { } cls)
            throw Fault.InvalidResourceUri(request.ResourceUri).ToException();
        return new Target(cls, scheme, NamespaceOf(request.Selectors, uriNamespace));
    }

    /// <summary>The class (null for the all-classes URI), the URI scheme and the namespace of an enumeration.</summary>
    private (CimClass? Class, ResourceUriScheme Scheme, string Namespace) ResolveForEnumeration(ResourceRequest request)
    {
        if (ResourceUriScheme.TryParseAllClasses(request.ResourceUri, out var scheme, out var allNamespace))
            return (null, scheme, NamespaceOf(request.Selectors, allNamespace));
        var target = Resolve(request, Actions.Enumerate);
        return (target.Class, target.Scheme, target.Namespace);
    }

    private string NamespaceOf(ResourceRequest request)
    {
        string? uriNamespace = null;
        if (!ResourceUriScheme.TryParseAllClasses(request.ResourceUri, out _, out uriNamespace))
            ResourceUriScheme.TryParse(request.ResourceUri, out _, out _, out uriNamespace);
        return NamespaceOf(request.Selectors, uriNamespace);
    }

    private string NamespaceOf(IReadOnlyList<Selector> selectors, string? uriNamespace)
    {
        string ns;
        try { ns = _binder.NamespaceOf(selectors, uriNamespace ?? CimObjectPath.DefaultNamespace); }
        catch (CimSelectorException e) { throw e.ToFault(); }
        if (uriNamespace is not null && ns != uriNamespace)
            throw Fault.InvalidSelectors("InvalidValue", $"__cimnamespace '{ns}' contradicts the namespace of the resource URI ({uriNamespace}).").ToException();
        return ns;
    }

    /// <summary>
    /// The instances of a class to enumerate, and how to write them, under a PolymorphismMode (DSP0227 8.1):
    /// IncludeSubClassProperties (the default) returns subclass instances whole; ExcludeSubClassProperties
    /// returns them as instances of the class; None returns instances of the class itself only.
    /// </summary>
    private (Func<CimCallContext, IAsyncEnumerable<CimInstance>>, ItemShape) Polymorphic(CimClass cls, string ns, string? mode) => mode switch
    {
        null or PolymorphismIncludeSubClassProperties => (ctx => cim.EnumerateInstancesAsync(cls, ns, ctx), ItemShape.Whole),
        PolymorphismExcludeSubClassProperties => (ctx => cim.EnumerateInstancesAsync(cls, ns, ctx), new ItemShape(cls, null)),
        PolymorphismNone => (ctx => cim.EnumerateInstancesAsync(cls, ns, ctx).Where(i => i.Class == cls), ItemShape.Whole),
        _ => throw Fault.PolymorphismModeNotSupported(mode).ToException(),
    };

    private IAsyncEnumerable<CimInstance> Traverse(AssociationFilter filter, string ns, CimCallContext context) =>
        filter.AssociationInstances
            ? _associations.ReferencesAsync(filter.Object, ns, filter.AssociationClassName, filter.Role, context)
            : _associations.AssociatorsAsync(filter.Object, ns, filter.AssociationClassName, filter.ResultClassName, filter.Role, filter.ResultRole, context);

    /// <summary>DSP0227 R8.2.1-4: an Object that names no instance cannot be filtered on.</summary>
    private async ValueTask CheckSourceAsync(AssociationFilter filter, ResourceRequest request)
    {
        try
        {
            await _associations.SourceAsync(filter.Object, Context(request)).ConfigureAwait(false);
        }
        catch (CimException e) when (e.Status is CimStatus.NotFound or CimStatus.InvalidClass)
        {
            throw Fault.CannotProcessFilter($"The association filter's Object does not name an instance: {e.Message}").ToException();
        }
        catch (CimSelectorException e)
        {
            throw Fault.CannotProcessFilter($"The association filter's Object is ambiguous: {e.Message}").ToException();
        }
        catch (CimException e)
        {
            throw e.ToFault();
        }
    }

    private QueryFilter ReadQuery(XmlReader filter, QueryLanguage language)
    {
        var text = filter.ReadElementContentAsString();
        try
        {
            var query = CimQuery.Parse(text, language);
            query.Validate(cim.Repository);
            return new QueryFilter(query);
        }
        catch (CimQueryException e)
        {
            throw Fault.CannotProcessFilter($"The {language.ToString().ToUpperInvariant()} filter '{XmlReading.Clip(text.Trim())}' cannot be processed: {e.Message}").ToException();
        }
    }

    private static SelectorFilter ReadSelectorFilter(XmlReader filter)
    {
        if (!filter.EnterElement() || filter.LocalName != "SelectorSet" || filter.NamespaceURI != XmlNs.WsMan)
            throw Fault.CannotProcessFilter("A selector filter holds one wsman:SelectorSet.").ToException();
        IReadOnlyList<Selector> selectors;
        try { selectors = EndpointReferenceReader.ReadSelectorSet(filter); }
        catch (CimXmlException e) { throw Fault.CannotProcessFilter($"The selector filter's selector set: {e.Message}").ToException(); }
        filter.NextChildElement();
        filter.LeaveElement();
        return new SelectorFilter(selectors);
    }

    private CimObjectPath Bind(Target target, IReadOnlyList<Selector> selectors)
    {
        try { return _binder.Bind(target.Class, target.Namespace, selectors, allowPartial: true); }
        catch (CimSelectorException e) { throw e.ToFault(); }
    }

    /// <summary>The method an action names: the resource's class URI (or a superclass's) + "/" + method name.</summary>
    private CimMethod? MethodOf(CimClass cls, string action)
    {
        var slash = action.LastIndexOf('/');
        if (slash <= 0 || !ResourceUriScheme.TryParse(action[..slash], out _, out var actionClass, out _)) return null;
        if (!cls.IsA(actionClass) && cim.Repository.GetClass(actionClass)?.IsA(cls.Name) != true) return null;
        return cls.GetMethod(action[(slash + 1)..]);
    }

    private IReadOnlyDictionary<string, CimValue> ReadArguments(XmlReader body, CimMethod method, string ns)
    {
        if (body.NodeType != XmlNodeType.Element) return new Dictionary<string, CimValue>();
        if (!string.Equals(body.LocalName, method.Name + "_INPUT", StringComparison.OrdinalIgnoreCase))
            throw Fault.SchemaValidationError($"The body of {method.Name} must be a {method.Name}_INPUT element, not {body.Name}.").ToException();
        try { return _xml.ReadArguments(body, method, ns); }
        catch (CimXmlException e) { throw e.ToFault(); }
    }

    private static CimCallContext Context(ResourceRequest request) => new(request.Caller.UserName, request.CancellationToken);
}
