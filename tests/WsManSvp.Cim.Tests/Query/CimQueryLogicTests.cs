using WsManSvp.Cim.Model;
using WsManSvp.Cim.Query;

namespace WsManSvp.Cim.Tests.Query;

/// <summary>NULL, SQL's three-valued logic, and arrays.</summary>
public class CimQueryLogicTests
{
    private static readonly CimInstance Setting = QuerySchema.New("Q_Setting")
        .Set("InstanceID", "s")
        .Set("U16", CimValue.UInt16(7))
        .Set("Notes", CimValue.StringArray("alpha", "Beta"))
        .Set("Codes", CimValue.UInt16Array(2, 3, 5))
        .Set("Moments", CimValue.Array(CimType.DateTime, CimValue.DateTime(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero))));

    [Theory]
    [InlineData("Caption = 'x'", false)]
    [InlineData("Caption <> 'x'", false)]
    [InlineData("NOT Caption = 'x'", false)]
    [InlineData("NOT Caption <> 'x'", false)]
    [InlineData("Caption = Caption", false)]
    [InlineData("U16 = NULL", false)]
    [InlineData("NOT U16 = NULL", false)]
    [InlineData("NULL = NULL", false)]
    [InlineData("Caption IS NULL", true)]
    [InlineData("NOT Caption IS NULL", false)]
    [InlineData("Caption IS NOT NULL", false)]
    [InlineData("U16 IS NOT NULL", true)]
    [InlineData("NULL IS NULL", true)]
    public void Null_compares_as_unknown_and_only_is_null_tests_it(string where, bool expected)
    {
        Assert.Equal(expected, QuerySchema.Matches(Setting, where));
    }

    [Theory]
    [InlineData("Caption = 'x' OR U16 = 7", true)]
    [InlineData("Caption = 'x' OR U16 = 8", false)]
    [InlineData("NOT (Caption = 'x' OR U16 = 8)", false)]
    [InlineData("Caption = 'x' AND U16 = 8", false)]
    [InlineData("NOT (Caption = 'x' AND U16 = 8)", true)]
    [InlineData("NOT (Caption = 'x' AND U16 = 7)", false)]
    [InlineData("U16 = 7 AND NOT (Caption = 'x' OR U16 = 8)", false)]
    [InlineData("U16 = 7 OR NOT (Caption = 'x')", true)]
    [InlineData("NOT (NOT (Caption = 'x'))", false)]
    public void And_or_and_not_follow_three_valued_logic(string where, bool expected)
    {
        Assert.Equal(expected, QuerySchema.Matches(Setting, where));
    }

    [Theory]
    [InlineData("Codes = 3", true)]
    [InlineData("Codes = 4", false)]
    [InlineData("NOT Codes = 4", true)]
    [InlineData("Codes > 4", true)]
    [InlineData("Codes > 5", false)]
    [InlineData("Codes <> 2", true)]
    [InlineData("3 = Codes", true)]
    [InlineData("Codes = '5'", true)]
    [InlineData("Codes = U16", false)]
    [InlineData("Codes < U16", true)]
    [InlineData("Notes = 'beta'", true)]
    [InlineData("Notes = 'gamma'", false)]
    [InlineData("Moments = '2024-01-01T00:00:00Z'", true)]
    [InlineData("Moments < '2023-01-01T00:00:00Z'", false)]
    [InlineData("Codes = Codes", true)]
    [InlineData("Codes IS NOT NULL", true)]
    [InlineData("Notes IS NULL", false)]
    public void A_comparison_with_an_array_holds_when_any_element_does(string where, bool expected)
    {
        Assert.Equal(expected, QuerySchema.Matches(Setting, where));
    }

    [Theory]
    [InlineData("Codes = 1", false)]
    [InlineData("NOT Codes = 1", true)]
    [InlineData("Codes IS NULL", false)]
    public void An_empty_array_never_holds_but_is_not_null(string where, bool expected)
    {
        var empty = QuerySchema.New("Q_Setting").Set("InstanceID", "e").Set("Codes", CimValue.UInt16Array());

        Assert.Equal(expected, QuerySchema.Matches(empty, where));
    }

    [Fact]
    public void Null_arrays_are_null()
    {
        var none = QuerySchema.New("Q_Setting").Set("InstanceID", "n");

        Assert.True(QuerySchema.Matches(none, "Codes IS NULL"));
        Assert.False(QuerySchema.Matches(none, "Codes = 1"));
        Assert.False(QuerySchema.Matches(none, "NOT Codes = 1"));
    }

    [Fact]
    public void One_query_serves_instances_of_several_classes_compiling_each_once()
    {
        var query = CimQuery.Parse("SELECT * FROM Q_Element WHERE Caption LIKE 'a%' OR InstanceID = 'vm'", QueryLanguage.Wql);
        query.Validate(QuerySchema.Repository);
        var service = QuerySchema.New("Q_Service").Set("Caption", "apple");
        var system = QuerySchema.System("Q_VirtualSystem", "vm", 2);
        var setting = QuerySchema.New("Q_Setting").Set("Caption", "banana");

        for (var i = 0; i < 3; i++)
        {
            Assert.True(query.Matches(service));
            Assert.True(query.Matches(system));
            Assert.False(query.Matches(setting));
        }
    }

    [Fact]
    public void Validation_rejects_a_property_only_subclasses_have_but_evaluation_treats_it_as_null()
    {
        var query = CimQuery.Parse("SELECT * FROM Q_Element WHERE Name = 'vm'", QueryLanguage.Wql);

        Assert.Throws<CimQueryException>(() => query.Validate(QuerySchema.Repository));
        Assert.False(query.Matches(QuerySchema.New("Q_Service")));
        Assert.True(query.Matches(QuerySchema.System("Q_System", "vm", 2)));
    }
}
