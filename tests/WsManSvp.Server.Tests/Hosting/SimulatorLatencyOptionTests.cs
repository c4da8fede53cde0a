using WsManSvp.Server.Hosting;

namespace WsManSvp.Server.Tests.Hosting;

/// <summary>--sim-latency: milliseconds, seconds or an xs:duration.</summary>
public sealed class SimulatorLatencyOptionTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("2s", 2000)]
    [InlineData("1.5s", 1500)]
    [InlineData("0ms", 0)]
    [InlineData("PT2S", 2000)]
    [InlineData("PT0.25S", 250)]
    [InlineData("PT1M", 60_000)]
    public void A_duration_sets_the_simulator_latency(string value, int milliseconds)
    {
        var settings = CommandLine.Parse(["--sim-latency", value]);

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), settings.SimulatorLatency);
    }

    [Fact]
    public void Without_the_option_changes_take_no_time()
    {
        Assert.Equal(TimeSpan.Zero, CommandLine.Parse([]).SimulatorLatency);
    }

    [Theory]
    [InlineData("")]
    [InlineData("fast")]
    [InlineData("2")]
    [InlineData("-1s")]
    [InlineData("-PT1S")]
    [InlineData("2 s")]
    [InlineData("PT2H")]
    [InlineData("99999999999999999999999999999s")]
    public void Anything_else_is_refused_naming_the_option_and_the_value(string value)
    {
        var e = Assert.Throws<CommandLineException>(() => CommandLine.Parse(["--sim-latency", value]));

        Assert.Contains("--sim-latency", e.Message);
        Assert.Contains($"'{value}'", e.Message);
    }

    [Fact]
    public void The_option_needs_a_value()
    {
        Assert.Contains("--sim-latency needs a value", Assert.Throws<CommandLineException>(() => CommandLine.Parse(["--sim-latency"])).Message);
    }

    [Fact]
    public void The_help_text_describes_it()
    {
        Assert.Contains("--sim-latency DURATION", CommandLine.Usage);
    }
}
