using WsManSvp.Cim.Model;

namespace WsManSvp.Cim.Tests.Model;

public class CimValueTests
{
    public static TheoryData<CimValue, CimType, string> Scalars => new()
    {
        { CimValue.Boolean(true), CimType.Boolean, "true" },
        { CimValue.Boolean(false), CimType.Boolean, "false" },
        { CimValue.UInt8(byte.MaxValue), CimType.UInt8, "255" },
        { CimValue.SInt8(sbyte.MinValue), CimType.SInt8, "-128" },
        { CimValue.UInt16(ushort.MaxValue), CimType.UInt16, "65535" },
        { CimValue.SInt16(short.MinValue), CimType.SInt16, "-32768" },
        { CimValue.UInt32(uint.MaxValue), CimType.UInt32, "4294967295" },
        { CimValue.SInt32(int.MinValue), CimType.SInt32, "-2147483648" },
        { CimValue.UInt64(ulong.MaxValue), CimType.UInt64, "18446744073709551615" },
        { CimValue.SInt64(long.MinValue), CimType.SInt64, "-9223372036854775808" },
        { CimValue.Real32(0.1f), CimType.Real32, "0.1" },
        { CimValue.Real32(float.NegativeInfinity), CimType.Real32, "-INF" },
        { CimValue.Real64(-2.5e-10), CimType.Real64, "-2.5E-10" },
        { CimValue.Real64(double.PositiveInfinity), CimType.Real64, "INF" },
        { CimValue.Real64(double.NaN), CimType.Real64, "NaN" },
        { CimValue.Char16('é'), CimType.Char16, "é" },
        { CimValue.String("a <b>"), CimType.String, "a <b>" },
        { CimValue.DateTime(new DateTimeOffset(2024, 2, 29, 12, 0, 0, TimeSpan.FromHours(1))), CimType.DateTime, "2024-02-29T12:00:00+01:00" },
        { CimValue.DateTime(CimDateTime.FromInterval(TimeSpan.FromHours(26))), CimType.DateTime, "P1DT2H" },
        { CimValue.Reference(new CimObjectPath("root/cimv2", "Test_A", [new("Id", CimValue.String("x"))])), CimType.Reference, "root/cimv2:Test_A.Id=\"x\"" },
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void Every_type_has_a_scalar_with_its_canonical_text(CimValue value, CimType type, string text)
    {
        Assert.Equal(type, value.Type);
        Assert.False(value.IsNull);
        Assert.False(value.IsArray);
        Assert.Equal(text, value.ToText());
        Assert.Equal(text, value.ToString());
    }

    [Fact]
    public void Accessors_return_what_was_stored()
    {
        var path = new CimObjectPath("root/cimv2", "Test_A", []);
        var when = CimDateTime.FromTimestamp(DateTimeOffset.UnixEpoch);

        Assert.True(CimValue.Boolean(true).AsBoolean());
        Assert.Equal('x', CimValue.Char16('x').AsChar16());
        Assert.Equal("s", CimValue.String("s").AsString());
        Assert.Same(when, CimValue.DateTime(when).AsDateTime());
        Assert.Same(path, CimValue.Reference(path).AsReference());
        Assert.Equal(-7, CimValue.SInt16(-7).AsInt128());
        Assert.Equal(ulong.MaxValue, CimValue.UInt64(ulong.MaxValue).AsInt128());
        Assert.Equal(1.5, CimValue.Real32(1.5f).AsReal());
        Assert.Equal(-3.0, CimValue.SInt8(-3).AsReal());
    }

    [Fact]
    public void Wrong_accessors_say_what_the_value_is()
    {
        Assert.Equal("The value is uint16, not string.",
            Assert.Throws<InvalidOperationException>(() => CimValue.UInt16(1).AsString()).Message);
        Assert.Equal("The value is NULL uint16, not a non-null scalar.",
            Assert.Throws<InvalidOperationException>(() => CimValue.Null(CimType.UInt16).AsInt128()).Message);
        Assert.Equal("The value is string, not an integer.",
            Assert.Throws<InvalidOperationException>(() => CimValue.String("1").AsInt128()).Message);
        Assert.Equal("The value is boolean, not a number.",
            Assert.Throws<InvalidOperationException>(() => CimValue.Boolean(true).AsReal()).Message);
        Assert.Equal("The value is uint16, not an array.",
            Assert.Throws<InvalidOperationException>(() => CimValue.UInt16(1).AsArray().Length).Message);
        Assert.Equal("The value is string[], not a non-null scalar.",
            Assert.Throws<InvalidOperationException>(() => CimValue.StringArray("a").ToText()).Message);
        Assert.Equal("The value is string[], not string.",
            Assert.Throws<InvalidOperationException>(() => CimValue.StringArray("a").AsString()).Message);
    }

    [Fact]
    public void Null_values_keep_type_and_arity()
    {
        var nullArray = CimValue.Null(CimType.UInt16, isArray: true);

        Assert.True(nullArray.IsNull);
        Assert.True(nullArray.IsArray);
        Assert.Equal(CimType.UInt16, nullArray.Type);
        Assert.Equal("NULL", nullArray.ToString());
        Assert.Equal(CimValue.Null(CimType.String), CimValue.String(null));
        Assert.Equal(CimValue.Null(CimType.DateTime), CimValue.DateTime((CimDateTime?)null));
        Assert.Equal(CimValue.Null(CimType.Reference), CimValue.Reference(null));
        Assert.True(default(CimValue).IsNull);
    }

    [Fact]
    public void Arrays_hold_scalars_of_their_element_type()
    {
        var codes = CimValue.UInt16Array(2, 3, 5);

        Assert.True(codes.IsArray);
        Assert.False(codes.IsNull);
        Assert.Equal(CimType.UInt16, codes.Type);
        Assert.Equal([CimValue.UInt16(2), CimValue.UInt16(3), CimValue.UInt16(5)], codes.AsArray().ToArray());
        Assert.Equal("{2, 3, 5}", codes.ToString());
        Assert.Equal(["a", "b"], CimValue.StringArray("a", "b").AsArray().ToArray().Select(v => v.AsString()));
        var empty = CimValue.Array(CimType.SInt64);
        Assert.False(empty.IsNull);
        Assert.Equal(0, empty.AsArray().Length);
        Assert.Equal("{}", empty.ToString());
    }

    [Fact]
    public void Arrays_refuse_other_types_nulls_and_nested_arrays()
    {
        const string message = "Array elements must be non-null uint16 scalars. (Parameter 'elements')";

        Assert.Equal(message, Assert.Throws<ArgumentException>(() => CimValue.Array(CimType.UInt16, CimValue.UInt32(1))).Message);
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => CimValue.Array(CimType.UInt16, CimValue.Null(CimType.UInt16))).Message);
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => CimValue.Array(CimType.UInt16, CimValue.UInt16Array(1))).Message);
    }

    [Theory]
    [InlineData(CimType.UInt8, 0, 255)]
    [InlineData(CimType.SInt8, -128, 127)]
    [InlineData(CimType.UInt16, 0, 65535)]
    [InlineData(CimType.SInt16, -32768, 32767)]
    [InlineData(CimType.UInt32, 0, 4294967295)]
    [InlineData(CimType.SInt32, -2147483648, 2147483647)]
    [InlineData(CimType.SInt64, long.MinValue, long.MaxValue)]
    public void Integer_accepts_its_range_and_refuses_one_past_either_end(CimType type, long min, long max)
    {
        Assert.Equal(min, CimValue.Integer(type, min).AsInt128());
        Assert.Equal(max, CimValue.Integer(type, max).AsInt128());
        Assert.Equal(type, CimValue.Integer(type, max).Type);
        Assert.Equal($"{(Int128)min - 1} is outside the range of {type.MofName()}.",
            Assert.Throws<OverflowException>(() => CimValue.Integer(type, (Int128)min - 1)).Message);
        Assert.Equal($"{(Int128)max + 1} is outside the range of {type.MofName()}.",
            Assert.Throws<OverflowException>(() => CimValue.Integer(type, (Int128)max + 1)).Message);
    }

    [Fact]
    public void Integer_covers_uint64_and_matches_the_typed_factories()
    {
        Assert.Equal(CimValue.UInt64(ulong.MaxValue), CimValue.Integer(CimType.UInt64, ulong.MaxValue));
        Assert.Throws<OverflowException>(() => CimValue.Integer(CimType.UInt64, (Int128)ulong.MaxValue + 1));
        Assert.Throws<OverflowException>(() => CimValue.Integer(CimType.UInt64, -1));
        Assert.Equal(CimValue.SInt8(-5), CimValue.Integer(CimType.SInt8, -5));
        Assert.Equal(CimValue.SInt64(-1), CimValue.Integer(CimType.SInt64, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CimValue.Integer(CimType.String, 1));
    }

    [Fact]
    public void Equality_needs_the_same_type_arity_and_value()
    {
        Assert.Equal(CimValue.UInt16(7), CimValue.UInt16(7));
        Assert.True(CimValue.UInt16(7) == CimValue.UInt16(7));
        Assert.True(CimValue.UInt16(7) != CimValue.UInt32(7));
        Assert.NotEqual(CimValue.UInt16(7), CimValue.UInt16(8));
        Assert.NotEqual(CimValue.String("a"), CimValue.String("A"));
        Assert.Equal(CimValue.String("a"), CimValue.String(new string('a', 1)));
        Assert.NotEqual(CimValue.Null(CimType.String), CimValue.Null(CimType.String, isArray: true));
        Assert.NotEqual(CimValue.Null(CimType.String), CimValue.String(""));
        Assert.Equal(CimValue.StringArray("a", "b"), CimValue.StringArray("a", "b"));
        Assert.NotEqual(CimValue.StringArray("a", "b"), CimValue.StringArray("b", "a"));
        Assert.NotEqual(CimValue.StringArray("a"), CimValue.String("a"));
        Assert.Equal(CimValue.DateTime(CimDateTime.FromIntervalMicroseconds(5)), CimValue.DateTime(CimDateTime.FromIntervalMicroseconds(5)));
        Assert.False(CimValue.UInt8(1).Equals((object)1));
    }

    [Fact]
    public void Equal_values_hash_alike()
    {
        Assert.Equal(CimValue.UInt16(7).GetHashCode(), CimValue.UInt16(7).GetHashCode());
        Assert.Equal(CimValue.String("abc").GetHashCode(), CimValue.String(new string("abc".AsSpan())).GetHashCode());
        Assert.Equal(CimValue.StringArray("a", "b").GetHashCode(), CimValue.StringArray("a", "b").GetHashCode());
        Assert.Equal(CimValue.Null(CimType.UInt8).GetHashCode(), CimValue.Null(CimType.UInt8).GetHashCode());
    }
}
