using WsManSvp.Server.Tests.Infrastructure;
using static WsManSvp.Server.Tests.Infrastructure.VirtualSystemServices;

namespace WsManSvp.Server.Tests.Jobs;

/// <summary>
/// Many clients defining and destroying systems at once, each over its own connection: every definition
/// is whole and distinct, every destroy job completes, and at each checkpoint the computer systems and their
/// configurations (CIM_VirtualSystemSettingData) are exactly the expected ones — nothing duplicated, nothing
/// half-made, nothing left behind.
/// </summary>
public sealed class ConcurrentDefinitionTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const int Clients = 8;
    private const int SystemsPerClient = 25;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task Eight_clients_define_then_destroy_25_systems_each()
    {
        const string prefix = "par-";
        var defined = await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            using var cim = new CimClient(server.Client());
            var systems = new List<(string Name, string Uuid)>();
            for (var i = 0; i < SystemsPerClient; i++)
            {
                var name = $"{prefix}{c}-{i}";
                systems.Add((name, (await DefineAsync(cim, name)).Selector("Name")!));
            }
            return systems;
        })));

        var expected = defined.SelectMany(s => s).ToDictionary(s => s.Uuid, s => s.Name);
        Assert.Equal(Clients * SystemsPerClient, expected.Count); // every define made a distinct system
        await AssertExactlyAsync(prefix, expected);

        var destroyed = await Task.WhenAll(defined.Select(systems => Task.Run(async () =>
        {
            using var cim = new CimClient(server.Client());
            var jobs = new List<JobView>();
            foreach (var (_, uuid) in systems)
                jobs.Add(await FinishedAsync(cim, await DestroyAsync(cim, ModelEprs.System(uuid)), PollInterval));
            return jobs;
        })));

        Assert.All(destroyed.SelectMany(j => j), j => Assert.Equal(JobView.Completed, j.JobState));
        await AssertExactlyAsync(prefix, []);
        await AssertSeededSystemsAsync();
    }

    [Fact]
    public async Task Eight_clients_interleave_define_enumerate_destroy()
    {
        const string prefix = "mix-";
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            using var client = server.Client();
            var cim = new CimClient(client);
            var gone = new List<string>();
            for (var i = 0; i < SystemsPerClient; i++)
            {
                var name = $"{prefix}{c}-{i}";
                var system = await DefineAsync(cim, name);
                var uuid = system.Selector("Name")!;

                // Mid-flight, the others' systems come and go; this client's own are exactly as it left them.
                var systems = await cim.EnumerateInstancesAsync("CIM_ComputerSystem", CimClient.Implementation);
                AssertDistinct(systems);
                Assert.Equal(name, Assert.Single(systems, s => s.Prop("Name") == uuid).Prop("ElementName"));
                Assert.DoesNotContain(systems, s => gone.Contains(s.Prop("Name")!));
                if (i % 5 == 0)
                {
                    var settings = await cim.EnumerateInstancesAsync("CIM_VirtualSystemSettingData", CimClient.Implementation);
                    Assert.Equal(name, Assert.Single(settings, s => s.Prop("InstanceID") == $"WsManSvp:{uuid}").Prop("ElementName"));
                    Assert.DoesNotContain(settings, s => gone.Contains(s.Prop("VirtualSystemIdentifier")!));
                }

                Assert.Equal(JobView.Completed, (await FinishedAsync(cim, await DestroyAsync(cim, system), PollInterval)).JobState);
                gone.Add(uuid);
                (await client.GetAsync(system)).AssertFault("wsa:DestinationUnreachable");
            }
        })));

        await AssertExactlyAsync(prefix, []);
        await AssertSeededSystemsAsync();
    }

    /// <summary>
    /// The virtual systems whose names start with <paramref name="prefix"/> are exactly <paramref name="expected"/>
    /// (UUID → name), each with its one Defined configuration, and no configuration of any other system of theirs.
    /// </summary>
    private async Task AssertExactlyAsync(string prefix, Dictionary<string, string> expected)
    {
        using var cim = new CimClient(server.Client());
        var systems = await cim.EnumerateInstancesAsync("CIM_ComputerSystem", CimClient.Implementation);
        AssertDistinct(systems);
        var ours = systems.Where(s => s.Prop("ElementName")!.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(s => s.Prop("Name")!, s => s.Prop("ElementName")!);
        Assert.Equal(expected.OrderBy(e => e.Key), ours.OrderBy(e => e.Key));

        var settings = await cim.EnumerateInstancesAsync("CIM_VirtualSystemSettingData", CimClient.Implementation);
        var ourSettings = settings.Where(s => s.Prop("ElementName")!.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Count, ourSettings.Count);
        Assert.All(ourSettings, s =>
        {
            var uuid = s.Prop("VirtualSystemIdentifier")!;
            Assert.True(expected.TryGetValue(uuid, out var name), $"A configuration of a system that should not exist:\n{s.Instance}");
            Assert.Equal(($"WsManSvp:{uuid}", name, "Defined configuration"), (s.Prop("InstanceID"), s.Prop("ElementName"), s.Prop("Caption")));
        });
        // Every system the service lists has its configuration, and every configuration its system.
        Assert.All(settings, s => Assert.Contains(systems, c => c.Prop("Name") == s.Prop("VirtualSystemIdentifier")));
    }

    private async Task AssertSeededSystemsAsync()
    {
        using var client = server.Client();
        var seeded = await SeededSystems.FindAsync(client);
        Assert.Equal(SeededSystems.InitialStates.Keys.Order(), seeded.Keys.Where(SeededSystems.InitialStates.ContainsKey).Order());
    }

    private static void AssertDistinct(List<NamedInstance> systems)
    {
        Assert.Equal(systems.Count, systems.Select(s => s.Prop("Name")).Distinct().Count());
        Assert.Equal(systems.Count, systems.Select(s => s.Prop("ElementName")).Distinct().Count());
    }
}
