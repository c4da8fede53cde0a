using WsManSvp.Server.Authentication;
using WsManSvp.Server.Hosting;

namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>
/// The real server, as the run command assembles it, listening on a free loopback port over real HTTP,
/// on the simulator seeded with host "host1" and its four systems, with user wsman/secret.
/// </summary>
public class ServerFixture : IAsyncLifetime
{
    public const string User = "wsman";
    public const string Password = "secret";
    public const string HostName = "host1";

    public WsManServer Server { get; private set; } = null!;

    public string Endpoint { get; private set; } = "";

    public string DataDirectory { get; } = TestPaths.NewTempDirectory();

    public WsManClient Client() => new(Endpoint, User, Password);

    /// <summary>The VirtualSystemType of the backend's systems (DSP1042 7.3.2).</summary>
    public virtual string VirtualSystemType => "DMTF:simulator";

    /// <summary>The SnapshotType values the backend takes (2 full, 3 disk).</summary>
    public virtual IReadOnlyList<string> SnapshotTypes => ["2", "3"];

    /// <summary>The capacity in bytes of the backend's storage pool "default".</summary>
    public virtual ulong StoragePoolCapacity => 4UL << 40;

    /// <summary>Lays down what the backend needs before the server starts.</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    protected virtual ServerSettings Settings() => new()
    {
        Urls = ["http://127.0.0.1:0"],
        DataDirectory = DataDirectory,
        HostName = HostName,
    };

    public virtual async Task InitializeAsync()
    {
        await PrepareAsync();
        using (var users = new UserFile(DataDirectory, watch: false)) users.Set(User, Password);
        Server = await StartServerAsync(Settings());
        Endpoint = Server.Endpoints[0];
    }

    /// <summary>Starts the server as the run command does; fixtures that give it more (an event source) override this.</summary>
    protected virtual Task<WsManServer> StartServerAsync(ServerSettings settings) => WsManServer.StartAsync(settings);

    public virtual async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { }
    }
}
