using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Interop;

/// <summary>openwsman's wsman client: Enumerate (plain and optimized with EPRs), Pull and Release, as captured.</summary>
public abstract class WsmancliEnumerationReplayTests(ServerFixture server)
{
    private const string EnumerateResponse = "http://schemas.xmlsoap.org/ws/2004/09/enumeration/EnumerateResponse";
    private static readonly string[] SeededSystems = ["build01", "db01", "test01", "web01"];

    [Theory]
    [Replays("wsmancli/enumerate_plain-1.xml")]
    public async Task Plain_Enumerate_returns_a_context_that_pulls_the_host_and_every_system(string capture)
    {
        using var client = server.Client();
        var reply = (await ClientCapture.Load(capture).SendAsync(client)).AssertOk();

        Assert.Equal(EnumerateResponse, reply.Action);
        var response = reply.Content;
        Assert.Null(response.Element(Ns.WsMan + "Items"));
        var context = response.Element(Ns.Wsen + "EnumerationContext")?.Value;
        Assert.False(string.IsNullOrWhiteSpace(context), reply.Text);

        var items = await PullAllAsync(client, context);
        InteropAssert.IsHost(items[0]);
        Assert.Equal(SeededSystems, items.Skip(1).Select(i => i.Prop("ElementName")).Order(StringComparer.Ordinal));
    }

    [Theory]
    [Replays("wsmancli/enumerate_optimize_objepr_max2-1.xml")]
    public async Task Optimized_ObjectAndEPR_Enumerate_returns_two_items_with_their_EPRs_and_a_context(string capture)
    {
        using var client = server.Client();
        var reply = (await ClientCapture.Load(capture).SendAsync(client)).AssertOk();

        Assert.Equal(EnumerateResponse, reply.Action);
        var response = reply.Content;
        var items = response.Element(Ns.WsMan + "Items")!.Elements().ToArray();
        Assert.Equal(2, items.Length);
        var instances = items.Select(InteropAssert.IsInstanceAndEpr).ToArray();
        InteropAssert.IsHost(instances[0]);
        Assert.Contains(instances[1].Prop("ElementName"), SeededSystems);
        Assert.Null(response.Element(Ns.WsMan + "EndOfSequence"));
        var context = response.Element(Ns.Wsen + "EnumerationContext")?.Value;
        Assert.False(string.IsNullOrWhiteSpace(context), "Three systems remain, so the context must be live.");
        (await client.ReleaseAsync(InteropAssert.ComputerSystem, context)).AssertOk();
    }

    [Theory]
    [Replays("wsmancli/enumerate_plain-1.xml", "wsmancli/pull.xml")]
    public async Task Pull_with_a_live_context_returns_the_first_item_and_a_context(string enumerate, string pull)
    {
        using var client = server.Client();
        var context = await EnumerateAsync(client, enumerate);

        var reply = (await ClientCapture.Load(pull).WithEnumerationContext(context).SendAsync(client)).AssertOk();

        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/09/enumeration/PullResponse", reply.Action);
        var response = reply.Content;
        InteropAssert.IsHost(Assert.Single(response.Element(Ns.Wsen + "Items")!.Elements()));
        Assert.Null(response.Element(Ns.Wsen + "EndOfSequence"));
        var next = response.Element(Ns.Wsen + "EnumerationContext")?.Value;
        Assert.False(string.IsNullOrWhiteSpace(next), reply.Text);
        (await client.ReleaseAsync(InteropAssert.ComputerSystem, next)).AssertOk();
    }

    [Theory]
    [Replays("wsmancli/enumerate_plain-1.xml", "wsmancli/release.xml", "wsmancli/pull.xml")]
    public async Task Release_of_a_live_context_answers_ReleaseResponse_and_ends_the_context(string enumerate, string release, string pull)
    {
        using var client = server.Client();
        var context = await EnumerateAsync(client, enumerate);

        var reply = (await ClientCapture.Load(release).WithEnumerationContext(context).SendAsync(client)).AssertOk();

        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/09/enumeration/ReleaseResponse", reply.Action);
        Assert.Empty(reply.Body.Elements());
        var after = await ClientCapture.Load(pull).WithEnumerationContext(context).SendAsync(client);
        after.AssertFault("wsen:InvalidEnumerationContext");
    }

    private static async Task<string> EnumerateAsync(WsManClient client, string capture)
    {
        var reply = (await ClientCapture.Load(capture).SendAsync(client)).AssertOk();
        return reply.Content.Element(Ns.Wsen + "EnumerationContext")!.Value;
    }

    private static async Task<List<XElement>> PullAllAsync(WsManClient client, string? context)
    {
        var items = new List<XElement>();
        for (var pulls = 0; pulls < 20; pulls++)
        {
            var response = (await client.PullAsync(InteropAssert.ComputerSystem, context!, "<wsen:MaxElements>10</wsen:MaxElements>")).AssertOk().Content;
            items.AddRange(response.Element(Ns.Wsen + "Items")!.Elements());
            if (response.Element(Ns.Wsen + "EndOfSequence") is not null) return items;
            context = response.Element(Ns.Wsen + "EnumerationContext")!.Value;
        }
        Assert.Fail($"No EndOfSequence after 20 pulls; items so far: {items.Count}");
        return items;
    }
}

public sealed class WsmancliEnumerationReplayOnSimulatorTests(ServerFixture server) : WsmancliEnumerationReplayTests(server), IClassFixture<ServerFixture>;

public sealed class WsmancliEnumerationReplayOnLibvirtTests(LibvirtServerFixture server) : WsmancliEnumerationReplayTests(server), IClassFixture<LibvirtServerFixture>;
