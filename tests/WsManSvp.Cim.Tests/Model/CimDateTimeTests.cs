using WsManSvp.Cim.Model;

namespace WsManSvp.Cim.Tests.Model;

public class CimDateTimeTests
{
    private const long MicrosecondsPerDay = 86_400_000_000L;

    [Theory]
    [InlineData("20240229123456.123456+060", 2024, 2, 29, 12, 34, 56, 123456, 60)]
    [InlineData("19991231235959.999999-300", 1999, 12, 31, 23, 59, 59, 999999, -300)]
    [InlineData("20260101000000.000000+000", 2026, 1, 1, 0, 0, 0, 0, 0)]
    [InlineData("20000101000000.000001+840", 2000, 1, 1, 0, 0, 0, 1, 840)]
    public void Cim_timestamps_round_trip(string text, int year, int month, int day, int hour, int minute, int second, int micro, int offset)
    {
        Assert.True(CimDateTime.TryParseCim(text, out var value, out var error), error);

        Assert.False(value!.IsInterval);
        var expected = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromMinutes(offset)).AddTicks(micro * 10L);
        Assert.Equal(expected, value.Timestamp);
        Assert.Equal(expected.Offset, value.Timestamp.Offset);
        Assert.Equal(text, value.ToCimString());
        Assert.Equal(text, value.ToString());
    }

    [Theory]
    [InlineData("00000000000000.000000:000", 0L)]
    [InlineData("00000001020304.000005:000", ((1L * 24 + 2) * 60 + 3) * 60_000_000 + 4_000_000 + 5)]
    [InlineData("99999999235959.999999:000", 100_000_000L * MicrosecondsPerDay - 1)]
    public void Cim_intervals_round_trip_up_to_99999999_days(string text, long microseconds)
    {
        Assert.True(CimDateTime.TryParseCim(text, out var value, out var error), error);

        Assert.True(value!.IsInterval);
        Assert.Equal(microseconds, value.IntervalMicroseconds);
        Assert.Equal(text, value.ToCimString());
        Assert.Equal(text, CimDateTime.FromIntervalMicroseconds(microseconds).ToCimString());
    }

    [Theory]
    [InlineData("2024022912345.123456+060", "is not a CIM datetime (25 characters")]
    [InlineData("20240229123456,123456+060", "is not a CIM datetime (25 characters")]
    [InlineData("2024022912****.******+060", "only digits are allowed in its fields (no wildcards)")]
    [InlineData("20240229123456.123456+06x", "only digits are allowed")]
    [InlineData("00000001000000.000000:001", "an interval ends with ':000'")]
    [InlineData("00000001240000.000000:000", "is not a valid CIM interval")]
    [InlineData("00000001006000.000000:000", "is not a valid CIM interval")]
    [InlineData("20240229123456.123456+841", "has a UTC offset out of range")]
    [InlineData("20230229123456.123456+000", "is not a valid CIM timestamp")]
    [InlineData("20240229243456.123456+000", "is not a valid CIM timestamp")]
    [InlineData("20240229123456.123456*000", "character 22 must be '+', '-' or ':'")]
    public void Invalid_cim_text_is_rejected_with_a_message(string text, string message)
    {
        Assert.False(CimDateTime.TryParseCim(text, out var value, out var error));

        Assert.Null(value);
        Assert.Contains(message, error);
        Assert.Contains(text, error);
    }

    [Fact]
    public void Timestamps_keep_microseconds_only()
    {
        var precise = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1_234_567);

        var value = CimDateTime.FromTimestamp(precise);

        Assert.Equal(precise.AddTicks(-7), value.Timestamp);
        Assert.Equal("20240102030405.123456+000", value.ToCimString());
    }

    [Fact]
    public void Intervals_from_timespans_and_microseconds()
    {
        Assert.Equal(90_000_000L, CimDateTime.FromInterval(TimeSpan.FromSeconds(90)).IntervalMicroseconds);
        Assert.Equal(TimeSpan.FromSeconds(90), CimDateTime.FromIntervalMicroseconds(90_000_000).ToTimeSpan());
        Assert.Equal(TimeSpan.MaxValue, CimDateTime.FromIntervalMicroseconds(100_000_000L * MicrosecondsPerDay - 1).ToTimeSpan());
        Assert.Throws<ArgumentOutOfRangeException>(() => CimDateTime.FromInterval(TimeSpan.FromTicks(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => CimDateTime.FromIntervalMicroseconds(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CimDateTime.FromIntervalMicroseconds(100_000_000L * MicrosecondsPerDay));
    }

    [Theory]
    [InlineData("2024-02-29T12:34:56Z", "2024-02-29T12:34:56+00:00", "2024-02-29T12:34:56Z")]
    [InlineData("2024-02-29T12:34:56", "2024-02-29T12:34:56+00:00", "2024-02-29T12:34:56Z")]
    [InlineData("2024-02-29T12:34:56.5+02:00", "2024-02-29T12:34:56.5+02:00", "2024-02-29T12:34:56.500000+02:00")]
    [InlineData(" 2024-02-29T12:34:56.123456-05:30 ", "2024-02-29T12:34:56.123456-05:30", "2024-02-29T12:34:56.123456-05:30")]
    public void Xml_datetimes_parse_and_format(string text, string instant, string formatted)
    {
        Assert.True(CimDateTime.TryParseXmlDateTime(text, out var value));

        var expected = DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, value!.Timestamp);
        Assert.Equal(expected.Offset, value.Timestamp.Offset);
        Assert.Equal(formatted, value.ToXmlString());
    }

    [Theory]
    [InlineData("2024-02-29")]
    [InlineData("2024-02-29T12:00")]
    [InlineData("Thu, 29 Feb 2024 12:00:00 GMT")]
    [InlineData("2024-02-29T12:00:00.12345678Z")]
    [InlineData("2024-02-30T00:00:00Z")]
    [InlineData("2024-02-29T25:00:00Z")]
    [InlineData("not a date")]
    [InlineData("")]
    public void Invalid_xml_datetimes_are_rejected(string text)
    {
        Assert.False(CimDateTime.TryParseXmlDateTime(text, out var value));
        Assert.Null(value);
    }

    [Theory]
    [InlineData("2024-02-29", 0)]
    [InlineData("2024-02-29Z", 0)]
    [InlineData("2024-02-29+05:30", 330)]
    [InlineData("2024-02-29-08:00", -480)]
    public void Xml_dates_are_midnight_of_the_day(string text, int offsetMinutes)
    {
        Assert.True(CimDateTime.TryParseXmlDate(text, out var value));

        Assert.Equal(new DateTimeOffset(2024, 2, 29, 0, 0, 0, TimeSpan.FromMinutes(offsetMinutes)), value!.Timestamp);
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), value.Timestamp.Offset);
    }

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("2024-2-9")]
    [InlineData("2024-02-29T00:00:00")]
    [InlineData("29/02/2024")]
    public void Invalid_xml_dates_are_rejected(string text)
    {
        Assert.False(CimDateTime.TryParseXmlDate(text, out var value));
        Assert.Null(value);
    }

    [Theory]
    [InlineData("P1DT2H", (26L * 3600) * 1_000_000)]
    [InlineData("PT0.000001S", 1L)]
    [InlineData("P99999999DT23H59M59.999999S", 100_000_000L * MicrosecondsPerDay - 1)]
    public void Xml_durations_become_intervals(string text, long microseconds)
    {
        Assert.True(CimDateTime.TryParseXmlDuration(text, out var value));

        Assert.True(value!.IsInterval);
        Assert.Equal(microseconds, value.IntervalMicroseconds);
        Assert.Equal(text, value.ToXmlString());
    }

    [Theory]
    [InlineData("P100000000D")]
    [InlineData("-PT1S")]
    [InlineData("P1Y")]
    [InlineData("P1M")]
    [InlineData("1D")]
    public void Durations_that_are_no_cim_interval_are_rejected(string text)
    {
        Assert.False(CimDateTime.TryParseXmlDuration(text, out var value));
        Assert.Null(value);
    }

    [Fact]
    public void Equality_compares_instants_and_lengths()
    {
        Assert.True(CimDateTime.TryParseCim("20240101010000.000000+060", out var inParis, out _));
        Assert.True(CimDateTime.TryParseCim("20240101000000.000000+000", out var inLondon, out _));

        Assert.Equal(inParis, inLondon);
        Assert.Equal(inParis!.GetHashCode(), inLondon!.GetHashCode());
        Assert.Equal(CimDateTime.FromIntervalMicroseconds(7), CimDateTime.FromIntervalMicroseconds(7));
        Assert.NotEqual(CimDateTime.FromIntervalMicroseconds(7), CimDateTime.FromIntervalMicroseconds(8));
        Assert.NotEqual(CimDateTime.FromIntervalMicroseconds(0), CimDateTime.FromTimestamp(DateTimeOffset.MinValue));
        Assert.False(inParis.Equals((object?)null));
    }
}
