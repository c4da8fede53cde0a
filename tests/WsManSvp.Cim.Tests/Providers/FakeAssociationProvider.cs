using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;

namespace WsManSvp.Cim.Tests.Providers;

/// <summary>An in-memory association provider that answers References itself, and records what it was asked.</summary>
public sealed class FakeAssociationProvider(params ProvidedClass[] classes) : ICimAssociationProvider
{
    private readonly List<CimInstance> _instances = [];

    public IReadOnlyList<ProvidedClass> Classes { get; } = classes;

    public List<string> Calls { get; } = [];

    public FakeAssociationProvider With(CimInstance instance)
    {
        _instances.Add(instance);
        return this;
    }

    public ValueTask<CimInstance?> GetInstanceAsync(CimObjectPath path, CimCallContext context)
    {
        Calls.Add($"Get {path}");
        return ValueTask.FromResult(_instances.FirstOrDefault(i => i.GetPath().Equals(path)));
    }

    public async IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProvidedClass cls, CimCallContext context)
    {
        Calls.Add($"Enumerate {cls.Namespace}:{cls.ClassName}");
        await foreach (var i in Of(cls)) yield return i;
    }

    public async IAsyncEnumerable<CimInstance> ReferencesAsync(ProvidedClass cls, CimObjectPath target, string? role, CimCallContext context)
    {
        Calls.Add($"References {cls.Namespace}:{cls.ClassName} {role ?? "*"} {target}");
        await foreach (var i in Of(cls))
        {
            if (i.Class.Properties.Any(p => p.Type == CimType.Reference && (role is null || string.Equals(p.Name, role, StringComparison.OrdinalIgnoreCase)) &&
                                            !i[p].IsNull && i[p].AsReference().Equals(target)))
                yield return i;
        }
    }

    public ValueTask<CimMethodResult> InvokeMethodAsync(CimObjectPath target, CimMethod method,
        IReadOnlyDictionary<string, CimValue> arguments, CimCallContext context) =>
        throw new CimException(CimStatus.MethodNotAvailable, "Associations have no methods.");

    public ValueTask<CimInstance> ModifyInstanceAsync(CimInstance modified, CimCallContext context) =>
        throw new CimException(CimStatus.NotSupported, "Associations cannot be modified.");

    private async IAsyncEnumerable<CimInstance> Of(ProvidedClass cls)
    {
        await Task.Yield();
        foreach (var i in _instances)
            if (i.Namespace == cls.Namespace && i.Class.Name == cls.ClassName) yield return i;
    }
}
