using WsManSvp.Virtualization.Jobs;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Hypervisor;
using WsManSvp.Hypervisor.Simulator;

namespace WsManSvp.Virtualization.Tests;

/// <summary>
/// The whole model over a seeded simulator as the server serves it: every provider
/// <see cref="VirtualizationProviders.Create"/> returns, behind one <see cref="CimOperations"/>.
/// </summary>
public sealed class ServedModel : IAsyncDisposable
{
    private ServedModel(SimulatedHypervisor hypervisor)
    {
        Hypervisor = hypervisor;
        Providers = VirtualizationProviders.Create(hypervisor, JobEngine.InMemory(), Model.Repository);
        Operations = new CimOperations(Model.Repository, Providers, CimNamespaces.All);
        Associations = new CimAssociations(Operations);
    }

    public SimulatedHypervisor Hypervisor { get; }

    public IReadOnlyList<ICimProvider> Providers { get; }

    public CimOperations Operations { get; }

    public CimAssociations Associations { get; }

    public static async Task<ServedModel> SeededAsync(int extraSystems = 0)
    {
        var hv = new SimulatedHypervisor(Model.Host);
        await SimulatorSeed.SeedAsync(hv, extraSystems, CancellationToken.None);
        return new ServedModel(hv);
    }

    public async Task ChangeAsync(string system, StateTransition transition) =>
        await Hypervisor.ChangeStateAsync(Model.SeededId(system), transition, CancellationToken.None);

    public async Task<VirtualSystem> SystemAsync(string name) =>
        (await Hypervisor.GetSystemAsync(Model.SeededId(name), CancellationToken.None))!;

    public async Task<ResourcePoolInfo> PoolAsync(ResourceKind kind, string name) =>
        (await Hypervisor.ListPoolsAsync(CancellationToken.None)).Single(p => p.Kind == kind && p.Name == name);

    public static CimClass Class(string name) => Model.Repository.GetClass(name)!;

    /// <summary>The instances of exactly <paramref name="className"/>, not of its subclasses.</summary>
    public async Task<List<CimInstance>> InstancesAsync(string className, string @namespace = CimNamespaces.Cimv2) =>
        (await Operations.EnumerateInstancesAsync(Class(className), @namespace, Model.Context).ToListAsync())
        .Where(i => i.Class.Name == className).ToList();

    public ValueTask<CimInstance?> GetAsync(CimObjectPath path) => Operations.GetInstanceAsync(Class(path.ClassName), path, Model.Context);

    public async Task<List<CimInstance>> ReferencesAsync(CimObjectPath source, string association, string? role = null) =>
        await Associations.ReferencesAsync(source, source.Namespace, association, role, Model.Context).ToListAsync();

    public async Task<List<CimInstance>> AssociatorsAsync(CimObjectPath source, string association, string? resultClass = null) =>
        await Associations.AssociatorsAsync(source, source.Namespace, association, resultClass, null, null, Model.Context).ToListAsync();

    public ValueTask DisposeAsync() => Hypervisor.DisposeAsync();

    public static CimObjectPath InstancePath(string className, string instanceId) => Model.Path(className, ("InstanceID", instanceId));

    public static CimObjectPath VirtualSystemPath(string name) => Model.SystemPath(Model.SeededId(name).ToString("D"));

    public static CimObjectPath HostPath => Model.SystemPath(Model.HostName);

    /// <summary>A resource allocation's InstanceID: "WsManSvp:{uuid}[:State]/{key}".</summary>
    public static string SettingId(string system, string key, bool state = false) =>
        $"WsManSvp:{Model.SeededId(system):D}{(state ? ":State" : "")}/{key}";

    public static string SystemName(string system) => Model.SeededId(system).ToString("D");
}

/// <summary>Accessors for values the model tests read often.</summary>
public static class InstanceValues
{
    public static string[] Texts(this CimInstance instance, string property) =>
        instance[property].AsArray().ToArray().Select(v => v.AsString()).ToArray();

    public static CimObjectPath Ref(this CimInstance instance, string property) => instance[property].AsReference();

    public static string Id(this CimInstance instance) => instance.Text("InstanceID");
}
