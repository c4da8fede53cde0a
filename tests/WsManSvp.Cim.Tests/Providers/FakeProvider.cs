using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;

namespace WsManSvp.Cim.Tests.Providers;

/// <summary>An in-memory provider over fixed instances that records what it was asked.</summary>
public sealed class FakeProvider(params ProvidedClass[] classes) : ICimProvider
{
    private readonly List<CimInstance> _instances = [];

    public IReadOnlyList<ProvidedClass> Classes { get; } = classes;

    public List<string> Calls { get; } = [];

    public FakeProvider With(CimInstance instance)
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
        await Task.Yield();
        foreach (var i in _instances)
            if (i.Namespace == cls.Namespace && i.Class.Name == cls.ClassName) yield return i;
    }

    public ValueTask<CimMethodResult> InvokeMethodAsync(CimObjectPath target, CimMethod method,
        IReadOnlyDictionary<string, CimValue> arguments, CimCallContext context)
    {
        Calls.Add($"Invoke {method.Name} on {target}");
        var outParameters = new Dictionary<string, CimValue>(StringComparer.OrdinalIgnoreCase) { ["Echo"] = arguments.GetValueOrDefault("Echo") };
        return ValueTask.FromResult(new CimMethodResult(CimValue.UInt32(0), outParameters));
    }

    /// <summary>Applies the specified non-key properties to a copy of the stored instance, which replaces it.</summary>
    public ValueTask<CimInstance> ModifyInstanceAsync(CimInstance modified, CimCallContext context)
    {
        Calls.Add($"Modify {modified.GetPath()} {string.Join(",", modified.SpecifiedProperties.Where(p => !p.IsKey).Select(p => p.Name))}");
        var index = _instances.FindIndex(i => i.GetPath().Equals(modified.GetPath()));
        var updated = new CimInstance(modified.Class, modified.Namespace);
        foreach (var p in modified.Class.Properties)
        {
            var value = p.IsKey || !modified.IsSpecified(p) ? _instances[index][p] : modified[p];
            if (!value.IsNull) updated.Set(p.Name, value);
        }
        _instances[index] = updated;
        return ValueTask.FromResult(updated);
    }

    public static CimInstance System(string className, string name, string @namespace = "root/cimv2") =>
        new CimInstance(TestSchema.Class(className), @namespace).Set("CreationClassName", className).Set("Name", name);

    public static CimInstance Setting(string className, string id, string @namespace = "root/cimv2") =>
        new CimInstance(TestSchema.Class(className), @namespace).Set("InstanceID", id);
}
