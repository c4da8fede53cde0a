using System.Globalization;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Xml;

namespace WsManSvp.Cim.Query;

/// <summary>
/// How a query compares two CIM values:
/// <list type="bullet">
/// <item>NULL against anything is unknown (SQL three-valued logic), so neither x = NULL nor NOT (x = NULL) holds.</item>
/// <item>A comparison with an array holds when it holds for any element (what CQL spells ANY; WMI does not
/// compare arrays at all), is unknown when it holds for none but is unknown for some, and never holds for an
/// empty array.</item>
/// <item>Integers compare by value whatever their width; a real compares with any number, at real32 precision
/// when either side is real32 (so 0.1 matches a real32 holding 0.1).</item>
/// <item>A string meets another type by being read as that type: a number, true/false, one character, or a
/// datetime (CIM form, xs:dateTime, xs:date or xs:duration). When it cannot be, the comparison is unknown.</item>
/// <item>Strings and char16 order by UTF-16 code unit. WQL compares them regardless of case, as WMI does;
/// CQL exactly, as CIM string values are case-sensitive (DSP0004) and OpenPegasus's CQL compares them.</item>
/// <item>Timestamps compare as instants, intervals by length; a timestamp and an interval are unknown.</item>
/// <item>Booleans and references have only = and &lt;&gt;; ordering them, or comparing embedded instances, is unknown.</item>
/// </list>
/// </summary>
internal static class ValueComparison
{
    public static Truth Compare(CimValue left, ComparisonOperator op, CimValue right, StringComparison strings)
    {
        if (left.IsNull || right.IsNull) return Truth.Unknown;
        if (left.IsArray || right.IsArray)
        {
            var result = Truth.False;
            foreach (var element in left.IsArray ? left.AsArray() : right.AsArray())
            {
                var truth = left.IsArray ? Compare(element, op, right, strings) : Compare(left, op, element, strings);
                if (truth == Truth.True) return Truth.True;
                if (truth == Truth.Unknown) result = Truth.Unknown;
            }
            return result;
        }
        if (left.Type != right.Type && !(IsNumber(left.Type) && IsNumber(right.Type)))
        {
            if (left.Type == CimType.String && TryConvert(left.AsString(), right.Type, out var converted)) left = converted;
            else if (right.Type == CimType.String && TryConvert(right.AsString(), left.Type, out converted)) right = converted;
            else return Truth.Unknown;
        }
        int order;
        switch (left.Type)
        {
            case CimType.String:
                order = string.Compare(left.AsString(), right.AsString(), strings);
                break;
            case CimType.Char16:
                var a = left.AsChar16();
                var b = right.AsChar16();
                order = new ReadOnlySpan<char>(in a).CompareTo(new ReadOnlySpan<char>(in b), strings);
                break;
            case CimType.Boolean when op.IsEquality():
                order = left.AsBoolean() == right.AsBoolean() ? 0 : 1;
                break;
            case CimType.Reference when op.IsEquality():
                order = left.AsReference().Equals(right.AsReference()) ? 0 : 1;
                break;
            case CimType.DateTime:
                if (!TryOrder(left.AsDateTime(), right.AsDateTime(), out order)) return Truth.Unknown;
                break;
            case var type when IsNumber(type):
                if (!TryOrderNumbers(left, right, out order)) return Truth.Unknown;
                break;
            default:
                return Truth.Unknown;
        }
        return Truths.Of(op.Holds(order));
    }

    /// <summary>Reads a string as a value of <paramref name="type"/>, for comparing it with one.</summary>
    public static bool TryConvert(string text, CimType type, out CimValue value)
    {
        value = default;
        var t = text.Trim();
        switch (type)
        {
            case CimType.Boolean when bool.TryParse(t, out var b):
                value = CimValue.Boolean(b);
                return true;
            case CimType.Char16 when text.Length == 1:
                value = CimValue.Char16(text[0]);
                return true;
            case CimType.DateTime when CimValueParser.TryParseDateTime(t, out var dateTime, out _):
                value = CimValue.DateTime(dateTime);
                return true;
            case var numeric when IsNumber(numeric):
                if (Int128.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) &&
                    n >= long.MinValue && n <= ulong.MaxValue)
                {
                    value = n <= long.MaxValue ? CimValue.SInt64((long)n) : CimValue.UInt64((ulong)n);
                    return true;
                }
                if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
                {
                    value = CimValue.Real64(real);
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    private static bool IsNumber(CimType type) => type.IsInteger() || type is CimType.Real32 or CimType.Real64;

    private static bool TryOrderNumbers(CimValue left, CimValue right, out int order)
    {
        if (left.Type.IsInteger() && right.Type.IsInteger())
        {
            order = left.AsInt128().CompareTo(right.AsInt128());
            return true;
        }
        double x = left.AsReal(), y = right.AsReal();
        if (left.Type == CimType.Real32 || right.Type == CimType.Real32)
        {
            x = (float)x;
            y = (float)y;
        }
        order = x.CompareTo(y);
        return !double.IsNaN(x) && !double.IsNaN(y);
    }

    private static bool TryOrder(CimDateTime left, CimDateTime right, out int order)
    {
        order = 0;
        if (left.IsInterval != right.IsInterval) return false;
        order = left.IsInterval
            ? left.IntervalMicroseconds.CompareTo(right.IntervalMicroseconds)
            : left.Timestamp.CompareTo(right.Timestamp);
        return true;
    }
}
