using WsManSvp.Server.Tests.Infrastructure;
using WsManSvp.Server.Tests.UseCases;
using static WsManSvp.Server.Tests.Eventing.Subscriptions;

namespace WsManSvp.Server.Tests.Eventing;

/// <summary>Real indications across a server restart: a bookmark taken before it replays what came after it, once.</summary>
public sealed class IndicationRestartTests
{
    [Fact]
    public async Task A_bookmark_from_before_a_restart_replays_the_state_changes_after_it_then_the_new_ones()
    {
        var fixture = new IndicationServerFixture();
        await fixture.InitializeAsync();
        try
        {
            using var cim = new CimClient(fixture.Client());
            var system = await VirtualSystemServices.DefineAsync(cim, "ev-restart");
            string bookmark;
            using (var client = fixture.Client())
            {
                var context = Context(await client.PostAsync(Subscribe("CIM_InstModification", Pull, "", Wql(EnabledStateChanges) + "<wsman:SendBookmarks/>")));
                await MethodSteps.ChangeStateAsync(cim, system, 2);
                var first = await PullStatesAsync(client, context, 1);
                Assert.Equal([("3", "2")], first.States);
                bookmark = first.Bookmark;
                await MethodSteps.ChangeStateAsync(cim, system, 9); // logged, not pulled before the restart
            }

            await fixture.RestartAsync();
            using var after = fixture.Client();
            using var cimAfter = new CimClient(fixture.Client());
            var resumed = Context(await after.PostAsync(Subscribe("CIM_InstModification", Pull, "",
                Wql(EnabledStateChanges) + $"<wsman:Bookmark>{bookmark}</wsman:Bookmark><wsman:SendBookmarks/>")));
            await MethodSteps.ChangeStateAsync(cimAfter, system, 3);
            var replayed = await PullStatesAsync(after, resumed, 2);

            Assert.Equal([("2", "9"), ("9", "3")], replayed.States);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    private static async Task<(List<(string?, string?)> States, string Bookmark)> PullStatesAsync(WsManClient client, string context, int count)
    {
        var states = new List<(string?, string?)>();
        var bookmark = "";
        while (states.Count < count)
        {
            var pulled = (await client.PullAsync("CIM_InstModification", context, "<wsen:MaxElements>10</wsen:MaxElements>")).AssertOk();
            states.AddRange(ReceivedIndication.Of(pulled.Content.Element(Ns.Wsen + "Items")!.Elements()).Select(i => (i.Previous("EnabledState"), i.Source("EnabledState"))));
            bookmark = pulled.Header.Element(Ns.WsMan + "Bookmark")!.Value;
        }
        return (states, bookmark);
    }
}
