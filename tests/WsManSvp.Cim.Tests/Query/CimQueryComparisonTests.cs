using WsManSvp.Cim.Model;
using WsManSvp.Cim.Query;

namespace WsManSvp.Cim.Tests.Query;

public class CimQueryComparisonTests
{
    private static readonly CimInstance Setting = QuerySchema.New("Q_Setting")
        .Set("InstanceID", "Setting-1")
        .Set("Caption", "Virtual Machine")
        .Set("Version", "1.2.0")
        .Set("Enabled", CimValue.Boolean(true))
        .Set("U8", CimValue.UInt8(200))
        .Set("S8", CimValue.SInt8(-100))
        .Set("U16", CimValue.UInt16(65535))
        .Set("S16", CimValue.SInt16(-32768))
        .Set("U32", CimValue.UInt32(4_000_000_000))
        .Set("S32", CimValue.SInt32(-2_000_000_000))
        .Set("U64", CimValue.UInt64(18_000_000_000_000_000_000))
        .Set("S64", CimValue.SInt64(long.MinValue))
        .Set("R32", CimValue.Real32(0.1f))
        .Set("R64", CimValue.Real64(2.5))
        .Set("C16", CimValue.Char16('x'))
        .Set("Created", CimValue.DateTime(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.FromHours(2))))
        .Set("Timeout", CimValue.DateTime(CimDateTime.FromInterval(TimeSpan.FromMinutes(5))));

    [Theory]
    [InlineData("U8 = 200", true)]
    [InlineData("U8 > 199 AND U8 < 201", true)]
    [InlineData("U8 = 456", false)]
    [InlineData("U8 < 456", true)]
    [InlineData("S8 = -100", true)]
    [InlineData("S8 < 0", true)]
    [InlineData("U16 = 65535", true)]
    [InlineData("U16 = 0xFFFF", true)]
    [InlineData("S16 = -32768", true)]
    [InlineData("U32 = 4000000000", true)]
    [InlineData("U32 > S32", true)]
    [InlineData("S32 = -2000000000", true)]
    [InlineData("U64 = 18000000000000000000", true)]
    [InlineData("U64 > 9223372036854775807", true)]
    [InlineData("S64 = -9223372036854775808", true)]
    [InlineData("S64 < U8", true)]
    [InlineData("U8 = 200.0", true)]
    [InlineData("U8 < 200.5", true)]
    public void Integers_of_every_width_compare_by_value(string where, bool expected)
    {
        Assert.Equal(expected, QuerySchema.Matches(Setting, where));
    }

    [Theory]
    [InlineData("U16 = '65535'", true)]
    [InlineData("U16 > ' 65534 '", true)]
    [InlineData("'65535' = U16", true)]
    [InlineData("U8 = '200.0'", true)]
    [InlineData("U16 = 'lots'", false)]
    [InlineData("NOT U16 = 'lots'", false)]
    [InlineData("U16 <> 'lots'", false)]
    public void A_string_literal_against_a_number_is_read_as_one_or_is_unknown(string where, bool expected)
    {
        Assert.Equal(expected, QuerySchema.Matches(Setting, where));
    }

    [Theory]
    [InlineData("R32 = 0.1", true)]
    [InlineData("R32 < 0.2", true)]
    [InlineData("R64 = 2.5", true)]
    [InlineData("R64 > 2", true)]
    [InlineData("R64 = '2.5'", true)]
    [InlineData("R64 > R32", true)]
    [InlineData("R64 = 2.4", false)]
    public void Reals_compare_numerically_at_real32_precision_where_one_side_is_real32(string where, bool expected)
    {
        Assert.Equal(expected, QuerySchema.Matches(Setting, where));
    }

    [Theory]
    [InlineData("Enabled = TRUE", true)]
    [InlineData("Enabled = false", false)]
    [InlineData("Enabled <> FALSE", true)]
    [InlineData("Enabled = 'true'", true)]
    [InlineData("Enabled = 'True'", true)]
    [InlineData("Enabled = 'yes'", false)]
    [InlineData("Enabled > FALSE", false)]
    [InlineData("NOT Enabled > FALSE", false)]
    [InlineData("Enabled = 1", false)]
    public void Booleans_have_only_equality(string where, bool expected)
    {
        Assert.Equal(expected, QuerySchema.Matches(Setting, where));
    }

    [Theory]
    [InlineData(QueryLanguage.Wql, "Caption = 'virtual machine'", true)]
    [InlineData(QueryLanguage.Cql, "Caption = 'virtual machine'", false)]
    [InlineData(QueryLanguage.Cql, "Caption = 'Virtual Machine'", true)]
    [InlineData(QueryLanguage.Wql, "Caption <> 'VIRTUAL MACHINE'", false)]
    [InlineData(QueryLanguage.Cql, "Caption <> 'VIRTUAL MACHINE'", true)]
    [InlineData(QueryLanguage.Wql, "InstanceID > 'setting-0' AND InstanceID < 'SETTING-2'", true)]
    [InlineData(QueryLanguage.Cql, "Caption > 'Virtual'", true)]
    [InlineData(QueryLanguage.Cql, "Caption < 'a'", true)]
    [InlineData(QueryLanguage.Wql, "C16 = 'X'", true)]
    [InlineData(QueryLanguage.Cql, "C16 = 'X'", false)]
    [InlineData(QueryLanguage.Cql, "C16 > 'w' AND C16 < 'y'", true)]
    [InlineData(QueryLanguage.Cql, "C16 = 'xy'", false)]
    public void Strings_and_char16_compare_regardless_of_case_in_wql_and_exactly_in_cql(QueryLanguage language, string where, bool expected)
    {
        Assert.Equal(expected, QuerySchema.Matches(Setting, where, language));
    }

    [Theory]
    [InlineData("Version >= '1.0.0'", true)]
    [InlineData("Version >= '1.2.0'", true)]
    [InlineData("Version >= '1.10.0'", true)]
    [InlineData("Version >= '2.0.0'", false)]
    [InlineData("Version < '1.3'", true)]
    public void String_ordering_is_ordinal_as_dsp1042_registered_version_queries_expect(string where, bool expected)
    {
        Assert.Equal(expected, QuerySchema.Matches(Setting, where));
    }

    [Theory]
    [InlineData("Created = '20240501120000.000000+120'", true)]
    [InlineData("Created = '2024-05-01T10:00:00Z'", true)]
    [InlineData("Created = '2024-05-01T12:00:00+02:00'", true)]
    [InlineData("Created > '2024-05-01T09:59:59Z'", true)]
    [InlineData("Created < '2024-05-01'", false)]
    [InlineData("Created >= '2024-05-01'", true)]
    [InlineData("Created = 'yesterday'", false)]
    [InlineData("Timeout = '00000000000500.000000:000'", true)]
    [InlineData("Timeout = 'PT5M'", true)]
    [InlineData("Timeout < 'PT1H'", true)]
    [InlineData("Timeout < '2024-05-01T10:00:00Z'", false)]
    [InlineData("NOT Timeout < '2024-05-01T10:00:00Z'", false)]
    [InlineData("Created > Timeout", false)]
    public void Datetimes_compare_as_instants_and_intervals_as_lengths(string where, bool expected)
    {
        Assert.Equal(expected, QuerySchema.Matches(Setting, where));
    }

    [Fact]
    public void References_compare_for_equality_with_references()
    {
        var path = QuerySchema.PathOf("Q_System", "host");
        var a = QuerySchema.New("Q_Setting").Set("InstanceID", "a").Set("Owner", CimValue.Reference(path));
        var b = QuerySchema.New("Q_Setting").Set("InstanceID", "b").Set("Owner", CimValue.Reference(path))
            .Set("Members", CimValue.Array(CimType.Reference, CimValue.Reference(path)));
        var query = CimQuery.Parse("SELECT * FROM Q_Setting WHERE Owner = Members", QueryLanguage.Wql);

        Assert.False(query.Matches(a));
        Assert.True(query.Matches(b));
        Assert.False(QuerySchema.Matches(b, "Owner = 'root/cimv2:Q_System.InstanceID=\"host\",Name=\"host\"'"));
        Assert.False(QuerySchema.Matches(b, "Owner < Members"));
    }

    [Theory]
    [InlineData("SourceInstance.EnabledState <> PreviousInstance.EnabledState", true)]
    [InlineData("SourceInstance.EnabledState = 2 AND PreviousInstance.EnabledState = 3", true)]
    [InlineData("SourceInstance.EnabledState = '2'", true)]
    [InlineData("SourceInstance.Name = PreviousInstance.Name", true)]
    [InlineData("SourceInstance.Processors IS NULL", true)]
    [InlineData("SourceInstance.Caption IS NULL", true)]
    public void Property_against_property_through_embedded_instances(string where, bool expected)
    {
        var indication = QuerySchema.New("Q_InstModification")
            .Set("SourceInstance", CimValue.Instance(QuerySchema.System("Q_System", "vm", 2)))
            .Set("PreviousInstance", CimValue.Instance(QuerySchema.System("Q_System", "vm", 3)));

        Assert.Equal(expected, QuerySchema.Matches(indication, where));
    }
}
