using System.Globalization;
using System.Numerics;
using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Management;

/// <summary>
/// The units a request states its quantities in (AllocationUnits, VirtualQuantityUnits): DSP0004
/// programmatic units for bytes ("byte", "byte*2^20", "byte*10^6", "bytes"), the spellings libvirt-cim
/// and older clients use ("Bytes", "KiloBytes", "MegaBytes", "GigaBytes", "TeraBytes": powers of 1024),
/// and "count" for processors and network ports. A NULL unit means the pool's own.
/// </summary>
public static class AllocationUnits
{
    private static readonly Dictionary<string, int> NamedBinary = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Bytes"] = 0, ["KiloBytes"] = 10, ["MegaBytes"] = 20, ["GigaBytes"] = 30, ["TeraBytes"] = 40,
    };

    /// <summary>How many of the pool's base units (bytes, or one for counts) one <paramref name="units"/> is.</summary>
    public static bool TryParse(string? units, ResourceKind kind, out BigInteger multiplier)
    {
        // NULL is the pool's own unit (its AllocationUnits): MiB for memory, bytes for storage, a count otherwise.
        multiplier = units is null && kind == ResourceKind.Memory ? BigInteger.One << 20 : BigInteger.One;
        if (units is null) return true;
        var text = units.Trim();
        if (kind is ResourceKind.Processor or ResourceKind.Network)
            return text.Equals("count", StringComparison.OrdinalIgnoreCase);
        if (NamedBinary.TryGetValue(text, out var shift))
        {
            multiplier = BigInteger.One << shift;
            return true;
        }
        var star = text.IndexOf('*');
        var baseUnit = (star < 0 ? text : text[..star]).Trim();
        if (!baseUnit.Equals("byte", StringComparison.OrdinalIgnoreCase) && !baseUnit.Equals("bytes", StringComparison.OrdinalIgnoreCase))
            return false;
        if (star < 0) return true;
        var factor = text[(star + 1)..].Replace(" ", "", StringComparison.Ordinal);
        var caret = factor.IndexOf('^');
        if (caret < 0 || !int.TryParse(factor[..caret], NumberStyles.None, CultureInfo.InvariantCulture, out var radix) ||
            radix is not (2 or 10) || !int.TryParse(factor[(caret + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var exponent) ||
            exponent > 60)
            return false;
        multiplier = BigInteger.Pow(radix, exponent);
        return true;
    }
}
