using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Protocol;

/// <summary>An enumeration over thousands of systems, pulled in batches, returns each exactly once.</summary>
public sealed class LargeEnumerationTests(LoadedServerFixture server) : IClassFixture<LoadedServerFixture>
{
    private const int BatchSize = 100;

    [Fact]
    public async Task Every_system_comes_exactly_once_in_batches_of_100()
    {
        using var client = server.Client();
        var context = (await client.EnumerateAsync("CIM_ComputerSystem")).AssertOk().Content.Element(Ns.Wsen + "EnumerationContext")!.Value;
        var names = new List<string>();
        var elementNames = new List<string>();
        var batches = 0;
        while (true)
        {
            var response = (await client.PullAsync("CIM_ComputerSystem", context, $"<wsen:MaxElements>{BatchSize}</wsen:MaxElements>")).AssertOk().Content;
            var items = response.Element(Ns.Wsen + "Items")!.Elements().ToList();
            Assert.InRange(items.Count, 1, BatchSize);
            batches++;
            names.AddRange(items.Select(i => i.Prop("Name")!));
            elementNames.AddRange(items.Select(i => i.Prop("ElementName")!));
            if (response.Element(Ns.Wsen + "EndOfSequence") is not null) break;
            Assert.Equal(BatchSize, items.Count);
            context = response.Element(Ns.Wsen + "EnumerationContext")!.Value;
        }

        const int total = LoadedServerFixture.ExtraSystems + 5;
        Assert.Equal(total, names.Count);
        Assert.Equal(total, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal((total + BatchSize - 1) / BatchSize, batches);
        var expected = Enumerable.Range(1, LoadedServerFixture.ExtraSystems).Select(i => $"load{i:D5}")
            .Concat(["build01", "db01", ServerFixture.HostName, "test01", "web01"]).Order(StringComparer.Ordinal);
        Assert.Equal(expected, elementNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_extra_systems_alternate_between_running_and_defined()
    {
        using var client = server.Client();
        var reply = (await client.EnumerateAsync("CIM_ComputerSystem", "<wsman:OptimizeEnumeration/><wsman:MaxElements>100</wsman:MaxElements>")).AssertOk();
        var loads = reply.Content.Element(Ns.WsMan + "Items")!.Elements().Where(i => i.Prop("ElementName")!.StartsWith("load", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(loads);
        Assert.All(loads, i => Assert.Equal(int.Parse(i.Prop("ElementName")!["load".Length..]) % 2 == 0 ? "2" : "3", i.Prop("EnabledState")));
        (await client.ReleaseAsync("CIM_ComputerSystem", reply.Content.Element(Ns.Wsen + "EnumerationContext")!.Value)).AssertOk();
    }
}
