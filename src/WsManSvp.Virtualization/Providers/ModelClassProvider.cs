using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Providers;

/// <summary>
/// A provider of ordinary (non-association) model classes: Get turns the path into a model element and
/// builds it; a family says how to enumerate its classes and, where it has them, runs methods.
/// </summary>
public abstract class ModelClassProvider(ModelInstances instances, params ProvidedClass[] classes) : ICimProvider
{
    protected ModelInstances Instances { get; } = instances;

    protected ModelSource Source => Instances.Source;

    public IReadOnlyList<ProvidedClass> Classes { get; } = classes;

    public async ValueTask<CimInstance?> GetInstanceAsync(CimObjectPath path, CimCallContext context)
    {
        var paths = await Source.PathsAsync(context).ConfigureAwait(false);
        if (paths.Parse(path) is not { } element) return null;
        var instance = await Instances.BuildAsync(element, context).ConfigureAwait(false);
        return instance is not null && string.Equals(instance.Class.Name, path.ClassName, StringComparison.OrdinalIgnoreCase) ? instance : null;
    }

    public abstract IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProvidedClass cls, CimCallContext context);

    public virtual ValueTask<CimMethodResult> InvokeMethodAsync(CimObjectPath target, CimMethod method,
        IReadOnlyDictionary<string, CimValue> arguments, CimCallContext context) =>
        throw new CimException(CimStatus.NotSupported, $"{target.ClassName}.{method.Name} is not implemented.");

    /// <summary>Put: the model's classes are read-only unless a family says otherwise.</summary>
    public virtual ValueTask<CimInstance> ModifyInstanceAsync(CimInstance modified, CimCallContext context) =>
        throw new CimException(CimStatus.NotSupported, $"{modified.Class.Name} instances cannot be modified.");

    protected static ProvidedClass Cimv2(string className) => new(CimNamespaces.Cimv2, className);
}
