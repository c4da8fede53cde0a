using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Providers;

/// <summary>CIM_VirtualSystemSettingData: each virtual system's defined configuration (DSP1057).</summary>
public sealed class VirtualSystemSettingDataProvider(IHypervisor hypervisor, CimClassRepository repository) : ICimProvider
{
    public const string ClassName = "CIM_VirtualSystemSettingData";

    private readonly CimClass _class = repository.GetClass(ClassName)!;

    public IReadOnlyList<ProvidedClass> Classes { get; } = [new(CimNamespaces.Cimv2, ClassName)];

    public async ValueTask<CimInstance?> GetInstanceAsync(CimObjectPath path, CimCallContext context)
    {
        if (path.StringKey("InstanceID") is not { } instanceId ||
            !InstanceIds.TryParseDefinedConfiguration(instanceId, out var id))
            return null;
        var system = await HypervisorCalls.Call(() => hypervisor.GetSystemAsync(id, context.CancellationToken)).ConfigureAwait(false);
        if (system is null) return null;
        var host = await HypervisorCalls.Call(() => hypervisor.GetHostInfoAsync(context.CancellationToken)).ConfigureAwait(false);
        return Build(system, host);
    }

    public async IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProvidedClass cls, CimCallContext context)
    {
        var host = await HypervisorCalls.Call(() => hypervisor.GetHostInfoAsync(context.CancellationToken)).ConfigureAwait(false);
        await foreach (var system in HypervisorCalls.Stream(hypervisor.ListSystemsAsync(context.CancellationToken)).ConfigureAwait(false))
            yield return Build(system, host);
    }

    public ValueTask<CimMethodResult> InvokeMethodAsync(CimObjectPath target, CimMethod method,
        IReadOnlyDictionary<string, CimValue> arguments, CimCallContext context) =>
        throw new CimException(CimStatus.MethodNotAvailable, $"{ClassName} has no methods.");

    private CimInstance Build(VirtualSystem system, HostInfo host) => new CimInstance(_class)
        .Set("InstanceID", InstanceIds.DefinedConfiguration(system.Id))
        .Set("ElementName", system.Definition.Name)
        .Set("Caption", "Virtual System Settings")
        .Set("Description", system.Definition.Description)
        .Set("VirtualSystemIdentifier", InstanceIds.SystemName(system.Id))
        .Set("VirtualSystemType", VirtualSystemTypes.For(host));
}
