using System.Runtime.CompilerServices;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Providers;

/// <summary>
/// CIM_ComputerSystem: the host system and one instance per virtual system; RequestStateChange on
/// virtual systems (DSP1057 state management).
/// </summary>
public sealed class ComputerSystemProvider(IHypervisor hypervisor, CimClassRepository repository) : ICimProvider
{
    private readonly ComputerSystems _build = new(repository.GetClass(ComputerSystems.ClassName)!);

    public IReadOnlyList<ProvidedClass> Classes { get; } = [new(CimNamespaces.Cimv2, ComputerSystems.ClassName)];

    public async ValueTask<CimInstance?> GetInstanceAsync(CimObjectPath path, CimCallContext context)
    {
        if (path.StringKey("CreationClassName") is not { } creationClass ||
            !string.Equals(creationClass, ComputerSystems.ClassName, StringComparison.OrdinalIgnoreCase) ||
            path.StringKey("Name") is not { } name)
            return null;
        var host = await HypervisorCalls.Call(() => hypervisor.GetHostInfoAsync(context.CancellationToken)).ConfigureAwait(false);
        if (string.Equals(name, host.HostName, StringComparison.OrdinalIgnoreCase)) return _build.Host(host);
        if (!InstanceIds.TryParseSystemName(name, out var id)) return null;
        var system = await HypervisorCalls.Call(() => hypervisor.GetSystemAsync(id, context.CancellationToken)).ConfigureAwait(false);
        return system is null ? null : _build.Virtual(system);
    }

    public async IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProvidedClass cls, CimCallContext context)
    {
        var host = await HypervisorCalls.Call(() => hypervisor.GetHostInfoAsync(context.CancellationToken)).ConfigureAwait(false);
        yield return _build.Host(host);
        await foreach (var system in HypervisorCalls.Stream(hypervisor.ListSystemsAsync(context.CancellationToken)).ConfigureAwait(false))
            yield return _build.Virtual(system);
    }

    public async ValueTask<CimMethodResult> InvokeMethodAsync(CimObjectPath target, CimMethod method,
        IReadOnlyDictionary<string, CimValue> arguments, CimCallContext context)
    {
        if (!string.Equals(method.Name, "RequestStateChange", StringComparison.OrdinalIgnoreCase))
            throw new CimException(CimStatus.MethodNotAvailable, $"{method.Name} is not available on CIM_ComputerSystem.");
        return await new RequestStateChange(hypervisor).InvokeAsync(target, arguments, context).ConfigureAwait(false);
    }
}
