using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Providers;

/// <summary>
/// CIM_ComputerSystem: the host system and one instance per virtual system; RequestStateChange on
/// virtual systems (DSP1057 state management).
/// </summary>
public sealed class ComputerSystemProvider(ModelInstances instances) : ModelClassProvider(instances, Cimv2(ModelPaths.ComputerSystem))
{
    public override async IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProvidedClass cls, CimCallContext context)
    {
        yield return Instances.HostSystemInstance(await Source.HostAsync(context).ConfigureAwait(false));
        await foreach (var system in Source.SystemsAsync(context).ConfigureAwait(false))
            yield return Instances.VirtualSystemInstance(system);
    }

    public override async ValueTask<CimMethodResult> InvokeMethodAsync(CimObjectPath target, CimMethod method,
        IReadOnlyDictionary<string, CimValue> arguments, CimCallContext context)
    {
        if (!string.Equals(method.Name, "RequestStateChange", StringComparison.OrdinalIgnoreCase))
            throw new CimException(CimStatus.MethodNotAvailable, $"{method.Name} is not available on CIM_ComputerSystem.");
        return await new RequestStateChange(Source).InvokeAsync(target, arguments, context).ConfigureAwait(false);
    }
}
