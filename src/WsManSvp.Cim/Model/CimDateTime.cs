using System.Globalization;
using System.Text;

namespace WsManSvp.Cim.Model;

/// <summary>
/// A CIM datetime (DSP0004 5.2.4): either a timestamp with a UTC offset in minutes, or an interval.
/// Precision is one microsecond, as CIM's. Intervals are kept in microseconds because CIM allows
/// 99,999,999 days, more than <see cref="TimeSpan"/> holds.
/// </summary>
public sealed class CimDateTime : IEquatable<CimDateTime>
{
    private const long MicrosecondsPerDay = 86_400_000_000L;
    private const long MaxIntervalDays = 99_999_999L;

    private CimDateTime(DateTimeOffset timestamp)
    {
        Timestamp = new DateTimeOffset(timestamp.Ticks - timestamp.Ticks % 10, timestamp.Offset);
    }

    private CimDateTime(long intervalMicroseconds)
    {
        IsInterval = true;
        IntervalMicroseconds = intervalMicroseconds;
    }

    public bool IsInterval { get; }

    /// <summary>The point in time (timestamps only).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The length in microseconds (intervals only).</summary>
    public long IntervalMicroseconds { get; }

    public static CimDateTime FromTimestamp(DateTimeOffset value) => new(value);

    public static CimDateTime FromInterval(TimeSpan value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value.Ticks);
        return new CimDateTime(value.Ticks / 10);
    }

    public static CimDateTime FromIntervalMicroseconds(long microseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(microseconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(microseconds, (MaxIntervalDays + 1) * MicrosecondsPerDay - 1);
        return new CimDateTime(microseconds);
    }

    /// <summary>The interval as a TimeSpan, saturating at TimeSpan.MaxValue.</summary>
    public TimeSpan ToTimeSpan() =>
        IntervalMicroseconds > TimeSpan.MaxValue.Ticks / 10 ? TimeSpan.MaxValue : TimeSpan.FromTicks(IntervalMicroseconds * 10);

    /// <summary>Parses the CIM string form: yyyymmddhhmmss.mmmmmmsutc or ddddddddhhmmss.mmmmmm:000.</summary>
    public static bool TryParseCim(string text, out CimDateTime? value, out string? error)
    {
        value = null;
        error = null;
        if (text.Length != 25 || text[14] != '.')
        {
            error = $"'{text}' is not a CIM datetime (25 characters: yyyymmddhhmmss.mmmmmmsutc or ddddddddhhmmss.mmmmmm:000).";
            return false;
        }
        if (!AllDigits(text.AsSpan(0, 14)) || !AllDigits(text.AsSpan(15, 6)) || !AllDigits(text.AsSpan(22, 3)))
        {
            error = $"'{text}' is not a CIM datetime: only digits are allowed in its fields (no wildcards).";
            return false;
        }
        var micro = Int(text, 15, 6);
        switch (text[21])
        {
            case ':':
            {
                if (Int(text, 22, 3) != 0) { error = $"'{text}': an interval ends with ':000'."; return false; }
                long days = Int(text, 0, 8), hours = Int(text, 8, 2), minutes = Int(text, 10, 2), seconds = Int(text, 12, 2);
                if (hours > 23 || minutes > 59 || seconds > 59) { error = $"'{text}' is not a valid CIM interval."; return false; }
                value = new CimDateTime(((days * 24 + hours) * 60 + minutes) * 60_000_000L + seconds * 1_000_000L + micro);
                return true;
            }
            case '+' or '-':
            {
                var offsetMinutes = Int(text, 22, 3) * (text[21] == '-' ? -1 : 1);
                if (Math.Abs(offsetMinutes) > 14 * 60) { error = $"'{text}' has a UTC offset out of range."; return false; }
                try
                {
                    var dto = new DateTimeOffset(Int(text, 0, 4), Int(text, 4, 2), Int(text, 6, 2),
                        Int(text, 8, 2), Int(text, 10, 2), Int(text, 12, 2), TimeSpan.FromMinutes(offsetMinutes));
                    value = new CimDateTime(dto.AddTicks(micro * 10L));
                    return true;
                }
                catch (ArgumentOutOfRangeException)
                {
                    error = $"'{text}' is not a valid CIM timestamp.";
                    return false;
                }
            }
            default:
                error = $"'{text}' is not a CIM datetime: character 22 must be '+', '-' or ':'.";
                return false;
        }
    }

    private static readonly string[] XmlDateTimeFormats =
        ["yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF"];

    /// <summary>Parses xs:dateTime (DSP0230 cim:Datetime), up to seven fractional digits; a missing zone means UTC.</summary>
    public static bool TryParseXmlDateTime(string text, out CimDateTime? value)
    {
        value = null;
        if (!DateTimeOffset.TryParseExact(text.Trim(), XmlDateTimeFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var dto))
            return false;
        value = new CimDateTime(dto);
        return true;
    }

    /// <summary>Parses xs:date (DSP0230 cim:Date) as midnight of that day.</summary>
    public static bool TryParseXmlDate(string text, out CimDateTime? value)
    {
        value = null;
        var t = text.Trim();
        var offset = TimeSpan.Zero;
        if (t.EndsWith('Z')) t = t[..^1];
        else if (t.Length > 10 && (t[^6] == '+' || t[^6] == '-') &&
                 TimeSpan.TryParseExact(t[^5..], @"hh\:mm", CultureInfo.InvariantCulture, out var o))
        {
            offset = t[^6] == '-' ? -o : o;
            t = t[..^6];
        }
        if (!DateTime.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return false;
        value = new CimDateTime(new DateTimeOffset(date, offset));
        return true;
    }

    /// <summary>Parses xs:duration (DSP0230 cim:Interval). Years and months have no fixed length and are refused.</summary>
    public static bool TryParseXmlDuration(string text, out CimDateTime? value)
    {
        value = null;
        if (!XmlDuration.TryParseMicroseconds(text, out var micro) || micro < 0 ||
            micro > (MaxIntervalDays + 1) * MicrosecondsPerDay - 1)
            return false;
        value = new CimDateTime(micro);
        return true;
    }

    public string ToCimString()
    {
        var sb = new StringBuilder(25);
        if (IsInterval)
        {
            var total = IntervalMicroseconds;
            var micro = total % 1_000_000; total /= 1_000_000;
            var seconds = total % 60; total /= 60;
            var minutes = total % 60; total /= 60;
            var hours = total % 24; var days = total / 24;
            sb.Append(CultureInfo.InvariantCulture, $"{days:D8}{hours:D2}{minutes:D2}{seconds:D2}.{micro:D6}:000");
        }
        else
        {
            var t = Timestamp;
            var micro = t.Ticks % TimeSpan.TicksPerSecond / 10;
            var offset = (int)t.Offset.TotalMinutes;
            sb.Append(CultureInfo.InvariantCulture,
                $"{t.Year:D4}{t.Month:D2}{t.Day:D2}{t.Hour:D2}{t.Minute:D2}{t.Second:D2}.{micro:D6}{(offset < 0 ? '-' : '+')}{Math.Abs(offset):D3}");
        }
        return sb.ToString();
    }

    /// <summary>The DSP0230 XML text: xs:dateTime for timestamps, xs:duration for intervals.</summary>
    public string ToXmlString()
    {
        if (IsInterval) return XmlDuration.FromMicroseconds(IntervalMicroseconds);
        var t = Timestamp;
        var fraction = t.Ticks % TimeSpan.TicksPerSecond == 0 ? "" : ".ffffff";
        var zone = t.Offset == TimeSpan.Zero ? "Z" : "zzz";
        return t.ToString($"yyyy-MM-ddTHH:mm:ss{fraction}{zone}", CultureInfo.InvariantCulture);
    }

    public override string ToString() => ToCimString();

    public bool Equals(CimDateTime? other) =>
        other is not null && IsInterval == other.IsInterval &&
        (IsInterval ? IntervalMicroseconds == other.IntervalMicroseconds : Timestamp.Equals(other.Timestamp));

    public override bool Equals(object? obj) => Equals(obj as CimDateTime);

    public override int GetHashCode() => IsInterval ? IntervalMicroseconds.GetHashCode() : Timestamp.GetHashCode();

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (c is < '0' or > '9') return false;
        return true;
    }

    private static int Int(string s, int start, int length) =>
        int.Parse(s.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture);
}
