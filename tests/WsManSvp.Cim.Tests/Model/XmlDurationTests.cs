using WsManSvp.Cim.Model;

namespace WsManSvp.Cim.Tests.Model;

public class XmlDurationTests
{
    [Theory]
    [InlineData(0L, "PT0S")]
    [InlineData(1L, "PT0.000001S")]
    [InlineData(1_500_000L, "PT1.5S")]
    [InlineData(60_000_000L, "PT1M")]
    [InlineData(3_600_000_000L, "PT1H")]
    [InlineData(86_400_000_000L, "P1D")]
    [InlineData(90_061_000_001L, "P1DT1H1M1.000001S")]
    [InlineData(86_400_000_000L + 30_000_000L, "P1DT30S")]
    [InlineData(-1_000_000L, "-PT1S")]
    public void Microseconds_format_and_parse_back(long microseconds, string text)
    {
        Assert.Equal(text, XmlDuration.FromMicroseconds(microseconds));
        Assert.True(XmlDuration.TryParseMicroseconds(text, out var parsed));
        Assert.Equal(microseconds, parsed);
    }

    [Theory]
    [InlineData(" P2D ", 172_800_000_000L)]
    [InlineData("PT90M", 5_400_000_000L)]
    [InlineData("PT0.5S", 500_000L)]
    [InlineData("PT1.0000004S", 1_000_000L)]
    [InlineData("P0DT0H0M0S", 0L)]
    public void Other_spellings_parse(string text, long microseconds)
    {
        Assert.True(XmlDuration.TryParseMicroseconds(text, out var parsed));
        Assert.Equal(microseconds, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("1D")]
    [InlineData("P1H")]
    [InlineData("PT1D")]
    [InlineData("P1.5D")]
    [InlineData("PT1.5M")]
    [InlineData("PT1S2")]
    [InlineData("PTT1S")]
    [InlineData("PT1.2.3S")]
    [InlineData("P1Y")]
    [InlineData("P1M")]
    [InlineData("PT-1S")]
    [InlineData("P999999999999999999D")]
    [InlineData("PT99999999999999999999999999S")]
    public void Malformed_or_unbounded_durations_are_rejected(string text)
    {
        Assert.False(XmlDuration.TryParseMicroseconds(text, out var parsed));
        Assert.Equal(0, parsed);
    }
}
