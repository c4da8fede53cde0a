using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Interop;

/// <summary>
/// openwsman's wsman invoke of RequestStateChange, with (-J, an input file) and without (-k) a TimeoutPeriod
/// in the raw CIM interval form (zero: no timeout). Starting a system changes state, so those tests get a
/// server each.
/// </summary>
public abstract class WsmancliInvokeReplayTests(ServerFixture server)
{
    private const string Action = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ComputerSystem/RequestStateChange";

    [Theory]
    [Replays("wsmancli/invoke_k.xml")]
    [Replays("wsmancli/invoke_J.xml")]
    public async Task RequestStateChange_on_a_defined_system_starts_it(string capture)
    {
        var own = new ServerFixture();
        await own.InitializeAsync();
        try
        {
            using var client = own.Client();
            var db01 = (await client.EnumerateAllAsync(InteropAssert.ComputerSystem, maxElements: 10)).Single(s => s.Prop("ElementName") == "db01");
            Assert.Equal("3", db01.Prop("EnabledState"));
            var name = db01.Prop("Name")!;

            var reply = await ClientCapture.Load(capture).WithSelector("Name", name).SendAsync(client);

            // The start runs as a job: 4096 and the job's EPR, polled until it completes.
            Assert.Equal("4096", ReturnValue(reply));
            using var cim = new CimClient(own.Client());
            var states = await cim.PollJobAsync(Epr.From(reply.Content.Element(Ns.Class(InteropAssert.ComputerSystem) + "Job")!));
            Assert.Equal("7", states[^1].Prop("JobState"));
            var after = (await client.GetAsync(InteropAssert.ComputerSystem, ("CreationClassName", InteropAssert.ComputerSystem), ("Name", name))).AssertOk();
            Assert.Equal("2", after.Content.Prop("EnabledState"));
        }
        finally
        {
            await own.DisposeAsync();
        }
    }

    [Theory]
    [Replays("wsmancli/invoke_k.xml")]
    [Replays("wsmancli/invoke_J.xml")]
    public async Task RequestStateChange_on_the_host_is_Not_Supported_and_changes_nothing(string capture)
    {
        using var client = server.Client();

        var reply = await ClientCapture.Load(capture).SendAsync(client);

        Assert.Equal("1", ReturnValue(reply));
        InteropAssert.IsHostGetResponse(await client.GetAsync(InteropAssert.ComputerSystem,
            ("CreationClassName", InteropAssert.ComputerSystem), ("Name", ServerFixture.HostName)));
    }

    private static string? ReturnValue(WsManReply reply)
    {
        reply.AssertOk();
        Assert.Equal(Action + "Response", reply.Action);
        var output = reply.Content;
        Assert.Equal(Ns.Class(InteropAssert.ComputerSystem) + "RequestStateChange_OUTPUT", output.Name);
        return output.Prop("ReturnValue");
    }
}

public sealed class WsmancliInvokeReplayOnSimulatorTests(ServerFixture server) : WsmancliInvokeReplayTests(server), IClassFixture<ServerFixture>;

public sealed class WsmancliInvokeReplayOnLibvirtTests(LibvirtServerFixture server) : WsmancliInvokeReplayTests(server), IClassFixture<LibvirtServerFixture>;
