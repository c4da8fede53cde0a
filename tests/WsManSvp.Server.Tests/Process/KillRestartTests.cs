using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Processes;

/// <summary>The run command killed outright (SIGKILL) keeps every change it acknowledged, and the jobs that made them.</summary>
public sealed class KillRestartTests
{
    private static readonly Dictionary<string, string?> Environment = new()
    {
        ["WSMANSVP_USER"] = "killer",
        ["WSMANSVP_PASSWORD"] = "kill-secret-1",
    };

    [Fact]
    public async Task A_state_change_acknowledged_before_a_kill_is_there_after_the_restart()
    {
        using var temp = new TempDirectory();
        string[] arguments = ["--urls", "http://127.0.0.1:0", "--data-dir", temp.Path, "--host-name", ServerFixture.HostName];
        string db01;
        Epr job;
        await using (var first = await ServerCommand.StartServerAsync(arguments, Environment))
        {
            using var client = new WsManClient(first.Endpoint, "killer", "kill-secret-1");
            db01 = await SeededSystems.NameOfAsync(client, "db01");
            var reply = (await client.InvokeAsync("CIM_ComputerSystem", "RequestStateChange", "<p:RequestedState>2</p:RequestedState>",
                ("CreationClassName", "CIM_ComputerSystem"), ("Name", db01))).AssertOk();
            Assert.Equal("4096", reply.Content.Prop("ReturnValue"));
            job = Epr.From(reply.Content.Element(Ns.Class("CIM_ComputerSystem") + "Job")!);
            using var cim = new CimClient(new WsManClient(first.Endpoint, "killer", "kill-secret-1"));
            Assert.Equal("7", (await cim.PollJobAsync(job))[^1].Prop("JobState"));
        } // disposing kills the process: no orderly shutdown

        await using var second = await ServerCommand.StartServerAsync(arguments, Environment);
        using var again = new WsManClient(second.Endpoint, "killer", "kill-secret-1");

        Assert.Equal("2", (await SeededSystems.GetAsync(again, db01)).AssertOk().Content.Prop("EnabledState"));
        Assert.Equal(4, (await SeededSystems.FindAsync(again)).Count);
        var after = (await again.GetAsync(job)).AssertOk().Content;
        Assert.Equal("7", after.Prop("JobState"));
        Assert.Equal("RequestStateChange", after.Prop("Name"));
    }
}
