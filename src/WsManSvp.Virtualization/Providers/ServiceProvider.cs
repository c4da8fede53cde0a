using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Providers;

/// <summary>The host's two services: virtual system management (DSP1042 10.21) and snapshots (10.25).</summary>
public sealed class ServiceProvider(ModelInstances instances)
    : ModelClassProvider(instances, Cimv2(ModelPaths.ManagementServiceClass), Cimv2(ModelPaths.SnapshotServiceClass))
{
    public override async IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProvidedClass cls, CimCallContext context)
    {
        var host = await Source.HostAsync(context).ConfigureAwait(false);
        yield return cls.ClassName == ModelPaths.ManagementServiceClass
            ? Instances.ManagementServiceInstance(host)
            : Instances.SnapshotServiceInstance(host);
    }
}
