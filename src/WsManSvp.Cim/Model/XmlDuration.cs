using System.Globalization;
using System.Text;

namespace WsManSvp.Cim.Model;

/// <summary>xs:duration text without years or months (they have no fixed length), in microseconds.</summary>
public static class XmlDuration
{
    public static bool TryParseMicroseconds(string text, out long microseconds)
    {
        microseconds = 0;
        var s = text.AsSpan().Trim();
        var negative = false;
        if (s.StartsWith("-")) { negative = true; s = s[1..]; }
        if (s.Length < 2 || s[0] != 'P') return false;
        s = s[1..];
        var inTime = false;
        var any = false;
        decimal total = 0;
        while (!s.IsEmpty)
        {
            if (s[0] == 'T')
            {
                if (inTime) return false;
                inTime = true;
                s = s[1..];
                if (s.IsEmpty) return false;
                continue;
            }
            var i = 0;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.')) i++;
            if (i == 0 || i == s.Length) return false;
            if (!decimal.TryParse(s[..i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
                return false;
            var designator = s[i];
            var isFraction = s[..i].Contains('.');
            decimal unit;
            switch (designator)
            {
                case 'D' when !inTime: unit = 86_400_000_000m; break;
                case 'H' when inTime: unit = 3_600_000_000m; break;
                case 'M' when inTime: unit = 60_000_000m; break;
                case 'S' when inTime: unit = 1_000_000m; break;
                default: return false; // Y and M (months) have no fixed length
            }
            if (isFraction && designator != 'S') return false;
            if (n > long.MaxValue / unit) return false; // too long for a long, and n * unit could overflow decimal
            total += n * unit;
            any = true;
            s = s[(i + 1)..];
        }
        if (!any || total > long.MaxValue) return false;
        microseconds = (long)decimal.Round(total);
        if (negative) microseconds = -microseconds;
        return true;
    }

    public static string FromMicroseconds(long microseconds)
    {
        var sb = new StringBuilder("P");
        if (microseconds < 0) { sb.Insert(0, '-'); microseconds = -microseconds; }
        var micro = microseconds % 1_000_000; var total = microseconds / 1_000_000;
        var seconds = total % 60; total /= 60;
        var minutes = total % 60; total /= 60;
        var hours = total % 24; var days = total / 24;
        if (days > 0) sb.Append(CultureInfo.InvariantCulture, $"{days}D");
        if (hours > 0 || minutes > 0 || seconds > 0 || micro > 0 || days == 0)
        {
            sb.Append('T');
            if (hours > 0) sb.Append(CultureInfo.InvariantCulture, $"{hours}H");
            if (minutes > 0) sb.Append(CultureInfo.InvariantCulture, $"{minutes}M");
            if (seconds > 0 || micro > 0 || (days == 0 && hours == 0 && minutes == 0))
            {
                sb.Append(CultureInfo.InvariantCulture, $"{seconds}");
                if (micro > 0) sb.Append('.').Append(micro.ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0'));
                sb.Append('S');
            }
        }
        return sb.ToString();
    }
}
