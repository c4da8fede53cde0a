using WsManSvp.Virtualization.Jobs;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Hypervisor;
using WsManSvp.Hypervisor.Simulator;
using WsManSvp.Storage;
using WsManSvp.Virtualization.Model;

namespace WsManSvp.Virtualization.Tests;

/// <summary>
/// The whole model over a seeded simulator as the server serves it: every provider
/// <see cref="VirtualizationProviders.Create"/> returns, behind one <see cref="CimOperations"/>, with the
/// jobs its methods start. The providers see the simulator through a <see cref="RefusingHypervisor"/>.
/// </summary>
public sealed class ServedModel : IAsyncDisposable
{
    private static readonly TimeSpan JobWait = TimeSpan.FromSeconds(20);

    private StateDatabase? _database;
    private string? _directory;

    private ServedModel(SimulatedHypervisor hypervisor, TimeProvider? jobClock, JobSettings? jobSettings = null)
    {
        Hypervisor = hypervisor;
        Refusing = new RefusingHypervisor(hypervisor);
        Jobs = JobEngine.InMemory(jobSettings, jobClock);
        Instances = new ModelInstances(Model.Repository, new ModelSource(Refusing, Jobs));
        Providers = VirtualizationProviders.Create(Instances);
        Operations = new CimOperations(Model.Repository, Providers, CimNamespaces.All);
        Associations = new CimAssociations(Operations);
    }

    public SimulatedHypervisor Hypervisor { get; }

    /// <summary>What the providers call: the simulator, whose changes a test can make fail.</summary>
    public RefusingHypervisor Refusing { get; }

    public JobEngine Jobs { get; }

    /// <summary>The instance builders the providers share (and an indication source would watch).</summary>
    public ModelInstances Instances { get; }

    public IReadOnlyList<ICimProvider> Providers { get; }

    public CimOperations Operations { get; }

    public CimAssociations Associations { get; }

    /// <summary>
    /// The seeded systems and <paramref name="extraSystems"/> more, laid down at once; then the simulator
    /// behaves as <paramref name="options"/> say. Jobs keep time by <paramref name="jobClock"/> when given.
    /// </summary>
    public static async Task<ServedModel> SeededAsync(int extraSystems = 0, SimulatorOptions? options = null, TimeProvider? jobClock = null,
        JobSettings? jobSettings = null)
    {
        var hv = await SimulatedHypervisor.OpenAsync(Model.Host, null, options ?? SimulatorOptions.Default, extraSystems);
        return new ServedModel(hv, jobClock, jobSettings);
    }

    /// <summary>
    /// The seeded systems after <paramref name="prepare"/> has run on them at full speed; then the simulator
    /// behaves as <paramref name="options"/> say (a latency, so a job can be caught mid-way). The state passes
    /// through a state database in a scratch directory, as across a restart.
    /// </summary>
    public static async Task<ServedModel> PreparedAsync(Func<SimulatedHypervisor, Task> prepare, SimulatorOptions options)
    {
        var directory = Directory.CreateTempSubdirectory("wsmansvp-model-").FullName;
        var database = StateDatabase.Open(directory);
        await using (var fast = await SimulatedHypervisor.OpenAsync(Model.Host, database, SimulatorOptions.Default, 0))
            await prepare(fast);
        var slow = await SimulatedHypervisor.OpenAsync(Model.Host, database, options, 0);
        return new ServedModel(slow, null) { _database = database, _directory = directory };
    }

    public async Task ChangeAsync(string system, StateTransition transition) =>
        await Hypervisor.ChangeStateAsync(Model.SeededId(system), transition, CancellationToken.None);

    public async Task<VirtualSystem> SystemAsync(string name) => (await SystemAsync(Model.SeededId(name)))!;

    public async Task<VirtualSystem?> SystemAsync(Guid id) => await Hypervisor.GetSystemAsync(id, CancellationToken.None);

    public async Task<SnapshotTree> SnapshotsAsync(string name) => await Hypervisor.ListSnapshotsAsync(Model.SeededId(name), CancellationToken.None);

