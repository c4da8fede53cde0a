using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Providers;

/// <summary>What the host can do: management and snapshot capabilities (DSP1042), allocation capabilities per pool (DSP1043).</summary>
public sealed class CapabilitiesProvider(ModelInstances instances) : ModelClassProvider(instances,
    Cimv2(ModelPaths.ManagementCapabilitiesClass), Cimv2(ModelPaths.SnapshotServiceCapabilitiesClass),
    Cimv2(ModelPaths.SnapshotCapabilitiesClass), Cimv2(ModelPaths.AllocationCapabilitiesClass))
{
    public override async IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProvidedClass cls, CimCallContext context)
    {
        switch (cls.ClassName)
        {
            case ModelPaths.ManagementCapabilitiesClass:
                yield return Instances.ManagementCapabilitiesInstance(await Source.HostAsync(context).ConfigureAwait(false));
                break;
            case ModelPaths.SnapshotServiceCapabilitiesClass:
                yield return Instances.SnapshotServiceCapabilitiesInstance(await Source.HostAsync(context).ConfigureAwait(false));
                break;
            case ModelPaths.SnapshotCapabilitiesClass:
                var host = await Source.HostAsync(context).ConfigureAwait(false);
                await foreach (var system in Source.SystemsAsync(context).ConfigureAwait(false))
                    yield return Instances.SnapshotCapabilitiesInstance(system, host);
                break;
            default:
                foreach (var pool in await Source.PoolsAsync(context).ConfigureAwait(false))
                    yield return Instances.PoolCapabilitiesInstance(pool);
                break;
        }
    }
}
