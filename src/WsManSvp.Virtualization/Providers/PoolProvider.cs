using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Providers;

/// <summary>CIM_ResourcePool: the host's primordial pools, one per kind and name (DSP1041).</summary>
public sealed class PoolProvider(ModelInstances instances) : ModelClassProvider(instances, Cimv2(ModelPaths.ResourcePool))
{
    public override async IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProvidedClass cls, CimCallContext context)
    {
        foreach (var pool in await Source.PoolsAsync(context).ConfigureAwait(false))
            yield return Instances.PoolInstance(pool);
    }
}
