using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Navigation;

/// <summary>A WQL or CQL filter in every enumeration mode (EPRs, objects with EPRs), optimized and pulled.</summary>
public sealed class QueryEnumerationModeTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task EnumerateEPR_returns_the_EPRs_of_the_matching_instances_whatever_the_select_list()
    {
        using var client = server.Client();
        var web01 = await SeededSystems.NameOfAsync(client, "web01");

        var eprs = await client.EprsAsync(Enumeration.AllClasses(Filters.Wql("SELECT ElementName FROM CIM_ComputerSystem WHERE EnabledState = 2")));

        Assert.Equal(Neighbours.Sorted([ModelEprs.Host, ModelEprs.System(web01)]), Neighbours.Sorted(eprs));
        Assert.All(eprs, e => Assert.Equal(Envelopes.ClassUri("CIM_ComputerSystem"), e.ResourceUri));
        Assert.All(eprs, e => Assert.Equal(ModelEprs.Implementation, e.Namespace));
    }

    [Fact]
    public async Task EnumerateObjectAndEPR_pairs_each_projection_with_its_instances_EPR()
    {
        using var client = server.Client();

        var items = await client.ItemsAsync(Enumeration.AllClasses(Filters.Cql("SELECT InstanceID FROM CIM_ResourcePool WHERE ResourceType = 33"),
            mode: "EnumerateObjectAndEPR"));

        Assert.Equal(2, items.Count);
        Assert.All(items, item =>
        {
            Assert.Equal(Ns.WsMan + "Item", item.Name);
            var fragment = item.Elements().First();
            Items.IsFragment(fragment, Ns.Class("CIM_ResourcePool"), "InstanceID");
            Assert.Equal(fragment.Value("InstanceID"), Epr.From(item.Element(Ns.Wsa + "EndpointReference")!).Selector("InstanceID"));
        });
        Assert.Equal(["WsManSvp:Pool/Network/default", "WsManSvp:Pool/Network/storage-net"],
            items.Select(i => i.Elements().First().Value("InstanceID")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Optimized_the_first_items_come_with_the_response_and_the_rest_are_pulled()
    {
        using var client = server.Client();
        var enumeration = Enumeration.OfClass("CIM_ComputerSystem", Filters.Wql("SELECT ElementName FROM CIM_ComputerSystem WHERE ElementName LIKE '%01'"));

        var first = (await client.EnumerateAsync(enumeration, optimize: 2)).AssertOk().Content;
        var all = await client.ItemsAsync(enumeration, optimize: 2, pullMax: 1);

        Assert.Equal(2, first.Element(Ns.WsMan + "Items")!.Elements().Count());
        Assert.Null(first.Element(Ns.WsMan + "EndOfSequence"));
        Assert.False(string.IsNullOrEmpty(first.Element(Ns.Wsen + "EnumerationContext")?.Value));
        Assert.Equal(["build01", "db01", "test01", "web01"], Items.ElementNames(all));
    }

    [Fact]
    public async Task Without_optimization_the_response_holds_only_a_context_and_every_match_is_pulled()
    {
        using var client = server.Client();
        var enumeration = Enumeration.OfClass("CIM_ComputerSystem", Filters.Wql("SELECT * FROM CIM_ComputerSystem WHERE NameFormat = 'UUID'"));

        var response = (await client.EnumerateAsync(enumeration)).AssertOk().Content;
        var pull = (await client.PostAsync(enumeration.PullEnvelope(response.Element(Ns.Wsen + "EnumerationContext")!.Value, 10))).AssertOk().Content;

        Assert.Null(response.Element(Ns.WsMan + "Items"));
        Assert.NotNull(pull.Element(Ns.Wsen + "EndOfSequence"));
        Assert.Equal(["build01", "db01", "test01", "web01"], Items.ElementNames(pull.Element(Ns.Wsen + "Items")!.Elements()));
    }
}
