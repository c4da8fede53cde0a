using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Interop;

/// <summary>pywinrm 0.3's requests as captured: send_message of Identify and Get, and open_shell.</summary>
public abstract class PywinrmReplayTests(ServerFixture server)
{
    [Theory]
    [Replays("pywinrm/pywinrm-send_message_identify.xml")]
    public async Task Identify_answers_with_versions_and_the_Basic_profile(string capture)
    {
        using var client = server.Client();
        InteropAssert.IsAuthenticatedIdentify((await ClientCapture.Load(capture).SendAsync(client)).AssertOk().Xml);
    }

    [Theory]
    [Replays("pywinrm/pywinrm-send_message_get.xml")]
    public async Task Get_returns_the_host(string capture)
    {
        using var client = server.Client();
        InteropAssert.IsHostGetResponse(await ClientCapture.Load(capture).SendAsync(client));
    }

    [Theory]
    [Replays("pywinrm/pywinrm-open_shell.xml")]
    public async Task Open_shell_on_the_WinRS_resource_is_a_clean_DestinationUnreachable_InvalidResourceURI(string capture)
    {
        using var client = server.Client();

        var reply = await ClientCapture.Load(capture).SendAsync(client);

        reply.AssertFault("wsa:DestinationUnreachable", "InvalidResourceURI");
        Assert.Equal("s:Sender", reply.FaultCode);
        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/08/addressing/fault", reply.Action);
        Assert.Contains("http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd", reply.Reason);
        // pywinrm reads the Windows error number from wsmanfault:WSManFault: 2150858811 is INVALID_RESOURCE_URI.
        var windows = reply.Fault!.Element(Ns.S + "Detail")!.Element(Ns.WsManFault + "WSManFault");
        Assert.Equal("2150858811", (string?)windows?.Attribute("Code"));
    }
}

public sealed class PywinrmReplayOnSimulatorTests(ServerFixture server) : PywinrmReplayTests(server), IClassFixture<ServerFixture>;

public sealed class PywinrmReplayOnLibvirtTests(LibvirtServerFixture server) : PywinrmReplayTests(server), IClassFixture<LibvirtServerFixture>;
