using System.Xml;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Faults;
using WsManSvp.WsMan.Resources;

namespace WsManSvp.WsMan.CimBinding;

/// <summary>
/// The WS-Management CIM binding (DSP0227): resource URIs name classes, selectors name keys,
/// __cimnamespace names the namespace, instances are written per DSP0230, methods are custom actions.
/// </summary>
public sealed class CimResourceService(CimOperations cim) : IResourceService
{
    private const string PolymorphismIncludeSubClassProperties = "IncludeSubClassProperties";

    private readonly CimPathBinder _binder = new(cim.Repository, cim.Namespaces);
    private readonly CimXmlReader _xml = new(new CimPathBinder(cim.Repository, cim.Namespaces));

    public void CheckResourceUri(string? resourceUri)
    {
        if (resourceUri is null) throw Fault.InvalidResourceUri(null).ToException();
        if (resourceUri == ResourceUriScheme.AllClasses) return;
        if (!ResourceUriScheme.TryParse(resourceUri, out _, out var className, out var ns) ||
            cim.Repository.GetClass(className) is null ||
            (ns is not null && !cim.Namespaces.Contains(ns)))
            throw Fault.InvalidResourceUri(resourceUri).ToException();
    }

    public async ValueTask GetAsync(ResourceRequest request, FragmentExpression? fragment, Utf8XmlWriter body)
    {
        var target = Resolve(request, Actions.Get);
        var path = Bind(target, request.Selectors);
        var fragmentPath = fragment is null ? null : FragmentPath.Parse(fragment, target.Class);
        var instance = await CimFaults.Guard(() => cim.GetInstanceAsync(target.Class, path, Context(request))).ConfigureAwait(false)
            ?? throw Fault.DestinationUnreachable($"No {target.Class.Name} instance in {target.Namespace} matches the selectors.").ToException();
        if (fragmentPath is not null) fragmentPath.Write(body, instance, target.Scheme);
        else CimXmlWriter.WriteInstance(body, instance, target.Scheme);
    }

    public IEnumerationFilter ReadFilter(ResourceRequest request, string? dialect, XmlReader filter) =>
        throw Fault.FilterDialectRequestedUnavailable(dialect).ToException();

    public ValueTask<IEnumerationSource> EnumerateAsync(ResourceRequest request, EnumerationRequest enumeration)
    {
        if (request.ResourceUri == ResourceUriScheme.AllClasses)
            throw Fault.CannotProcessFilter($"Enumerating {ResourceUriScheme.AllClasses} needs a filter that names what to return.").ToException();
        if (enumeration.PolymorphismMode is { } mode && mode != PolymorphismIncludeSubClassProperties)
            throw Fault.PolymorphismModeNotSupported(mode).ToException();
        var target = Resolve(request, Actions.Enumerate);
        // Selectors other than __cimnamespace do not filter an enumeration (that is the selector filter's job).
        IEnumerationSource source = new CimEnumerationSource(
            ctx => cim.EnumerateInstancesAsync(target.Class, target.Namespace, ctx), request.Caller.UserName, target.Scheme);
        return ValueTask.FromResult(source);
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

    private sealed record Target(CimClass Class, ResourceUriScheme Scheme, string Namespace);

    private sealed record MethodCall(Target Target, CimObjectPath Path, CimMethod Method, IReadOnlyDictionary<string, CimValue> Arguments) : IMethodCall;

    private Target Resolve(ResourceRequest request, string action)
    {
        if (request.ResourceUri == ResourceUriScheme.AllClasses) throw Fault.ActionNotSupported(action).ToException();
        if (!ResourceUriScheme.TryParse(request.ResourceUri, out var scheme, out var className, out var uriNamespace) ||
            cim.Repository.GetClass(className) is not { } cls)
            throw Fault.InvalidResourceUri(request.ResourceUri).ToException();
        string ns;
        try { ns = _binder.NamespaceOf(request.Selectors, uriNamespace ?? CimObjectPath.DefaultNamespace); }
        catch (CimSelectorException e) { throw e.ToFault(); }
        if (uriNamespace is not null && ns != uriNamespace)
            throw Fault.InvalidSelectors("InvalidValue", $"__cimnamespace '{ns}' contradicts the namespace of the resource URI ({uriNamespace}).").ToException();
        return new Target(cls, scheme, ns);
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
