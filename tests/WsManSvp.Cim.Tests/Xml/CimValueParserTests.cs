using WsManSvp.Cim.Model;
using WsManSvp.Cim.Xml;

namespace WsManSvp.Cim.Tests.Xml;

public class CimValueParserTests
{
    private static CimValue Parse(CimType type, string text)
    {
        Assert.True(CimValueParser.TryParse(type, text, out var value, out var error), error);
        Assert.Null(error);
        return value;
    }

    private static string Error(CimType type, string text)
    {
        Assert.False(CimValueParser.TryParse(type, text, out _, out var error));
        return error!;
    }

    [Fact]
    public void Strings_are_taken_as_they_are()
    {
        Assert.Equal(CimValue.String("  a b "), Parse(CimType.String, "  a b "));
        Assert.Equal(CimValue.String(""), Parse(CimType.String, ""));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData(" 1 ", true)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("0", false)]
    public void Booleans(string text, bool expected) =>
        Assert.Equal(CimValue.Boolean(expected), Parse(CimType.Boolean, text));

    [Theory]
    [InlineData("yes")]
    [InlineData("2")]
    [InlineData("")]
    public void Other_booleans_are_refused(string text) =>
        Assert.Equal($"'{text}' is not a boolean (true or false).", Error(CimType.Boolean, text));

    [Fact]
    public void Char16_is_exactly_one_character()
    {
        Assert.Equal(CimValue.Char16(' '), Parse(CimType.Char16, " "));
        Assert.Equal("'ab' is not a single character.", Error(CimType.Char16, "ab"));
        Assert.Equal("'' is not a single character.", Error(CimType.Char16, ""));
    }

    [Theory]
    [InlineData(CimType.UInt8, "255", 255)]
    [InlineData(CimType.SInt8, "-128", -128)]
    [InlineData(CimType.UInt16, " +65535 ", 65535)]
    [InlineData(CimType.SInt16, "-32768", -32768)]
    [InlineData(CimType.UInt32, "4294967295", 4294967295)]
    [InlineData(CimType.SInt32, "-2147483648", -2147483648)]
    [InlineData(CimType.SInt64, "-9223372036854775808", long.MinValue)]
    [InlineData(CimType.UInt64, "007", 7)]
    public void Integers_of_each_type(CimType type, string text, long expected) =>
        Assert.Equal(CimValue.Integer(type, expected), Parse(type, text));

    [Fact]
    public void Uint64_reaches_its_maximum()
    {
        Assert.Equal(CimValue.UInt64(ulong.MaxValue), Parse(CimType.UInt64, "18446744073709551615"));
        Assert.Equal("18446744073709551616 is outside the range of uint64 (0 to 18446744073709551615).",
            Error(CimType.UInt64, "18446744073709551616"));
    }

    [Theory]
    [InlineData(CimType.UInt8, "256", "256 is outside the range of uint8 (0 to 255).")]
    [InlineData(CimType.UInt8, "-1", "-1 is outside the range of uint8 (0 to 255).")]
    [InlineData(CimType.SInt8, "128", "128 is outside the range of sint8 (-128 to 127).")]
    [InlineData(CimType.UInt16, "65536", "65536 is outside the range of uint16 (0 to 65535).")]
    [InlineData(CimType.SInt32, "2147483648", "2147483648 is outside the range of sint32 (-2147483648 to 2147483647).")]
    [InlineData(CimType.SInt64, "9223372036854775808", "9223372036854775808 is outside the range of sint64 (-9223372036854775808 to 9223372036854775807).")]
    [InlineData(CimType.UInt32, "1.5", "'1.5' is not an integer.")]
    [InlineData(CimType.UInt32, "0x10", "'0x10' is not an integer.")]
    [InlineData(CimType.UInt32, "1e3", "'1e3' is not an integer.")]
    [InlineData(CimType.UInt32, "", "'' is not an integer.")]
    [InlineData(CimType.SInt16, "--1", "'--1' is not an integer.")]
    public void Integer_errors_say_why(CimType type, string text, string message) =>
        Assert.Equal(message, Error(type, text));

    [Theory]
    [InlineData(CimType.Real64, "1.5", 1.5)]
    [InlineData(CimType.Real64, "-2e10", -2e10)]
    [InlineData(CimType.Real64, " 42 ", 42.0)]
    [InlineData(CimType.Real32, "0.25", 0.25)]
    [InlineData(CimType.Real64, "INF", double.PositiveInfinity)]
    [InlineData(CimType.Real32, "-INF", double.NegativeInfinity)]
    public void Reals(CimType type, string text, double expected)
    {
        var value = Parse(type, text);

        Assert.Equal(type, value.Type);
        Assert.Equal(expected, value.AsReal());
    }

    [Fact]
    public void NaN_is_a_real()
    {
        Assert.True(double.IsNaN(Parse(CimType.Real64, "NaN").AsReal()));
        Assert.Equal("NaN", Parse(CimType.Real32, "NaN").ToText());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1e400")]
    [InlineData("Infinity")]
    [InlineData("inf")]
    [InlineData("")]
    public void Other_reals_are_refused(string text) =>
        Assert.Equal($"'{text}' is not a real64 number.", Error(CimType.Real64, text));

    [Theory]
    [InlineData("20240229123456.000000+000", "20240229123456.000000+000")]
    [InlineData("00000001000000.000000:000", "00000001000000.000000:000")]
    [InlineData("2024-02-29T12:34:56Z", "20240229123456.000000+000")]
    [InlineData("P1D", "00000001000000.000000:000")]
    [InlineData("2024-02-29", "20240229000000.000000+000")]
    public void Datetimes_in_every_form(string text, string cim) =>
        Assert.Equal(cim, Parse(CimType.DateTime, text).AsDateTime().ToCimString());

    [Fact]
    public void Datetime_errors_say_why()
    {
        Assert.Equal("'yesterday' is not a datetime (xs:dateTime, xs:duration or CIM form).", Error(CimType.DateTime, "yesterday"));
        Assert.Equal("'20240229123456.000000+999' has a UTC offset out of range.", Error(CimType.DateTime, "20240229123456.000000+999"));
        Assert.Equal("'P99999999999999999999D' is not a datetime (xs:dateTime, xs:duration or CIM form).", Error(CimType.DateTime, "P99999999999999999999D"));
    }

    [Fact]
    public void References_are_not_text()
    {
        Assert.Equal("A reference is an endpoint reference, not text.", Error(CimType.Reference, "root/cimv2:Test_A"));
    }

    [Fact]
    public void Long_text_is_clipped_in_messages()
    {
        var text = new string('x', 50);

        Assert.Equal($"'{new string('x', 40)}...' is not an integer.", Error(CimType.UInt8, text));
    }
}
