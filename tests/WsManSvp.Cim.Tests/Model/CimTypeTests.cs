using WsManSvp.Cim.Model;

namespace WsManSvp.Cim.Tests.Model;

public class CimTypeTests
{
    [Fact]
    public void Mof_names_round_trip_for_every_intrinsic_type()
    {
        foreach (var type in Enum.GetValues<CimType>().Where(t => t != CimType.Reference))
        {
            Assert.True(CimTypes.TryParseMofName(type.MofName().ToUpperInvariant(), out var parsed), type.ToString());
            Assert.Equal(type, parsed);
        }
        Assert.Equal("ref", CimType.Reference.MofName());
        Assert.False(CimTypes.TryParseMofName("ref", out _));
        Assert.False(CimTypes.TryParseMofName("int", out _));
    }

    [Fact]
    public void Integer_types_are_classified_and_ranged()
    {
        Assert.Equal(
            [CimType.UInt8, CimType.SInt8, CimType.UInt16, CimType.SInt16, CimType.UInt32, CimType.SInt32, CimType.UInt64, CimType.SInt64],
            Enum.GetValues<CimType>().Where(t => t.IsInteger()));
        Assert.Equal([CimType.SInt8, CimType.SInt16, CimType.SInt32, CimType.SInt64], Enum.GetValues<CimType>().Where(t => t.IsSigned()));
        Assert.Equal(((Int128)0, (Int128)ulong.MaxValue), CimType.UInt64.IntegerRange());
        Assert.Equal(((Int128)short.MinValue, (Int128)short.MaxValue), CimType.SInt16.IntegerRange());
        Assert.Throws<ArgumentOutOfRangeException>(() => CimType.Real64.IntegerRange());
    }
}
