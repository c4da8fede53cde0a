using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Interop;

/// <summary>
/// Intel's wsman-messages for generic CIM classes: default-namespace envelopes, counter MessageIDs,
/// wsa:To "/wsman", no mustUnderstand, and a method call without a SelectorSet.
/// </summary>
public abstract class WsmanMessagesReplayTests(ServerFixture server)
{
    [Theory]
    [Replays("wsman-messages/generic-CIM_ComputerSystem-Enumerate.xml")]
    public async Task Enumerate_returns_a_context(string capture)
    {
        using var client = server.Client();

        var reply = (await ClientCapture.Load(capture).SendAsync(client)).AssertOk();

        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/09/enumeration/EnumerateResponse", reply.Action);
        Assert.Equal("1", reply.Header.Element(Ns.Wsa + "RelatesTo")?.Value);
        var context = reply.Content.Element(Ns.Wsen + "EnumerationContext")?.Value;
        Assert.False(string.IsNullOrWhiteSpace(context), reply.Text);
        (await client.ReleaseAsync(InteropAssert.ComputerSystem, context)).AssertOk();
    }

    [Theory]
    [Replays("wsman-messages/generic-CIM_ComputerSystem-Enumerate.xml", "wsman-messages/generic-CIM_ComputerSystem-Pull.xml")]
    public async Task Pull_of_999_elements_returns_all_five_systems_and_the_end(string enumerate, string pull)
    {
        using var client = server.Client();
        var context = (await ClientCapture.Load(enumerate).SendAsync(client)).AssertOk().Content.Element(Ns.Wsen + "EnumerationContext")!.Value;

        var reply = (await ClientCapture.Load(pull).WithEnumerationContext(context).SendAsync(client)).AssertOk();

        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/09/enumeration/PullResponse", reply.Action);
        var response = reply.Content;
        var items = response.Element(Ns.Wsen + "Items")!.Elements().ToArray();
        Assert.Equal(5, items.Length);
        InteropAssert.IsHost(items[0]);
        Assert.All(items, i => Assert.Equal(Ns.Class(InteropAssert.ComputerSystem) + InteropAssert.ComputerSystem, i.Name));
        Assert.NotNull(response.Element(Ns.Wsen + "EndOfSequence"));
        Assert.Null(response.Element(Ns.Wsen + "EnumerationContext"));
    }

    [Theory]
    [Replays("wsman-messages/generic-CIM_ComputerSystem-Get-selector.xml")]
    public async Task Get_with_only_the_Name_key_returns_the_host(string capture)
    {
        using var client = server.Client();
        InteropAssert.IsHostGetResponse(await ClientCapture.Load(capture).SendAsync(client));
    }

    [Theory]
    [Replays("wsman-messages/generic-CIM_ComputerSystem-RequestStateChange.xml")]
    public async Task RequestStateChange_without_a_SelectorSet_is_InvalidSelectors_InsufficientSelectors(string capture)
    {
        using var client = server.Client();

        var reply = await ClientCapture.Load(capture).SendAsync(client);

        reply.AssertFault("wsman:InvalidSelectors", "InsufficientSelectors");
        Assert.Equal("s:Sender", reply.FaultCode);
        Assert.Equal("http://schemas.dmtf.org/wbem/wsman/1/wsman/fault", reply.Action);
    }
}

public sealed class WsmanMessagesReplayOnSimulatorTests(ServerFixture server) : WsmanMessagesReplayTests(server), IClassFixture<ServerFixture>;

public sealed class WsmanMessagesReplayOnLibvirtTests(LibvirtServerFixture server) : WsmanMessagesReplayTests(server), IClassFixture<LibvirtServerFixture>;
