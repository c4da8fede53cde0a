using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Protocol;

/// <summary>An idle enumeration context expires after the configured lifetime (here 1 s).</summary>
public sealed class EnumerationExpiryTests(ShortLivedContextsServerFixture server) : IClassFixture<ShortLivedContextsServerFixture>
{
    private static readonly TimeSpan PastLifetime = ShortLivedContextsServerFixture.ContextLifetime + TimeSpan.FromMilliseconds(500);

    [Fact]
    public async Task An_idle_context_expires_and_is_then_InvalidEnumerationContext()
    {
        using var client = server.Client();
        var context = (await client.EnumerateAsync("CIM_ComputerSystem")).AssertOk().Content.Element(Ns.Wsen + "EnumerationContext")!.Value;

        await Task.Delay(PastLifetime);

        var reply = await client.PullAsync("CIM_ComputerSystem", context);
        reply.AssertFault("wsen:InvalidEnumerationContext");
    }

    [Theory]
    [InlineData("PT0.5S", "PT0.5S")]
    [InlineData("PT10M", "PT1S")]
    public async Task Expires_is_granted_up_to_the_lifetime_and_reported(string asked, string granted)
    {
        using var client = server.Client();
        var reply = (await client.EnumerateAsync("CIM_ComputerSystem", $"<wsen:Expires>{asked}</wsen:Expires>")).AssertOk();
        Assert.Equal(granted, reply.Content.Element(Ns.Wsen + "Expires")!.Value);
    }
}
