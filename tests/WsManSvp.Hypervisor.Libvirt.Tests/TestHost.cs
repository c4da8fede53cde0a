using Microsoft.Extensions.Logging.Abstractions;
using WsManSvp.Storage;

namespace WsManSvp.Hypervisor.Libvirt.Tests;

/// <summary>
/// A libvirt backend on the test driver with a state database of its own, removed afterwards. The host is
/// the test driver on a node file of the test's own (TestNode.xml: the domain "test" running, pool
/// "default-pool", network "default"): unlike test:///default, which every open connection of the process
/// shares, each connection to a node file gets a fresh host of its own, so tests running in parallel do not
/// see each other's systems, and a reconnect finds a fresh host.
/// </summary>
internal sealed class TestHost : IAsyncDisposable
{
    public const string PoolName = "default-pool";
    public const string PoolPath = "/default-pool";

    private readonly string _directory;
    private readonly bool _ownsDirectory;

    private TestHost(string directory, bool ownsDirectory, StateDatabase database, LibvirtHypervisor hypervisor)
    {
        _directory = directory;
        _ownsDirectory = ownsDirectory;
        Database = database;
        Hypervisor = hypervisor;
    }

    public StateDatabase Database { get; }

    public string Directory => _directory;

    public static string UriOf(string directory) => $"test://{Path.Combine(directory, "node.xml")}";

    public LibvirtHypervisor Hypervisor { get; }

    /// <summary>Opens a host; on a <paramref name="directory"/> given, the caller removes it (to reopen the same state).</summary>
    public static async Task<TestHost> OpenAsync(ILibvirtConnector? connector = null, LibvirtOptions? options = null, string? directory = null)
    {
        var ownsDirectory = directory is null;
        directory ??= Path.Combine(Path.GetTempPath(), "wsmansvp-libvirt-tests", Guid.NewGuid().ToString("N"));
        var database = StateDatabase.Open(directory);
        var node = Path.Combine(directory, "node.xml");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestNode.xml"), node, overwrite: true);
        try
        {
            var hypervisor = await LibvirtHypervisor.OpenAsync((options ?? new LibvirtOptions("")) with { Uri = UriOf(directory) }, database, NullLoggerFactory.Instance,
                connector ?? NativeConnector.Instance, TimeProvider.System, CancellationToken.None);
            return new TestHost(directory, ownsDirectory, database, hypervisor);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>A definition whose disk is a new image in the test driver's pool and whose adapter is on its network.</summary>
    public static SystemDefinition Definition(string? name = null, int cpus = 1, long memoryMiB = 512) =>
        new(name ?? Unique("vm"), cpus, memoryMiB,
            [new VirtualDisk("vda", $"{PoolPath}/{name ?? Guid.NewGuid().ToString("N")}.qcow2", 1L << 30, StoragePool: PoolName)],
            [new VirtualNetworkAdapter("52:54:00:00:00:01", "default")]);

    public static string Unique(string stem) => $"{stem}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Defines a system and takes it to <paramref name="state"/>.</summary>
    public async Task<VirtualSystem> InStateAsync(SystemState state, string? name = null)
    {
        var system = await Hypervisor.DefineSystemAsync(Definition(name), CancellationToken.None);
        StateTransition[] path = state switch
        {
            SystemState.Off => [],
            SystemState.Running => [StateTransition.Start],
            SystemState.Paused => [StateTransition.Start, StateTransition.Pause],
            SystemState.Saved => [StateTransition.Start, StateTransition.Save],
            _ => throw new ArgumentException($"{state} is not reachable on the test driver.", nameof(state)),
        };
        foreach (var transition in path) system = await Hypervisor.ChangeStateAsync(system.Id, transition, CancellationToken.None);
        Assert.Equal(state, system.State);
        return system;
    }

    public async Task<List<VirtualSystem>> ListAsync()
    {
        var list = new List<VirtualSystem>();
        await foreach (var s in Hypervisor.ListSystemsAsync(CancellationToken.None)) list.Add(s);
        return list;
    }

    public async ValueTask DisposeAsync()
    {
        await Hypervisor.DisposeAsync();
        await Database.DisposeAsync();
        if (!_ownsDirectory) return;
        try { System.IO.Directory.Delete(_directory, recursive: true); }
        catch (IOException) { }
    }
}
