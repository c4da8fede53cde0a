namespace WsManSvp.Cim.Model;

/// <summary>The intrinsic CIM data types (DSP0004 clause 5.2), plus references.</summary>
public enum CimType : byte
{
    Boolean,
    UInt8,
    SInt8,
    UInt16,
    SInt16,
    UInt32,
    SInt32,
    UInt64,
    SInt64,
    Real32,
    Real64,
    Char16,
    String,
    DateTime,
    Reference,

    /// <summary>An embedded instance (DSP0004 EmbeddedInstance/EmbeddedObject); WMI's MOF declares it "object".</summary>
    Instance,
}

public static class CimTypes
{
    /// <summary>The MOF keyword for a type ("uint16"); references have none.</summary>
    public static string MofName(this CimType type) => type switch
    {
        CimType.Boolean => "boolean",
        CimType.UInt8 => "uint8",
        CimType.SInt8 => "sint8",
        CimType.UInt16 => "uint16",
        CimType.SInt16 => "sint16",
        CimType.UInt32 => "uint32",
        CimType.SInt32 => "sint32",
        CimType.UInt64 => "uint64",
        CimType.SInt64 => "sint64",
        CimType.Real32 => "real32",
        CimType.Real64 => "real64",
        CimType.Char16 => "char16",
        CimType.String => "string",
        CimType.DateTime => "datetime",
        CimType.Instance => "object",
        _ => "ref",
    };

    public static bool TryParseMofName(string name, out CimType type)
    {
        switch (name.ToLowerInvariant())
        {
            case "boolean": type = CimType.Boolean; return true;
            case "uint8": type = CimType.UInt8; return true;
            case "sint8": type = CimType.SInt8; return true;
            case "uint16": type = CimType.UInt16; return true;
            case "sint16": type = CimType.SInt16; return true;
            case "uint32": type = CimType.UInt32; return true;
            case "sint32": type = CimType.SInt32; return true;
            case "uint64": type = CimType.UInt64; return true;
            case "sint64": type = CimType.SInt64; return true;
            case "real32": type = CimType.Real32; return true;
            case "real64": type = CimType.Real64; return true;
            case "char16": type = CimType.Char16; return true;
            case "string": type = CimType.String; return true;
            case "datetime": type = CimType.DateTime; return true;
            case "object": type = CimType.Instance; return true;
            default: type = default; return false;
        }
    }

    public static bool IsInteger(this CimType type) => type is >= CimType.UInt8 and <= CimType.SInt64;

    public static bool IsSigned(this CimType type) => type is CimType.SInt8 or CimType.SInt16 or CimType.SInt32 or CimType.SInt64;

    /// <summary>The inclusive range of an integer type, as (min, max) over 128-bit integers.</summary>
    public static (Int128 Min, Int128 Max) IntegerRange(this CimType type) => type switch
    {
        CimType.UInt8 => (byte.MinValue, byte.MaxValue),
        CimType.SInt8 => (sbyte.MinValue, sbyte.MaxValue),
        CimType.UInt16 => (ushort.MinValue, ushort.MaxValue),
        CimType.SInt16 => (short.MinValue, short.MaxValue),
        CimType.UInt32 => (uint.MinValue, uint.MaxValue),
        CimType.SInt32 => (int.MinValue, int.MaxValue),
        CimType.UInt64 => (ulong.MinValue, ulong.MaxValue),
        CimType.SInt64 => (long.MinValue, long.MaxValue),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not an integer type."),
    };
}
