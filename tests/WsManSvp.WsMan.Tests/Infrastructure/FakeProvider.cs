using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;

namespace WsManSvp.WsMan.Tests.Infrastructure;

/// <summary>An in-memory provider over instances a test gives, recording what methods and Puts it receives.</summary>
public sealed class FakeProvider(params ProvidedClass[] classes) : ICimProvider
{
    private readonly List<CimInstance> _instances = [];

    public IReadOnlyList<ProvidedClass> Classes { get; } = classes;

    /// <summary>The arguments of each method invoked, in order.</summary>
    public List<IReadOnlyDictionary<string, CimValue>> Invocations { get; } = [];

    /// <summary>The instances ModifyInstanceAsync received, in order.</summary>
    public List<CimInstance> Modifications { get; } = [];

    /// <summary>What a method returns; by default 0 and no OUT parameters.</summary>
    public Func<CimMethod, CimMethodResult> MethodResult { get; set; } = _ => CimMethodResult.Of(CimValue.UInt32(0));

    /// <summary>When set, ModifyInstanceAsync fails with this status (NotSupported for a read-only class).</summary>
    public CimStatus? ModifyFailure { get; set; }

    public FakeProvider With(CimInstance instance)
    {
        _instances.Add(instance);
        return this;
    }

    public ValueTask<CimInstance?> GetInstanceAsync(CimObjectPath path, CimCallContext context) =>
        ValueTask.FromResult(_instances.FirstOrDefault(i => i.GetPath().Equals(path)));

    public async IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProvidedClass cls, CimCallContext context)
    {
        await Task.Yield();
        foreach (var i in _instances.ToArray())
            if (i.Namespace == cls.Namespace && i.Class.Name == cls.ClassName) yield return i;
    }

    public ValueTask<CimMethodResult> InvokeMethodAsync(CimObjectPath target, CimMethod method,
        IReadOnlyDictionary<string, CimValue> arguments, CimCallContext context)
    {
        Invocations.Add(arguments);
        return ValueTask.FromResult(MethodResult(method));
    }

    /// <summary>Replaces the stored instance by a copy with the specified non-key properties applied, NULL ones included.</summary>
    public ValueTask<CimInstance> ModifyInstanceAsync(CimInstance modified, CimCallContext context)
    {
        Modifications.Add(modified);
        if (ModifyFailure is { } status) throw new CimException(status, $"{modified.Class.Name} instances cannot be modified.");
        var index = _instances.FindIndex(i => i.GetPath().Equals(modified.GetPath()));
        var updated = new CimInstance(modified.Class, modified.Namespace);
        foreach (var p in modified.Class.Properties)
            updated.Set(p.Name, !p.IsKey && modified.IsSpecified(p) ? modified[p] : _instances[index][p]);
        _instances[index] = updated;
        return ValueTask.FromResult(updated);
    }
}