    public async Task<ResourcePoolInfo> PoolAsync(ResourceKind kind, string name) =>
        (await Hypervisor.ListPoolsAsync(CancellationToken.None)).Single(p => p.Kind == kind && p.Name == name);

    /// <summary>Every system as it is now, for "nothing changed" checks.</summary>
    public async Task<List<VirtualSystem>> AllSystemsAsync() => await Hypervisor.ListSystemsAsync(CancellationToken.None).ToListAsync();

    public static CimClass Class(string name) => Model.Repository.GetClass(name)!;

    /// <summary>The instances of exactly <paramref name="className"/>, not of its subclasses.</summary>
    public async Task<List<CimInstance>> InstancesAsync(string className, string @namespace = CimNamespaces.Cimv2) =>
        (await Operations.EnumerateInstancesAsync(Class(className), @namespace, Model.Context).ToListAsync())
        .Where(i => i.Class.Name == className).ToList();

    public ValueTask<CimInstance?> GetAsync(CimObjectPath path) => Operations.GetInstanceAsync(Class(path.ClassName), path, Model.Context);

    public async Task<List<CimInstance>> ReferencesAsync(CimObjectPath source, string association, string? role = null) =>
        await Associations.ReferencesAsync(source, source.Namespace, association, role, Model.Context).ToListAsync();

    public async Task<List<CimInstance>> AssociatorsAsync(CimObjectPath source, string association, string? resultClass = null,
        string? role = null, string? resultRole = null) =>
        await Associations.AssociatorsAsync(source, source.Namespace, association, resultClass, role, resultRole, Model.Context).ToListAsync();

