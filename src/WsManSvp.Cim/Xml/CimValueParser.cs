using System.Globalization;
using WsManSvp.Cim.Model;

namespace WsManSvp.Cim.Xml;

/// <summary>Parses the text of a scalar CIM value of a known type (DSP0230 lexical forms, and CIM's own).</summary>
public static class CimValueParser
{
    public static bool TryParse(CimType type, string text, out CimValue value, out string? error)
    {
        value = default;
        error = null;
        var t = text.Trim();
        switch (type)
        {
            case CimType.String:
                value = CimValue.String(text);
                return true;
            case CimType.Boolean:
                if (t.Equals("true", StringComparison.OrdinalIgnoreCase) || t == "1") { value = CimValue.Boolean(true); return true; }
                if (t.Equals("false", StringComparison.OrdinalIgnoreCase) || t == "0") { value = CimValue.Boolean(false); return true; }
                error = $"'{XmlReading.Clip(text)}' is not a boolean (true or false).";
                return false;
            case CimType.Char16:
                if (text.Length == 1) { value = CimValue.Char16(text[0]); return true; }
                error = $"'{XmlReading.Clip(text)}' is not a single character.";
                return false;
            case CimType.Real32 or CimType.Real64:
                if (!TryParseReal(t, out var d))
                {
                    error = $"'{XmlReading.Clip(text)}' is not a {type.MofName()} number.";
                    return false;
                }
                value = type == CimType.Real32 ? CimValue.Real32((float)d) : CimValue.Real64(d);
                return true;
            case CimType.DateTime:
                if (TryParseDateTime(t, out var dt, out error)) { value = CimValue.DateTime(dt); return true; }
                return false;
            case CimType.Reference:
                error = "A reference is an endpoint reference, not text.";
                return false;
            default:
                if (!Int128.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                {
                    error = $"'{XmlReading.Clip(text)}' is not an integer.";
                    return false;
                }
                var (min, max) = type.IntegerRange();
                if (n < min || n > max)
                {
                    error = $"{n} is outside the range of {type.MofName()} ({min} to {max}).";
                    return false;
                }
                value = CimValue.Integer(type, n);
                return true;
        }
    }

    /// <summary>A datetime in CIM form (yyyymmddhhmmss.mmmmmmsutc / interval), xs:dateTime, xs:date or xs:duration.</summary>
    public static bool TryParseDateTime(string text, out CimDateTime? value, out string? error)
    {
        error = null;
        if (text.Length == 25 && text[14] == '.') return CimDateTime.TryParseCim(text, out value, out error);
        if (CimDateTime.TryParseXmlDateTime(text, out value) || CimDateTime.TryParseXmlDuration(text, out value) ||
            CimDateTime.TryParseXmlDate(text, out value))
            return true;
        error = $"'{XmlReading.Clip(text)}' is not a datetime (xs:dateTime, xs:duration or CIM form).";
        return false;
    }

    private static bool TryParseReal(string t, out double d)
    {
        switch (t)
        {
            case "INF": d = double.PositiveInfinity; return true;
            case "-INF": d = double.NegativeInfinity; return true;
            case "NaN": d = double.NaN; return true;
            default: return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out d) && double.IsFinite(d);
        }
    }
}
