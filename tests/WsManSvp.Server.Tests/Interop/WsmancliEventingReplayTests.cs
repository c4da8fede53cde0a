using System.Xml.Linq;
using WsManSvp.Server.Tests.Eventing;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Interop;

/// <summary>
/// wsmancli's Subscribe (Push, heartbeats, a WQL filter on CIM_ComputerSystem's URI), Renew and Unsubscribe,
/// replayed against the real indications: a state change the test makes reaches the sink the capture names
/// (pointed at the test's), as the CIM_InstModification of that system.
/// </summary>
public abstract class WsmancliEventingReplayTests(ServerFixture server)
{
    private static readonly XNamespace Wse = "http://schemas.xmlsoap.org/ws/2004/08/eventing";
    private const string EventAction = "http://schemas.dmtf.org/wbem/wsman/1/wsman/Event";

    [Theory]
    [Replays("wsmancli/subscribe_push.xml", "wsmancli/renew.xml", "wsmancli/unsubscribe.xml")]
    public async Task Subscribe_renew_and_unsubscribe_are_answered_and_the_modifications_reach_the_sink(string subscribe, string renew, string unsubscribe)
    {
        await using var sink = await HttpEventSink.StartAsync();
        using var client = server.Client();
        using var cim = new CimClient(server.Client());
        var system = await VirtualSystemServices.DefineAsync(cim, "wsmancli-subscriber-" + Guid.NewGuid().ToString("N")[..8]);

        var subscribed = (await ClientCapture.Load(subscribe).WithNotifyTo(sink.Url()).SendAsync(client)).AssertOk();
        var id = subscribed.Content.Element(Wse + "SubscriptionManager")!.Element(Ns.Wsa + "ReferenceParameters")!.Element(Wse + "Identifier")!.Value;
        await VirtualSystemServices.FinishedAsync(cim, await VirtualSystemServices.RequestStateChangeAsync(cim, system, 2));
        await EventingServerFixture.WaitUntilAsync(() => Received(sink).Any(i => IsStart(i, system)));
        var renewed = (await ClientCapture.Load(renew).WithIdentifier(id).SendAsync(client)).AssertOk();
        (await ClientCapture.Load(unsubscribe).WithIdentifier(id).SendAsync(client)).AssertOk();

        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/08/eventing/SubscribeResponse", subscribed.Action);
        Assert.Equal("PT10M", subscribed.Content.Element(Wse + "Expires")!.Value);
        Assert.Equal("PT20M", renewed.Content.Element(Wse + "Expires")!.Value);
        Assert.Equal("CIM_InstModification", Received(sink).Single(i => IsStart(i, system)).ClassName);
        // The capture's resource URI is CIM_ComputerSystem's: only modifications of computer systems are sent.
        Assert.All(Received(sink), i => Assert.Equal("CIM_ComputerSystem", i.SourceClass));
    }

    private static bool IsStart(ReceivedIndication i, Epr system) =>
        i.Source("Name") == system.Selector("Name") && i.Previous("EnabledState") == "3" && i.Source("EnabledState") == "2";

    private static List<ReceivedIndication> Received(HttpEventSink sink) => sink.Of(EventAction).SelectMany(ReceivedIndication.In).ToList();
}

public sealed class WsmancliEventingReplayOnSimulatorTests(ServerFixture server) : WsmancliEventingReplayTests(server), IClassFixture<ServerFixture>;

public sealed class WsmancliEventingReplayOnLibvirtTests(LibvirtServerFixture server) : WsmancliEventingReplayTests(server), IClassFixture<LibvirtServerFixture>;
