using WsManSvp.Cim.Query;

namespace WsManSvp.Cim.Tests.Query;

public class CimQueryValidateTests
{
    private const string From = "SELECT * FROM Q_Setting WHERE "; // 30 characters

    [Theory]
    [InlineData(QueryLanguage.Wql, "SELECT * FROM Q_Setting")]
    [InlineData(QueryLanguage.Wql, "select u16, CAPTION from q_setting where instanceid = 'x'")]
    [InlineData(QueryLanguage.Wql, From + "Owner ISA Q_System AND System.EnabledState = 2 AND System ISA Q_VirtualSystem")]
    [InlineData(QueryLanguage.Wql, From + "System.Processors = 2")]
    [InlineData(QueryLanguage.Wql, From + "Anything.Processors = 2 AND Anything.Anything.Name = 'x'")]
    [InlineData(QueryLanguage.Wql, From + "SystemText.Name = 'x' AND SystemText ISA Q_System")]
    [InlineData(QueryLanguage.Wql, From + "Caption LIKE 'a%' AND C16 LIKE 'a' AND Notes LIKE '%'")]
    [InlineData(QueryLanguage.Wql, From + "__this ISA Q_Element AND __this.U16 = 1 AND 'a' = 'a'")]
    [InlineData(QueryLanguage.Wql, "SELECT * FROM Q_InstModification WHERE SourceInstance ISA Q_System AND SourceInstance.EnabledState <> PreviousInstance.EnabledState")]
    [InlineData(QueryLanguage.Cql, "SELECT * FROM Q_InstModification WHERE SourceInstance.Q_ComputerSystem::Processors > 1")]
    [InlineData(QueryLanguage.Cql, From + "Q_Setting::U16 = 1")]
    public void Valid_queries_pass(QueryLanguage language, string text)
    {
        CimQuery.Parse(text, language).Validate(QuerySchema.Repository);
    }

    [Theory]
    [InlineData("SELECT * FROM Q_Nothing", 15, "class 'Q_Nothing' is not known")]
    [InlineData("SELECT U16, Missing FROM Q_Setting", 13, "class Q_Setting has no property 'Missing'")]
    [InlineData(From + "U16 = 1 AND Missing = 2", 43, "class Q_Setting has no property 'Missing'")]
    [InlineData(From + "1 = Missing", 35, "class Q_Setting has no property 'Missing'")]
    [InlineData(From + "Missing IS NULL", 31, "class Q_Setting has no property 'Missing'")]
    [InlineData(From + "Missing LIKE 'x'", 31, "class Q_Setting has no property 'Missing'")]
    [InlineData(From + "NOT (U16 = 1 OR Missing ISA Q_System)", 47, "class Q_Setting has no property 'Missing'")]
    [InlineData(From + "Owner ISA Q_Nowhere", 41, "class 'Q_Nowhere' is not known")]
    [InlineData(From + "U16 ISA Q_System", 31, "ISA tests references and embedded instances, and U16 is uint16")]
    [InlineData(From + "U16 LIKE '1%'", 31, "LIKE matches strings, and U16 is uint16")]
    [InlineData(From + "Created LIKE '1%'", 31, "LIKE matches strings, and Created is datetime")]
    [InlineData(From + "U16.Name = 'x'", 35, "U16 is uint16, not an embedded instance, so it has no property 'Name'")]
    [InlineData(From + "Owner.Name = 'x'", 37, "Owner is a reference, not an embedded instance, so it has no property 'Name'")]
    [InlineData(From + "Codes LIKE '1'", 31, "LIKE matches strings, and Codes is uint16[]")]
    [InlineData(From + "System.Missing = 1", 38, "neither Q_System nor a class derived from it has a property 'Missing'")]
    [InlineData(From + "Anything.Missing = 1", 40, "no class has a property 'Missing'")]
    [InlineData(From + "System.EnabledState.Caption = 'x'", 51, "EnabledState is uint16, not an embedded instance, so it has no property 'Caption'")]
    public void Wql_validation_errors_name_the_class_or_property_and_where(string text, int position, string message)
    {
        var query = CimQuery.Parse(text, QueryLanguage.Wql);

        var e = Assert.Throws<CimQueryException>(() => query.Validate(QuerySchema.Repository));

        Assert.Equal(position, e.Position);
        Assert.Equal($"at position {position}: {message}", e.Message);
    }

    [Theory]
    [InlineData(From + "System.Q_Nothing::Name = 'x'", 38, "class 'Q_Nothing' is not known")]
    [InlineData(From + "System.Q_Service::Name = 'x'", 38, "class Q_Service has no property 'Name'")]
    [InlineData(From + "Q_Service::U16 = 1", 31, "class Q_Service has no property 'U16'")]
    public void Cql_scoped_properties_are_validated_against_their_scope(string text, int position, string message)
    {
        var query = CimQuery.Parse(text, QueryLanguage.Cql);

        var e = Assert.Throws<CimQueryException>(() => query.Validate(QuerySchema.Repository));

        Assert.Equal(position, e.Position);
        Assert.Equal($"at position {position}: {message}", e.Message);
    }
}
