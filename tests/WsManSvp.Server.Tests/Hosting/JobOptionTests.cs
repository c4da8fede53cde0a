using WsManSvp.Server.Hosting;

namespace WsManSvp.Server.Tests.Hosting;

public sealed class JobOptionTests
{
    [Fact]
    public void Finished_jobs_stay_five_minutes_unless_told_otherwise()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), CommandLine.Parse([]).JobTimeBeforeRemoval);
        Assert.Equal(TimeSpan.FromSeconds(30), CommandLine.Parse(["--job-time-before-removal", "30"]).JobTimeBeforeRemoval);
        Assert.Contains("--job-time-before-removal SEC", CommandLine.Usage);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("soon")]
    [InlineData("700000")]
    public void A_time_that_is_not_a_number_of_seconds_in_range_is_refused(string value)
    {
        var e = Assert.Throws<CommandLineException>(() => CommandLine.Parse(["--job-time-before-removal", value]));
        Assert.Contains("--job-time-before-removal", e.Message);
    }
}
