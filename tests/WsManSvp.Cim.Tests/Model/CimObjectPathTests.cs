using WsManSvp.Cim.Model;

namespace WsManSvp.Cim.Tests.Model;

public class CimObjectPathTests
{
    private static CimObjectPath Path(string ns, string cls, params (string Name, CimValue Value)[] keys) =>
        new(ns, cls, keys.Select(k => new CimKeyBinding(k.Name, k.Value)).ToArray());

    [Fact]
    public void Names_compare_ignoring_case_values_exactly_and_key_order_does_not_matter()
    {
        var a = Path("root/cimv2", "Test_A", ("Name", CimValue.String("x")), ("Number", CimValue.UInt32(1)));
        var b = Path("ROOT/CIMV2", "test_a", ("number", CimValue.UInt32(1)), ("NAME", CimValue.String("x")));

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Path("root/cimv2", "Test_A", ("Name", CimValue.String("X")), ("Number", CimValue.UInt32(1))));
        Assert.NotEqual(a, Path("root/cimv2", "Test_A", ("Name", CimValue.String("x")), ("Number", CimValue.UInt16(1))));
        Assert.NotEqual(a, Path("root/cimv2", "Test_A", ("Name", CimValue.String("x"))));
        Assert.NotEqual(a, Path("root/interop", "Test_A", ("Name", CimValue.String("x")), ("Number", CimValue.UInt32(1))));
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void MatchesKeys_compares_string_values_regardless_of_case_and_others_exactly()
    {
        var path = Path("root/cimv2", "Test_A", ("Name", CimValue.String("Host1")), ("Number", CimValue.UInt32(1)));

        Assert.True(path.MatchesKeys(Path("root/cimv2", "Test_A", ("name", CimValue.String("HOST1")))));
        Assert.True(path.MatchesKeys(Path("root/cimv2", "Test_A", ("Number", CimValue.UInt32(1)), ("Name", CimValue.String("host1")))));
        Assert.False(path.MatchesKeys(Path("root/cimv2", "Test_A", ("Number", CimValue.UInt32(2)))));
        Assert.False(path.MatchesKeys(Path("root/cimv2", "Test_A", ("Other", CimValue.String("x")))));
        Assert.Equal("Host1", path.StringKey("NAME"));
        Assert.Null(path.StringKey("Number"));
        Assert.Null(path.StringKey("Missing"));
    }

    [Fact]
    public void GetKey_ignores_case()
    {
        var path = Path("root/cimv2", "Test_A", ("Name", CimValue.String("x")));

        Assert.Equal(CimValue.String("x"), path.GetKey("name"));
        Assert.Null(path.GetKey("Other"));
    }

    [Fact]
    public void The_text_form_quotes_and_escapes_strings()
    {
        var inner = Path("root/cimv2", "Test_B", ("Id", CimValue.String("i")));
        var path = Path("root/cimv2", "Test_A",
            ("Name", CimValue.String("a \"b\" c\\d")), ("Number", CimValue.UInt32(7)), ("Flag", CimValue.Boolean(true)), ("Ref", CimValue.Reference(inner)));

        Assert.Equal("root/cimv2:Test_A.Name=\"a \\\"b\\\" c\\\\d\",Number=7,Flag=true,Ref=\"root/cimv2:Test_B.Id=\\\"i\\\"\"", path.ToString());
        Assert.Equal("root/interop:Test_Keyless", Path("root/interop", "Test_Keyless").ToString());
    }
}
