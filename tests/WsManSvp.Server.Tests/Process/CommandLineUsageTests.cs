namespace WsManSvp.Server.Tests.Processes;

/// <summary>--help and mistakes on the command line.</summary>
public sealed class CommandLineUsageTests
{
    [Fact]
    public async Task Help_prints_the_usage_and_exits_0()
    {
        var run = await ServerCommand.RunAsync(["--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Usage:", run.Stdout.TrimStart());
        foreach (var option in new[] { "--urls", "--data-dir", "--allow-unencrypted", "--certificate", "--sim-latency", "user add NAME", "WSMANSVP_USER" })
            Assert.Contains(option, run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public async Task An_unknown_option_exits_2_naming_it()
    {
        var run = await ServerCommand.RunAsync(["--frobnicate"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unknown option '--frobnicate'", run.Stderr);
        Assert.Equal("", run.Stdout);
    }
}
