using Microsoft.Extensions.Logging.Abstractions;
using WsManSvp.Virtualization.Jobs;
using WsManSvp.Virtualization.Management;
using WsManSvp.Virtualization.Providers;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Hypervisor;
using WsManSvp.Hypervisor.Simulator;
using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Tests;

/// <summary>The class repository, simulators and small accessors the provider tests share.</summary>
public static class Model
{
    public const string HostName = "hv-test";

    public static CimClassRepository Repository { get; } = CimClassRepository.LoadEmbedded();

    public static CimCallContext Context { get; } = new("tester", CancellationToken.None);

    public static HostInfo Host { get; } = SimulatorSeed.DefaultHost(HostName);

    public static async Task<SimulatedHypervisor> SeededAsync()
    {
        var hv = new SimulatedHypervisor(Host);
        await SimulatorSeed.SeedAsync(hv, 0, CancellationToken.None);
        return hv;
    }

    /// <summary>The instance builders over a hypervisor, as the providers share them.</summary>
    public static ModelInstances Instances(IHypervisor hypervisor) => new(Repository, new ModelSource(hypervisor, JobEngine.InMemory()));

    /// <summary>The settings provider, with the methods a Put of a setting goes through.</summary>
    public static SettingsProvider Settings(IHypervisor hypervisor)
    {
        var instances = Instances(hypervisor);
        return new SettingsProvider(instances, new ManagementMethods(instances, new SystemLocks(), NullLogger.Instance));
    }

    /// <summary>The service provider with its methods, as the providers share them.</summary>
    public static ServiceProvider Services(IHypervisor hypervisor)
    {
        var instances = Instances(hypervisor);
        return new ServiceProvider(instances, new ManagementMethods(instances, new SystemLocks(), NullLogger.Instance), new SnapshotMethods(instances, new SystemLocks(), NullLogger.Instance));
    }

    public static Guid SeededId(string name) => SimulatorSeed.StableGuid("system:" + name);

    public static CimObjectPath Path(string className, params (string Name, string Value)[] keys) =>
        new(CimNamespaces.Cimv2, className, keys.Select(k => new CimKeyBinding(k.Name, CimValue.String(k.Value))).ToArray());

    public static CimObjectPath SystemPath(string name) =>
        Path("CIM_ComputerSystem", ("CreationClassName", "CIM_ComputerSystem"), ("Name", name));

    public static string Text(this CimInstance instance, string property) => instance[property].AsString();

    public static long Number(this CimInstance instance, string property) => (long)instance[property].AsInt128();

    public static long[] Numbers(this CimInstance instance, string property) =>
        instance[property].AsArray().ToArray().Select(v => (long)v.AsInt128()).ToArray();

    public static async Task<List<CimInstance>> EnumerateAsync(ICimProvider provider)
    {
        var list = new List<CimInstance>();
        await foreach (var i in provider.EnumerateInstancesAsync(provider.Classes[0], Context)) list.Add(i);
        return list;
    }
}
