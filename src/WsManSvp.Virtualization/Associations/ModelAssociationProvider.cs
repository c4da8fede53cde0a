using System.Runtime.CompilerServices;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Associations;

/// <summary>
/// An association class of the model, defined by its links: every link (for enumeration) and the links one
/// element takes part in (for Get and References, so traversal from one element never scans them all).
/// The From element goes in <see cref="FromRole"/>, the To element in <see cref="ToRole"/>.
/// </summary>
public abstract class ModelAssociationProvider(ModelInstances instances, CimClassRepository repository,
    string className, string fromRole, string toRole, params string[] namespaces) : ICimAssociationProvider
{
    private readonly CimClass _class = repository.GetClass(className) ?? throw new InvalidOperationException($"{className} is not declared.");

    protected ModelSource Source => instances.Source;

    public string FromRole { get; } = fromRole;

    public string ToRole { get; } = toRole;

    public IReadOnlyList<ProvidedClass> Classes { get; } =
        (namespaces.Length == 0 ? [CimNamespaces.Cimv2] : namespaces).Select(ns => new ProvidedClass(ns, className)).ToArray();

    /// <summary>Every link, streamed.</summary>
    protected abstract IAsyncEnumerable<Link> AllAsync(CimCallContext context);

    /// <summary>The links <paramref name="element"/> takes part in, at either end; none when it does not exist.</summary>
    protected abstract IAsyncEnumerable<Link> LinksOfAsync(ModelElement element, CimCallContext context);

    public async ValueTask<CimInstance?> GetInstanceAsync(CimObjectPath path, CimCallContext context)
    {
        var paths = await Source.PathsAsync(context).ConfigureAwait(false);
        if (path.GetKey(FromRole) is not { IsNull: false, Type: CimType.Reference } from ||
            path.GetKey(ToRole) is not { IsNull: false, Type: CimType.Reference } to ||
            paths.Parse(from.AsReference()) is not { } fromElement || paths.Parse(to.AsReference()) is not { } toElement ||
            !Names(from.AsReference(), paths.Of(fromElement)) || !Names(to.AsReference(), paths.Of(toElement)))
            return null;
        await foreach (var link in LinksOfAsync(fromElement, context).ConfigureAwait(false))
            if (link.From == fromElement && link.To == toElement) return Build(link, paths, path.Namespace);
        return null;
    }

    /// <summary>Whether a reference names the element by its class or a superclass (Parse reads the keys only).</summary>
    private bool Names(CimObjectPath reference, CimObjectPath element) => repository.GetClass(element.ClassName)?.IsA(reference.ClassName) == true;

    public async IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProvidedClass cls, CimCallContext context)
    {
        var paths = await Source.PathsAsync(context).ConfigureAwait(false);
        await foreach (var link in AllAsync(context).ConfigureAwait(false))
            yield return Build(link, paths, cls.Namespace);
    }

    public async IAsyncEnumerable<CimInstance> ReferencesAsync(ProvidedClass cls, CimObjectPath target, string? role, CimCallContext context)
    {
        var paths = await Source.PathsAsync(context).ConfigureAwait(false);
        if (paths.Parse(target) is not { } element) yield break;
        var asFrom = role is null || string.Equals(role, FromRole, StringComparison.OrdinalIgnoreCase);
        var asTo = role is null || string.Equals(role, ToRole, StringComparison.OrdinalIgnoreCase);
        await foreach (var link in LinksOfAsync(element, context).ConfigureAwait(false))
            if ((asFrom && link.From == element) || (asTo && link.To == element)) yield return Build(link, paths, cls.Namespace);
    }

    public ValueTask<CimMethodResult> InvokeMethodAsync(CimObjectPath target, CimMethod method,
        IReadOnlyDictionary<string, CimValue> arguments, CimCallContext context) =>
        throw new CimException(CimStatus.MethodNotAvailable, $"{_class.Name} has no methods.");

    /// <summary>Put: an association's instances follow from the model; they are not modified directly.</summary>
    public ValueTask<CimInstance> ModifyInstanceAsync(CimInstance modified, CimCallContext context) =>
        throw new CimException(CimStatus.NotSupported, $"{_class.Name} instances cannot be modified.");

    private CimInstance Build(Link link, ModelPaths paths, string @namespace)
    {
        var instance = new CimInstance(_class, @namespace)
            .Set(FromRole, CimValue.Reference(paths.Of(link.From)))
            .Set(ToRole, CimValue.Reference(paths.Of(link.To)));
        link.Properties?.Invoke(instance);
        return instance;
    }

    protected static IAsyncEnumerable<Link> None() => AsyncEnumerable.Empty<Link>();

    /// <summary>Links that exist only when <paramref name="element"/> does.</summary>
    protected async IAsyncEnumerable<Link> IfExists(ModelElement element, CimCallContext context, IEnumerable<Link> links,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!await Source.ExistsAsync(element, context).ConfigureAwait(false)) yield break;
        foreach (var link in links)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return link;
        }
    }
}
