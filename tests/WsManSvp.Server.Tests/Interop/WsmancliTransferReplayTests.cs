using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Interop;

/// <summary>openwsman's wsman client: Identify and Get, replayed as captured.</summary>
public abstract class WsmancliTransferReplayTests(ServerFixture server)
{
    [Theory]
    [Replays("wsmancli/identify.xml")]
    public async Task Identify_answers_with_versions_and_the_Basic_profile(string capture)
    {
        using var client = server.Client();
        InteropAssert.IsAuthenticatedIdentify((await ClientCapture.Load(capture).SendAsync(client)).AssertOk().Xml);
    }

    [Theory]
    [Replays("wsmancli/get_selectors.xml")]
    public async Task Get_with_keys_and_cimnamespace_returns_the_host(string capture)
    {
        using var client = server.Client();
        InteropAssert.IsHostGetResponse(await ClientCapture.Load(capture).SendAsync(client));
    }

    [Theory]
    [Replays("wsmancli/get_flags.xml")]
    public async Task Get_with_FragmentTransfer_Name_returns_only_the_name_in_an_XmlFragment(string capture)
    {
        using var client = server.Client();
        var reply = (await ClientCapture.Load(capture).SendAsync(client)).AssertOk();

        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/09/transfer/GetResponse", reply.Action);
        var fragment = Assert.Single(reply.Body.Elements());
        Assert.Equal(Ns.WsMan + "XmlFragment", fragment.Name);
        var name = Assert.Single(fragment.Elements());
        Assert.Equal("Name", name.Name.LocalName);
        Assert.Equal(ServerFixture.HostName, name.Value);
    }
}

public sealed class WsmancliTransferReplayOnSimulatorTests(ServerFixture server) : WsmancliTransferReplayTests(server), IClassFixture<ServerFixture>;

public sealed class WsmancliTransferReplayOnLibvirtTests(LibvirtServerFixture server) : WsmancliTransferReplayTests(server), IClassFixture<LibvirtServerFixture>;
