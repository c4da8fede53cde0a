using WsManSvp.Cim.Model;
using WsManSvp.Cim.Query;

namespace WsManSvp.Cim.Tests.Query;

public class CimQueryParseTests
{
    private static readonly CimInstance Setting = QuerySchema.New("Q_Setting")
        .Set("InstanceID", "s1")
        .Set("Caption", "It's \"quoted\" \\ here")
        .Set("U16", CimValue.UInt16(5))
        .Set("S64", CimValue.SInt64(-5))
        .Set("U64", CimValue.UInt64(ulong.MaxValue))
        .Set("R64", CimValue.Real64(1500));

    [Theory]
    [InlineData(QueryLanguage.Wql)]
    [InlineData(QueryLanguage.Cql)]
    public void Select_star_names_the_class_and_no_properties(QueryLanguage language)
    {
        var query = CimQuery.Parse("SELECT * FROM Q_Setting", language);

        Assert.Equal(language, query.Language);
        Assert.Equal("Q_Setting", query.ClassName);
        Assert.Null(query.SelectedProperties);
        Assert.Equal("SELECT * FROM Q_Setting", query.ToString());
    }

    [Theory]
    [InlineData(QueryLanguage.Wql)]
    [InlineData(QueryLanguage.Cql)]
    public void A_select_list_keeps_its_properties_in_order(QueryLanguage language)
    {
        var query = CimQuery.Parse("select U16 ,Caption,  InstanceID from Q_Setting where U16 = 5", language);

        Assert.Equal(["U16", "Caption", "InstanceID"], query.SelectedProperties);
        Assert.Equal("Q_Setting", query.ClassName);
    }

    [Fact]
    public void Keywords_are_case_insensitive_and_whitespace_is_free()
    {
        var query = CimQuery.Parse("\tSeLeCt\n*\r\nfRoM   Q_Setting\tWhErE U16=5 aNd NoT Caption iS nUlL oR U16<>5", QueryLanguage.Wql);

        Assert.True(query.Matches(Setting));
    }

    [Theory]
    [InlineData("U16 = 5", true)]
    [InlineData("U16 <> 5", false)]
    [InlineData("U16 != 5", false)]
    [InlineData("U16 < 6", true)]
    [InlineData("U16 <= 5", true)]
    [InlineData("U16 > 5", false)]
    [InlineData("U16 >= 5", true)]
    [InlineData("5 = U16", true)]
    [InlineData("6 > U16", true)]
    [InlineData("U16 = U16", true)]
    [InlineData("U16 < S64", false)]
    [InlineData("S64 < U16", true)]
    public void Every_comparison_operator_with_literals_and_properties_on_either_side(string where, bool expected)
    {
        Assert.Equal(expected, QuerySchema.Matches(Setting, where));
    }

    [Theory]
    [InlineData("U16 = 0x5", true)]
    [InlineData("U16 = 0X05", true)]
    [InlineData("S64 = -0x5", true)]
    [InlineData("S64 = -5", true)]
    [InlineData("U16 = +5", true)]
    [InlineData("U64 = 18446744073709551615", true)]
    [InlineData("U64 = 0xFFFFFFFFFFFFFFFF", true)]
    [InlineData("R64 = 1500", true)]
    [InlineData("R64 = 1500.0", true)]
    [InlineData("R64 = 1.5e3", true)]
    [InlineData("R64 = 1.5E+3", true)]
    [InlineData("R64 = 15000e-1", true)]
    [InlineData("R64 > .5", true)]
    [InlineData("S64 < -.5", true)]
    [InlineData("TRUE = true", true)]
    [InlineData("FALSE = TRUE", false)]
    public void Numeric_and_boolean_literals(string where, bool expected)
    {
        Assert.Equal(expected, QuerySchema.Matches(Setting, where));
    }

    [Theory]
    [InlineData(QueryLanguage.Cql, "U16 = 101B", true)]
    [InlineData(QueryLanguage.Cql, "S64 = -101b", true)]
    [InlineData(QueryLanguage.Cql, "U16 = 0x5", true)]
    [InlineData(QueryLanguage.Cql, "U16 <> 5", false)]
    public void Cql_has_binary_literals_too(QueryLanguage language, string where, bool expected)
    {
        Assert.Equal(expected, QuerySchema.Matches(Setting, where, language));
    }

    [Theory]
    [InlineData(QueryLanguage.Wql, """Caption = 'It\'s "quoted" \\ here'""")]
    [InlineData(QueryLanguage.Wql, """Caption = "It's \"quoted\" \\ here" """)]
    [InlineData(QueryLanguage.Wql, """Caption = "It\'s \"quoted\" \ here" """)]
    [InlineData(QueryLanguage.Cql, """Caption = 'It\'s "quoted" \\ here'""")]
    [InlineData(QueryLanguage.Cql, """Caption = 'It''s "quoted" \ here'""")]
    public void String_literals_escape_as_each_dialect_does(QueryLanguage language, string where)
    {
        Assert.True(QuerySchema.Matches(Setting, where, language));
    }

    [Theory]
    [InlineData("U16 = 5 OR U16 = 6 AND U16 = 7", true)]
    [InlineData("(U16 = 5 OR U16 = 6) AND U16 = 7", false)]
    [InlineData("NOT U16 = 6 AND U16 = 5", true)]
    [InlineData("NOT (U16 = 5 AND U16 = 6)", true)]
    [InlineData("NOT NOT U16 = 5", true)]
    [InlineData("((U16 = 5))", true)]
    [InlineData("U16 = 6 OR U16 = 7 OR U16 = 5", true)]
    [InlineData("U16 = 5 AND U16 = 5 AND U16 = 6", false)]
    public void Not_binds_tighter_than_and_which_binds_tighter_than_or(string where, bool expected)
    {
        Assert.Equal(expected, QuerySchema.Matches(Setting, where));
    }

    [Theory]
    [InlineData("Caption IS NOT NULL", true)]
    [InlineData("Caption IS NULL", false)]
    [InlineData("Version IS NULL", true)]
    [InlineData("Version IS NOT NULL", false)]
    [InlineData("Caption LIKE 'It%'", true)]
    [InlineData("Caption NOT LIKE 'It%'", false)]
    [InlineData("__this ISA Q_Element", true)]
    [InlineData("__THIS ISA Q_System", false)]
    [InlineData("__this ISA 'Q_Element'", true)]
    [InlineData("__this ISA \"Q_System\"", false)]
    [InlineData("__this.U16 = 5", true)]
    public void Is_null_like_and_isa_predicates(string where, bool expected)
    {
        Assert.Equal(expected, QuerySchema.Matches(Setting, where));
    }

    [Fact]
    public void A_query_without_where_matches_every_instance_of_its_class_and_subclasses_only()
    {
        var query = CimQuery.Parse("SELECT * FROM Q_System", QueryLanguage.Wql);

        Assert.True(query.Matches(QuerySchema.System("Q_System", "a", 2)));
        Assert.True(query.Matches(QuerySchema.System("Q_VirtualSystem", "b", 3)));
        Assert.False(query.Matches(QuerySchema.New("Q_Service")));
        Assert.False(query.Matches(QuerySchema.New("Q_Element")));
    }
}