    /// <summary>Invokes a method on the instance <paramref name="target"/> names, as the protocol layer does.</summary>
    public async Task<CimMethodResult> InvokeAsync(CimObjectPath target, string method, params (string Name, CimValue Value)[] arguments)
    {
        var cls = Class(target.ClassName);
        var typed = new Dictionary<string, CimValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in arguments) typed[name] = value;
        return await Operations.InvokeMethodAsync(cls, target, cls.GetMethod(method)!, typed, Model.Context);
    }

    /// <summary>A method of CIM_VirtualSystemManagementService.</summary>
    public Task<CimMethodResult> ManageAsync(string method, params (string Name, CimValue Value)[] arguments) =>
        InvokeAsync(ManagementServicePath, method, arguments);

    /// <summary>A method of CIM_VirtualSystemSnapshotService.</summary>
    public Task<CimMethodResult> SnapshotServiceAsync(string method, params (string Name, CimValue Value)[] arguments) =>
        InvokeAsync(SnapshotServicePath, method, arguments);

    /// <summary>The job a method started (it returned 4096 and a Job reference), once it has finished.</summary>
    public async Task<Job> FinishedJobAsync(CimMethodResult result)
    {
        var id = JobId(result);
        using var timeout = new CancellationTokenSource(JobWait);
        var job = await Jobs.WaitAsync(id, timeout.Token);
        Assert.NotNull(job);
        Assert.True(job.State.IsFinished(), $"job {id} is {job.State}");
        return job;
    }

    /// <summary>The job a method started, which must have completed.</summary>
    public async Task<Job> CompletedJobAsync(CimMethodResult result)
    {
        var job = await FinishedJobAsync(result);
        Assert.True(job.State == JobState.Completed, $"job {job.Id} is {job.State}: {job.Error?.Description}");
        return job;
    }

    /// <summary>The id of the job a method started: it returned 4096 and a reference to the CIM_ConcreteJob.</summary>
    public static string JobId(CimMethodResult result)
    {
        Assert.Equal(4096u, result.Code());
        var path = result.OutParameters["Job"].AsReference();
        Assert.Equal("CIM_ConcreteJob", path.ClassName);
        Assert.True(InstanceIds.TryParseJob(path.StringKey("InstanceID")!, out var id), $"{path} names no job");
        return id;
    }

    public async ValueTask DisposeAsync()
    {
        await Jobs.DisposeAsync();
        await Hypervisor.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        if (_directory is not null) Directory.Delete(_directory, recursive: true);
    }

    public static CimObjectPath InstancePath(string className, string instanceId) => Model.Path(className, ("InstanceID", instanceId));

    public static CimObjectPath VirtualSystemPath(string name) => Model.SystemPath(Model.SeededId(name).ToString("D"));

    public static CimObjectPath VirtualSystemPath(Guid id) => Model.SystemPath(id.ToString("D"));

    public static CimObjectPath HostPath => Model.SystemPath(Model.HostName);

    public static CimObjectPath ManagementServicePath { get; } = Model.Path("CIM_VirtualSystemManagementService",
        ("SystemCreationClassName", "CIM_ComputerSystem"), ("SystemName", Model.HostName),
        ("CreationClassName", "CIM_VirtualSystemManagementService"), ("Name", "VirtualSystemManagementService"));

    public static CimObjectPath SnapshotServicePath { get; } = Model.Path("CIM_VirtualSystemSnapshotService",
        ("SystemCreationClassName", "CIM_ComputerSystem"), ("SystemName", Model.HostName),
        ("CreationClassName", "CIM_VirtualSystemSnapshotService"), ("Name", "VirtualSystemSnapshotService"));

    /// <summary>A resource allocation's InstanceID: "WsManSvp:{uuid}[:State]/{key}".</summary>
    public static string SettingId(string system, string key, bool state = false) =>
        $"WsManSvp:{Model.SeededId(system):D}{(state ? ":State" : "")}/{key}";

    /// <summary>The Defined configuration's VSSD of a system.</summary>
    public static CimObjectPath DefinedPath(Guid id) => InstancePath("CIM_VirtualSystemSettingData", $"WsManSvp:{id:D}");

    public static CimObjectPath DefinedPath(string system) => DefinedPath(Model.SeededId(system));

    public static CimObjectPath StatePath(string system) => InstancePath("CIM_VirtualSystemSettingData", $"WsManSvp:{Model.SeededId(system):D}:State");

    /// <summary>A snapshot's VSSD (snapshot names the simulator gives need no escaping).</summary>
    public static CimObjectPath SnapshotPath(Guid id, string snapshot) =>
        InstancePath("CIM_VirtualSystemSettingData", $"WsManSvp:{id:D}:Snapshot:{snapshot}");

    /// <summary>A resource allocation's path, of the class its key implies.</summary>
    public static CimObjectPath SettingPath(Guid id, string key, string configuration = "") =>
        InstancePath(key.EndsWith("/image", StringComparison.Ordinal) ? "CIM_StorageAllocationSettingData"
            : key.EndsWith("/connection", StringComparison.Ordinal) ? "CIM_EthernetPortAllocationSettingData"
            : "CIM_ResourceAllocationSettingData", $"WsManSvp:{id:D}{configuration}/{key}");

    public static string SystemName(string system) => Model.SeededId(system).ToString("D");
}

/// <summary>Accessors for values the model tests read often.</summary>
public static class InstanceValues
{
    public static string[] Texts(this CimInstance instance, string property) =>
        instance[property].AsArray().ToArray().Select(v => v.AsString()).ToArray();

    public static CimObjectPath Ref(this CimInstance instance, string property) => instance[property].AsReference();

    public static string Id(this CimInstance instance) => instance.Text("InstanceID");

    /// <summary>A method's return code.</summary>
    public static uint Code(this CimMethodResult result)
    {
        Assert.Equal(CimType.UInt32, result.ReturnValue.Type);
        return (uint)result.ReturnValue.AsInt128();
    }

    /// <summary>The object paths in an OUT parameter that is an array of references.</summary>
    public static CimObjectPath[] OutReferences(this CimMethodResult result, string name) =>
        result.OutParameters[name].AsArray().ToArray().Select(v => v.AsReference()).ToArray();
}
