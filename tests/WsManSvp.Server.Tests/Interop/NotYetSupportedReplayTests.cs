using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Interop;

/// <summary>
/// FOR NOW: captures of features the service does not have yet, answered with the fault that says so.
/// When eventing lands, replace these expectations with the real answers.
/// </summary>
public abstract class NotYetSupportedReplayTests(ServerFixture server)
{
    // FOR NOW: eventing (Subscribe, Renew, Unsubscribe) is a later issue.
    [Theory]
    [Replays("wsmancli/subscribe_push.xml")]
    [Replays("wsmancli/renew.xml")]
    [Replays("wsmancli/unsubscribe.xml")]
    public async Task For_now_eventing_is_ActionNotSupported(string capture)
    {
        using var client = server.Client();

        var reply = await ClientCapture.Load(capture).SendAsync(client);

        reply.AssertFault("wsa:ActionNotSupported");
        Assert.Equal("s:Sender", reply.FaultCode);
        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/08/addressing/fault", reply.Action);
    }
}

public sealed class NotYetSupportedReplayOnSimulatorTests(ServerFixture server) : NotYetSupportedReplayTests(server), IClassFixture<ServerFixture>;

public sealed class NotYetSupportedReplayOnLibvirtTests(LibvirtServerFixture server) : NotYetSupportedReplayTests(server), IClassFixture<LibvirtServerFixture>;
