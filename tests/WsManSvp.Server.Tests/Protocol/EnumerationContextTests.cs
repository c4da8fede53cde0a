using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Protocol;

/// <summary>The life of an enumeration context: Release, EndOfSequence, unknown contexts.</summary>
public sealed class EnumerationContextTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static async Task<string> OpenAsync(WsManClient client) =>
        (await client.EnumerateAsync("CIM_ComputerSystem")).AssertOk().Content.Element(Ns.Wsen + "EnumerationContext")!.Value;

    private static void AssertInvalidContext(WsManReply reply)
    {
        reply.AssertFault("wsen:InvalidEnumerationContext");
        Assert.Equal("s:Receiver", reply.FaultCode);
        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/09/enumeration/fault", reply.Action);
    }

    [Fact]
    public async Task Release_answers_ReleaseResponse_and_a_later_Pull_is_InvalidEnumerationContext()
    {
        using var client = server.Client();
        var context = await OpenAsync(client);

        var release = (await client.ReleaseAsync("CIM_ComputerSystem", context)).AssertOk();
        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/09/enumeration/ReleaseResponse", release.Action);
        Assert.Empty(release.Body.Elements());

        AssertInvalidContext(await client.PullAsync("CIM_ComputerSystem", context));
        AssertInvalidContext(await client.ReleaseAsync("CIM_ComputerSystem", context));
    }

    [Fact]
    public async Task Release_in_the_middle_of_an_enumeration_ends_it()
    {
        using var client = server.Client();
        var context = await OpenAsync(client);
        var pull = (await client.PullAsync("CIM_ComputerSystem", context, "<wsen:MaxElements>2</wsen:MaxElements>")).AssertOk();
        var next = pull.Content.Element(Ns.Wsen + "EnumerationContext")!.Value;

        (await client.ReleaseAsync("CIM_ComputerSystem", next)).AssertOk();

        AssertInvalidContext(await client.PullAsync("CIM_ComputerSystem", next));
    }

    [Fact]
    public async Task The_context_is_gone_after_EndOfSequence()
    {
        using var client = server.Client();
        var context = await OpenAsync(client);
        var pull = (await client.PullAsync("CIM_ComputerSystem", context, "<wsen:MaxElements>100</wsen:MaxElements>")).AssertOk();
        Assert.NotNull(pull.Content.Element(Ns.Wsen + "EndOfSequence"));

        AssertInvalidContext(await client.PullAsync("CIM_ComputerSystem", context));
    }

    [Theory]
    [InlineData("uuid:00000000-0000-0000-0000-000000000000")]
    [InlineData("not-a-context")]
    [InlineData("")]
    public async Task An_unknown_context_is_InvalidEnumerationContext(string context)
    {
        using var client = server.Client();
        AssertInvalidContext(await client.PullAsync("CIM_ComputerSystem", context));
    }

    [Fact]
    public async Task Independent_enumerations_do_not_share_position()
    {
        using var client = server.Client();
        var first = await OpenAsync(client);
        var second = await OpenAsync(client);
        Assert.NotEqual(first, second);

        var a = (await client.PullAsync("CIM_ComputerSystem", first, "<wsen:MaxElements>3</wsen:MaxElements>")).AssertOk().Content;
        var b = (await client.PullAsync("CIM_ComputerSystem", second, "<wsen:MaxElements>100</wsen:MaxElements>")).AssertOk().Content;

        Assert.Equal(3, a.Element(Ns.Wsen + "Items")!.Elements().Count());
        Assert.Equal(5, b.Element(Ns.Wsen + "Items")!.Elements().Count());
        (await client.ReleaseAsync("CIM_ComputerSystem", a.Element(Ns.Wsen + "EnumerationContext")!.Value)).AssertOk();
    }
}
