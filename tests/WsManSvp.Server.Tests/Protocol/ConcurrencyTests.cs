using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Protocol;

/// <summary>Many clients at once: every request gets its own, correct answer.</summary>
public sealed class ConcurrencyTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const int Parallel = 64;

    [Fact]
    public async Task Parallel_Gets_and_enumerations_are_all_answered_correctly()
    {
        using var setup = server.Client();
        var systems = await SeededSystems.FindAsync(setup);
        systems[ServerFixture.HostName] = ServerFixture.HostName;
        var targets = systems.OrderBy(s => s.Key, StringComparer.Ordinal).ToArray();

        var gets = Enumerable.Range(0, Parallel).Select(async i =>
        {
            using var client = server.Client();
            var (elementName, name) = targets[i % targets.Length];
            var messageId = $"uuid:{Guid.NewGuid()}";
            var reply = (await client.PostAsync(Envelopes.Build(Envelopes.Get, Envelopes.ClassUri("CIM_ComputerSystem"),
                [("CreationClassName", "CIM_ComputerSystem"), ("Name", name)], messageId: messageId))).AssertOk();
            Assert.Equal(messageId, reply.Header.Element(Ns.Wsa + "RelatesTo")!.Value);
            Assert.Equal(elementName, reply.Content.Prop("ElementName"));
        });
        var enumerations = Enumerable.Range(0, Parallel).Select(async i =>
        {
            using var client = server.Client();
            var items = await client.EnumerateAllAsync(i % 2 == 0 ? "CIM_ComputerSystem" : "CIM_VirtualSystemSettingData", maxElements: 1 + i % 4);
            Assert.Equal(i % 2 == 0 ? 5 : 6, items.Count);
            Assert.Equal(items.Count, items.Select(item => item.ToString()).Distinct().Count());
        });

        await Task.WhenAll(gets.Concat(enumerations));
    }
}
