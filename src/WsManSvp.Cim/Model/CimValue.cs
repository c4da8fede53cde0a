using System.Globalization;

namespace WsManSvp.Cim.Model;

/// <summary>
/// A typed CIM value: a scalar, an array (of scalars of the same type) or NULL. Numbers, booleans and
/// characters live in a 64-bit field, so scalars of those types are not boxed.
/// </summary>
public readonly struct CimValue : IEquatable<CimValue>
{
    private const byte HasValueFlag = 1;
    private const byte ArrayFlag = 2;

    private readonly object? _object;
    private readonly ulong _bits;
    private readonly byte _flags;

    private CimValue(CimType type, byte flags, ulong bits, object? obj)
    {
        Type = type;
        _flags = flags;
        _bits = bits;
        _object = obj;
    }

    public CimType Type { get; }

    public bool IsNull => (_flags & HasValueFlag) == 0;

    public bool IsArray => (_flags & ArrayFlag) != 0;

    public static CimValue Null(CimType type, bool isArray = false) => new(type, isArray ? ArrayFlag : (byte)0, 0, null);

    public static CimValue Boolean(bool value) => Scalar(CimType.Boolean, value ? 1UL : 0UL);
    public static CimValue UInt8(byte value) => Scalar(CimType.UInt8, value);
    public static CimValue SInt8(sbyte value) => Scalar(CimType.SInt8, unchecked((ulong)value));
    public static CimValue UInt16(ushort value) => Scalar(CimType.UInt16, value);
    public static CimValue SInt16(short value) => Scalar(CimType.SInt16, unchecked((ulong)value));
    public static CimValue UInt32(uint value) => Scalar(CimType.UInt32, value);
    public static CimValue SInt32(int value) => Scalar(CimType.SInt32, unchecked((ulong)value));
    public static CimValue UInt64(ulong value) => Scalar(CimType.UInt64, value);
    public static CimValue SInt64(long value) => Scalar(CimType.SInt64, unchecked((ulong)value));
    public static CimValue Real32(float value) => Scalar(CimType.Real32, BitConverter.DoubleToUInt64Bits(value));
    public static CimValue Real64(double value) => Scalar(CimType.Real64, BitConverter.DoubleToUInt64Bits(value));
    public static CimValue Char16(char value) => Scalar(CimType.Char16, value);

    public static CimValue String(string? value) =>
        value is null ? Null(CimType.String) : new(CimType.String, HasValueFlag, 0, value);

    public static CimValue DateTime(CimDateTime? value) =>
        value is null ? Null(CimType.DateTime) : new(CimType.DateTime, HasValueFlag, 0, value);

    public static CimValue DateTime(DateTimeOffset value) => DateTime(CimDateTime.FromTimestamp(value));

    public static CimValue Reference(CimObjectPath? value) =>
        value is null ? Null(CimType.Reference) : new(CimType.Reference, HasValueFlag, 0, value);

    public static CimValue Instance(CimInstance? value) =>
        value is null ? Null(CimType.Instance) : new(CimType.Instance, HasValueFlag, 0, value);

    /// <summary>An integer of the given integer type, range-checked.</summary>
    public static CimValue Integer(CimType type, Int128 value)
    {
        var (min, max) = type.IntegerRange();
        if (value < min || value > max)
            throw new OverflowException($"{value} is outside the range of {type.MofName()}.");
        return Scalar(type, unchecked((ulong)value)); // two's complement low 64 bits
    }

    /// <summary>An array; every element must be a non-null scalar of <paramref name="elementType"/>.</summary>
    public static CimValue Array(CimType elementType, params CimValue[] elements)
    {
        foreach (var e in elements)
        {
            if (e.Type != elementType || e.IsArray || e.IsNull)
                throw new ArgumentException($"Array elements must be non-null {elementType.MofName()} scalars.", nameof(elements));
        }
        return new(elementType, HasValueFlag | ArrayFlag, 0, elements);
    }

    public static CimValue StringArray(params string[] values) =>
        Array(CimType.String, System.Array.ConvertAll(values, String));

    public static CimValue UInt16Array(params ushort[] values) =>
        Array(CimType.UInt16, System.Array.ConvertAll(values, UInt16));

    private static CimValue Scalar(CimType type, ulong bits) => new(type, HasValueFlag, bits, null);

    public bool AsBoolean() => Expect(CimType.Boolean)._bits != 0;

    public char AsChar16() => (char)Expect(CimType.Char16)._bits;

    public string AsString() => (string)Expect(CimType.String)._object!;

    public CimDateTime AsDateTime() => (CimDateTime)Expect(CimType.DateTime)._object!;

    public CimObjectPath AsReference() => (CimObjectPath)Expect(CimType.Reference)._object!;

    public CimInstance AsInstance() => (CimInstance)Expect(CimType.Instance)._object!;

    public double AsReal() => ExpectScalar().Type switch
    {
        CimType.Real32 or CimType.Real64 => BitConverter.UInt64BitsToDouble(_bits),
        _ when Type.IsInteger() => (double)AsInt128(),
        _ => throw TypeError("a number"),
    };

    /// <summary>Any integer value, widened.</summary>
    public Int128 AsInt128()
    {
        ExpectScalar();
        return Type switch
        {
            CimType.UInt8 or CimType.UInt16 or CimType.UInt32 or CimType.UInt64 => _bits,
            CimType.SInt8 or CimType.SInt16 or CimType.SInt32 or CimType.SInt64 => unchecked((long)_bits),
            _ => throw TypeError("an integer"),
        };
    }

    public ReadOnlySpan<CimValue> AsArray()
    {
        if (IsNull || !IsArray) throw TypeError("an array");
        return (CimValue[])_object!;
    }

    /// <summary>The canonical text of a scalar (DSP0230 lexical form), for XML and selectors.</summary>
    public string ToText()
    {
        ExpectScalar();
        return Type switch
        {
            CimType.Boolean => _bits != 0 ? "true" : "false",
            CimType.String => (string)_object!,
            CimType.Char16 => ((char)_bits).ToString(),
            CimType.DateTime => ((CimDateTime)_object!).ToXmlString(),
            CimType.Real32 => FormatReal((float)BitConverter.UInt64BitsToDouble(_bits)),
            CimType.Real64 => FormatReal(BitConverter.UInt64BitsToDouble(_bits)),
            CimType.Reference => ((CimObjectPath)_object!).ToString(),
            CimType.Instance => throw new InvalidOperationException("An embedded instance has no text form; it is written as XML."),
            _ => AsInt128().ToString(CultureInfo.InvariantCulture),
        };
    }

    private static string FormatReal(double value) =>
        double.IsPositiveInfinity(value) ? "INF" :
        double.IsNegativeInfinity(value) ? "-INF" :
        double.IsNaN(value) ? "NaN" :
        value.ToString("R", CultureInfo.InvariantCulture);

    private static string FormatReal(float value) =>
        float.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : FormatReal((double)value);

    public override string ToString() =>
        IsNull ? "NULL" :
        IsArray ? "{" + string.Join(", ", AsArray().ToArray().Select(v => v.ToString())) + "}" :
        Type == CimType.Instance ? $"instance of {AsInstance().Class.Name}" : ToText();

    public bool Equals(CimValue other)
    {
        if (Type != other.Type || _flags != other._flags) return false;
        if (IsNull) return true;
        if (IsArray) return AsArray().SequenceEqual(other.AsArray());
        return _object is null ? _bits == other._bits : _object.Equals(other._object);
    }

    public override bool Equals(object? obj) => obj is CimValue v && Equals(v);

    public override int GetHashCode() =>
        IsNull ? (int)Type : IsArray ? HashCode.Combine(Type, AsArray().Length) : HashCode.Combine(Type, _bits, _object);

    public static bool operator ==(CimValue left, CimValue right) => left.Equals(right);

    public static bool operator !=(CimValue left, CimValue right) => !left.Equals(right);

    private CimValue Expect(CimType type)
    {
        if (Type != type || IsNull || IsArray) throw TypeError(type.MofName());
        return this;
    }

    private CimValue ExpectScalar()
    {
        if (IsNull || IsArray) throw TypeError("a non-null scalar");
        return this;
    }

    private InvalidOperationException TypeError(string wanted) =>
        new($"The value is {(IsNull ? "NULL " : "")}{Type.MofName()}{(IsArray ? "[]" : "")}, not {wanted}.");
}
