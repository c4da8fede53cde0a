using WsManSvp.Cim.Model;
using WsManSvp.Cim.Schema;
using WsManSvp.Cim.Xml;

namespace WsManSvp.Cim.Providers;

/// <summary>
/// The CIM operations over the registered providers: Get and Enumerate are polymorphic (a class's
/// subclasses are included), invocation and modification go to the provider of the target's class.
/// </summary>
public sealed class CimOperations
{
    private readonly Dictionary<ProvidedClass, ICimProvider> _providers = [];

    /// <param name="namespaces">Namespaces served even where no provider serves a class yet (an empty namespace is still one).</param>
    public CimOperations(CimClassRepository repository, IEnumerable<ICimProvider> providers, IEnumerable<string>? namespaces = null)
    {
        Repository = repository;
        foreach (var provider in providers)
        {
            foreach (var c in provider.Classes)
            {
                var cls = repository.GetClass(c.ClassName)
                    ?? throw new CimSchemaException($"A provider serves {c.ClassName}, which is not declared in schemas/.");
                if (!_providers.TryAdd(new ProvidedClass(c.Namespace, cls.Name), provider))
                    throw new CimSchemaException($"Two providers serve {c.Namespace}:{cls.Name}.");
            }
        }
        Namespaces = _providers.Keys.Select(k => k.Namespace).Concat(namespaces ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    public CimClassRepository Repository { get; }

    /// <summary>Every (namespace, class) served and its provider.</summary>
    public IEnumerable<KeyValuePair<ProvidedClass, ICimProvider>> Providers => _providers;

    public IReadOnlySet<string> Namespaces { get; }

    /// <summary>
    /// The instance the path names. A path may give only some keys: the instance is then the one whose
    /// keys match those given; none → null, several → <see cref="SelectorProblem.InsufficientSelectors"/>.
    /// </summary>
    public async ValueTask<CimInstance?> GetInstanceAsync(CimClass requested, CimObjectPath path, CimCallContext context)
    {
        if (path.Keys.Count < requested.KeyProperties.Count)
            return await FindByKeysAsync(requested, path, context).ConfigureAwait(false);
        foreach (var (provided, provider) in Candidates(requested, path))
        {
            var target = new CimObjectPath(path.Namespace, provided.ClassName, path.Keys);
            if (await provider.GetInstanceAsync(target, context).ConfigureAwait(false) is { } instance)
                return instance;
        }
        return null;
    }

    /// <summary>Instances of the class and its subclasses in a namespace, streamed.</summary>
    public async IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(CimClass requested, string @namespace, CimCallContext context)
    {
        foreach (var cls in Repository.SelfAndSubclasses(requested))
        {
            var provided = new ProvidedClass(@namespace, cls.Name);
            if (!_providers.TryGetValue(provided, out var provider)) continue;
            await foreach (var instance in provider.EnumerateInstancesAsync(provided, context).ConfigureAwait(false))
                yield return instance;
        }
    }

    public async ValueTask<CimMethodResult> InvokeMethodAsync(CimClass requested, CimObjectPath path, CimMethod method,
        IReadOnlyDictionary<string, CimValue> arguments, CimCallContext context)
    {
        var instance = await GetInstanceAsync(requested, path, context).ConfigureAwait(false)
            ?? throw new CimException(CimStatus.NotFound, $"No {requested.Name} instance matches the selectors.");
        var provider = _providers[new ProvidedClass(instance.Namespace, instance.Class.Name)];
        return await provider.InvokeMethodAsync(instance.GetPath(), method, arguments, context).ConfigureAwait(false);
    }

    /// <summary>
    /// Modifies an instance (see <see cref="ICimProvider.ModifyInstanceAsync"/>): the provider of its exact class
    /// applies the specified non-key properties and returns the instance as it now is. The instance its keys name
    /// must exist (<see cref="CimStatus.NotFound"/> otherwise).
    /// </summary>
    public async ValueTask<CimInstance> ModifyInstanceAsync(CimInstance modified, CimCallContext context)
    {
        var path = modified.GetPath();
        if (!_providers.TryGetValue(new ProvidedClass(modified.Namespace, modified.Class.Name), out var provider) ||
            await provider.GetInstanceAsync(path, context).ConfigureAwait(false) is null)
            throw new CimException(CimStatus.NotFound, $"The instance {path} does not exist.");
        return await provider.ModifyInstanceAsync(modified, context).ConfigureAwait(false);
    }

    private IEnumerable<(ProvidedClass, ICimProvider)> Candidates(CimClass requested, CimObjectPath path)
    {
        // CreationClassName, where a class has it as a key, names the exact class.
        var creationClass = path.StringKey("CreationClassName");
        foreach (var cls in Repository.SelfAndSubclasses(requested))
        {
            if (creationClass is not null && !string.Equals(cls.Name, creationClass, StringComparison.OrdinalIgnoreCase)) continue;
            var provided = new ProvidedClass(path.Namespace, cls.Name);
            if (_providers.TryGetValue(provided, out var provider)) yield return (provided, provider);
        }
    }

    private async ValueTask<CimInstance?> FindByKeysAsync(CimClass requested, CimObjectPath partial, CimCallContext context)
    {
        CimInstance? found = null;
        await foreach (var instance in EnumerateInstancesAsync(requested, partial.Namespace, context).ConfigureAwait(false))
        {
            if (!instance.GetPath().MatchesKeys(partial)) continue;
            if (found is not null)
                throw new CimSelectorException(SelectorProblem.InsufficientSelectors,
                    $"The selectors given match more than one {requested.Name}; give all of its keys: {string.Join(", ", requested.KeyProperties.Select(k => k.Name))}.");
            found = instance;
        }
        return found;
    }
}
