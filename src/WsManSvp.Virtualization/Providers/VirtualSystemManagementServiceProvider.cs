using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Providers;

/// <summary>CIM_VirtualSystemManagementService: the one management service of the host (DSP1042 10.21).</summary>
public sealed class VirtualSystemManagementServiceProvider(IHypervisor hypervisor, CimClassRepository repository) : ICimProvider
{
    public const string ClassName = "CIM_VirtualSystemManagementService";
    public const string ServiceName = "VirtualSystemManagementService";

    private readonly CimClass _class = repository.GetClass(ClassName)!;

    public IReadOnlyList<ProvidedClass> Classes { get; } = [new(CimNamespaces.Cimv2, ClassName)];

    public async ValueTask<CimInstance?> GetInstanceAsync(CimObjectPath path, CimCallContext context)
    {
        var service = await BuildAsync(context).ConfigureAwait(false);
        var servicePath = service.GetPath();
        return servicePath.Keys.Count == path.Keys.Count && servicePath.MatchesKeys(path) ? service : null;
    }

    public async IAsyncEnumerable<CimInstance> EnumerateInstancesAsync(ProvidedClass cls, CimCallContext context)
    {
        yield return await BuildAsync(context).ConfigureAwait(false);
    }

    public ValueTask<CimMethodResult> InvokeMethodAsync(CimObjectPath target, CimMethod method,
        IReadOnlyDictionary<string, CimValue> arguments, CimCallContext context) =>
        throw new CimException(CimStatus.NotSupported, $"{ClassName}.{method.Name} is not implemented yet.");

    private async ValueTask<CimInstance> BuildAsync(CimCallContext context)
    {
        var host = await HypervisorCalls.Call(() => hypervisor.GetHostInfoAsync(context.CancellationToken)).ConfigureAwait(false);
        return new CimInstance(_class)
            .Set("SystemCreationClassName", ComputerSystems.ClassName)
            .Set("SystemName", host.HostName)
            .Set("CreationClassName", ClassName)
            .Set("Name", ServiceName)
            .Set("ElementName", "Virtual System Management Service")
            .Set("Caption", "Virtual System Management Service")
            .Set("Description", $"Defines, modifies and destroys virtual systems on {host.HostName}")
            .Set("EnabledState", CimValue.UInt16(EnabledStates.Enabled))
            .Set("RequestedState", CimValue.UInt16(EnabledStates.NotApplicable))
            .Set("EnabledDefault", CimValue.UInt16(EnabledStates.Enabled))
            .Set("OperationalStatus", CimValue.UInt16Array(EnabledStates.OperationalOk))
            .Set("HealthState", CimValue.UInt16(EnabledStates.HealthOk))
            .Set("Started", CimValue.Boolean(true));
    }
}
