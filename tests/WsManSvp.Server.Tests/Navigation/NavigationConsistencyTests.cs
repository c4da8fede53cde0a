using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Navigation;

/// <summary>
/// Navigation is consistent from every starting point the model has (the host, each seeded system, each
/// pool, each profile): what AssociatedInstances returns exists where its EPR says, and the associations
/// AssociationInstances returns hold the Object in exactly one role and lead to exactly those instances.
/// </summary>
public sealed class NavigationConsistencyTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    public static TheoryData<string, string> Sources()
    {
        var sources = new TheoryData<string, string> { { "host", ServerFixture.HostName } };
        foreach (var system in SeededSystems.InitialStates.Keys) sources.Add("system", system);
        foreach (var (kind, name) in Neighbours.Pools) sources.Add("pool", $"{kind}/{name}");
        foreach (var profile in Neighbours.Profiles) sources.Add("profile", profile);
        return sources;
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Every_EPR_AssociatedInstances_returns_is_got_as_the_instance_it_names(string kind, string source)
    {
        using var client = server.Client();
        var start = await ResolveAsync(client, kind, source);

        var eprs = await client.EprsAsync(Enumeration.AllClasses(Filters.AssociatedInstances(start)));

        Assert.Equal(eprs.Count, eprs.Select(e => e.ToString()).Distinct().Count());
        Assert.DoesNotContain(eprs, e => e.SameAs(start));
        foreach (var epr in eprs)
        {
            var reply = await client.GetAsync(epr);
            Assert.True(reply.Fault is null, $"{source}: Get of {epr} failed:\n{reply.Text}");
            Assert.Equal(Ns.Class(epr.ClassName) + epr.ClassName, reply.Content.Name);
            Assert.Equal(Neighbours.Of(epr), Neighbours.Of(reply.Content));
        }
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Every_association_holds_the_Object_in_one_role_and_leads_to_the_associated_instances(string kind, string source)
    {
        using var client = server.Client();
        var start = await ResolveAsync(client, kind, source);

        var associations = await client.ItemsAsync(Enumeration.AllClasses(Filters.AssociationInstances(start)));
        var associated = await client.EprsAsync(Enumeration.AllClasses(Filters.AssociatedInstances(start)));

        var otherEnds = new List<Epr>();
        foreach (var association in associations)
        {
            var ends = association.Elements().Where(p => p.Element(Ns.Wsa + "ReferenceParameters") is not null).Select(Epr.From).ToList();
            Assert.True(ends.Count(e => e.SameAs(start)) == 1, $"{source}: the association does not hold the Object in exactly one role:\n{association}");
            otherEnds.AddRange(ends.Where(e => !e.SameAs(start)));
        }
        Assert.Equal(Canonical(associated), Canonical(otherEnds));
    }

    [Fact]
    public async Task The_sources_are_every_pool_and_every_profile_there_is()
    {
        using var client = server.Client();

        var pools = await client.ItemsAsync(Enumeration.OfClass("CIM_ResourcePool"));
        var profiles = await client.ItemsAsync(new Enumeration(Envelopes.ClassUri("CIM_RegisteredProfile"), Namespace: ModelEprs.Interop));

        Assert.Equal(Neighbours.Pools.Select(p => $"WsManSvp:Pool/{p.Kind}/{p.Name}").Order(StringComparer.Ordinal),
            pools.Select(p => p.Value("InstanceID")).Order(StringComparer.Ordinal));
        Assert.Equal(Neighbours.Profiles.Order(StringComparer.Ordinal), profiles.Select(p => p.Value("InstanceID")).Order(StringComparer.Ordinal));
    }

    private static async Task<Epr> ResolveAsync(WsManClient client, string kind, string name) => kind switch
    {
        "host" => ModelEprs.Host,
        "system" => ModelEprs.System(await SeededSystems.NameOfAsync(client, name)),
        "pool" => ModelEprs.Pool(name.Split('/')[0], name.Split('/')[1]),
        _ => ModelEprs.Profile(name),
    };

    private static string[] Canonical(IEnumerable<Epr> eprs) => eprs.Select(e => e.ToString()).Distinct().Order(StringComparer.Ordinal).ToArray();
}
