using WsManSvp.Hypervisor;
using WsManSvp.Server.Authentication;
using WsManSvp.Server.Hosting;
using WsManSvp.Server.Tests.Infrastructure;
using WsManSvp.Server.Tests.Processes;

namespace WsManSvp.Server.Tests.Hosting;

/// <summary>The simulator's systems live in the state file of the data directory, so a restart keeps them.</summary>
public sealed class RestartTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static ServerSettings Settings(string dataDirectory) => new()
    {
        Urls = ["http://127.0.0.1:0"],
        DataDirectory = dataDirectory,
        HostName = ServerFixture.HostName,
    };

    [Fact]
    public async Task A_server_restarted_on_the_same_data_directory_shows_a_system_defined_before_the_restart()
    {
        using var temp = new TempDirectory();
        using (var users = new UserFile(temp.Path, watch: false)) users.Set(ServerFixture.User, ServerFixture.Password);
        var definition = new SystemDefinition("restarted01", 2, 1024,
            [new VirtualDisk("vda", "/var/lib/wsmansvp/images/restarted01-vda.qcow2", 10L << 30)],
            [new VirtualNetworkAdapter("52:54:00:aa:bb:01", "default")]);
        VirtualSystem defined;
        await using (var first = await WsManServer.StartAsync(Settings(temp.Path)))
        {
            defined = await first.Hypervisor.DefineSystemAsync(definition, None);
            await first.Hypervisor.ChangeStateAsync(defined.Id, StateTransition.Start, None);
            Assert.Equal(Path.Combine(temp.Path, "state.db"), first.State.Path);
        }

        await using var second = await WsManServer.StartAsync(Settings(temp.Path));

        var system = await second.Hypervisor.GetSystemAsync(defined.Id, None);
        Assert.NotNull(system);
        Assert.Equal(("restarted01", SystemState.Running), (system.Definition.Name, system.State));
        using var client = new WsManClient(second.Endpoints[0], ServerFixture.User, ServerFixture.Password);
        var instance = (await SeededSystems.GetAsync(client, defined.Id.ToString("D"))).AssertOk().Content;
        Assert.Equal(("restarted01", "2"), (instance.Prop("ElementName"), instance.Prop("EnabledState")));
        // The seed is laid down on the first start only: four systems and the one defined, not eight.
        Assert.Equal(5, (await SeededSystems.FindAsync(client)).Count);
    }

    [Fact]
    public async Task The_simulator_latency_setting_slows_every_change_down()
    {
        using var temp = new TempDirectory();
        await using var state = WsManSvp.Storage.StateDatabase.Open(temp.Path);
        var settings = Settings(temp.Path) with { SimulatorLatency = TimeSpan.FromMilliseconds(200) };
        await using var hypervisor = await Backends.CreateAsync(settings, state, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, None);
        var db01 = (await SeededIdAsync(hypervisor, "db01"));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await hypervisor.ChangeStateAsync(db01, StateTransition.Start, None);

        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(190), $"The change took {clock.Elapsed}.");
    }

    private static async Task<Guid> SeededIdAsync(IHypervisor hypervisor, string name)
    {
        await foreach (var system in hypervisor.ListSystemsAsync(None))
            if (system.Definition.Name == name) return system.Id;
        throw new Xunit.Sdk.XunitException($"No seeded system {name}.");
    }
}
