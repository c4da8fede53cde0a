using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Virtualization.Management;
using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Providers;

/// <summary>The host's two services and their methods: virtual system management (DSP1042 8.2, 10.21) and snapshots (8.3, 10.25).</summary>
public sealed class ServiceProvider(ModelInstances instances, ManagementMethods management, SnapshotMethods snapshots)
    : ModelClassProvider(instances, Cimv2(ModelPaths.ManagementServiceClass), Cimv2(ModelPaths.SnapshotServiceClass))
{
    public override ValueTask<CimMethodResult> InvokeMethodAsync(CimObjectPath target, CimMethod method,
        IReadOnlyDictionary<string, CimValue> arguments, CimCallContext context) =>
        string.Equals(target.ClassName, ModelPaths.ManagementServiceClass, StringComparison.OrdinalIgnoreCase)
            ? management.InvokeAsync(method.Name, arguments, context)
            : snapshots.InvokeAsync(method.Name, arguments, context);

    public override async IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProvidedClass cls, CimCallContext context)
    {
        var host = await Source.HostAsync(context).ConfigureAwait(false);
        yield return cls.ClassName == ModelPaths.ManagementServiceClass
            ? Instances.ManagementServiceInstance(host)
            : Instances.SnapshotServiceInstance(host);
    }
}
