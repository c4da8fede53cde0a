using WsManSvp.Cim.Query;

namespace WsManSvp.Cim.Tests.Query;

public class CimQueryParseErrorTests
{
    private const string From = "SELECT * FROM Q_Setting WHERE "; // 30 characters

    [Theory]
    [InlineData("", 1, "expected SELECT at the start of the query, found the end of the query")]
    [InlineData("DELETE FROM Q_Setting", 1, "expected SELECT at the start of the query, found 'DELETE'")]
    [InlineData("SELECT FROM Q_Setting", 8, "expected '*' or a property name after 'SELECT', found 'FROM'")]
    [InlineData("SELECT U16 Caption FROM Q_Setting", 12, "expected ',' or FROM after 'U16', found 'Caption'")]
    [InlineData("SELECT U16, FROM Q_Setting", 13, "expected a property name after ',', found 'FROM'")]
    [InlineData("SELECT * Q_Setting", 10, "expected FROM after '*', found 'Q_Setting'")]
    [InlineData("SELECT * FROM", 14, "expected a class name after 'FROM', found the end of the query")]
    [InlineData("SELECT * FROM Q_Setting AS s", 25, "expected WHERE or the end of the query after 'Q_Setting', found 'AS'")]
    [InlineData(From, 31, "expected a property name or a literal after 'WHERE', found the end of the query")]
    [InlineData(From + "U16 = 1 AND", 42, "expected a property name or a literal after 'AND', found the end of the query")]
    [InlineData(From + "NOT", 34, "expected a property name or a literal after 'NOT', found the end of the query")]
    [InlineData(From + "WHERE = 1", 31, "expected a property name or a literal after 'WHERE', found 'WHERE'")]
    [InlineData(From + "U16 = 1 Caption", 39, "expected AND, OR or the end of the query after '1', found 'Caption'")]
    [InlineData(From + "U16 = 1)", 38, "expected AND, OR or the end of the query after '1', found ')'")]
    [InlineData(From + "(U16 = 1", 39, "expected AND, OR or ')' after '1', found the end of the query")]
    [InlineData(From + "U16 5", 35, "expected a comparison operator, LIKE, ISA or IS after 'U16', found '5'")]
    [InlineData(From + "U16 IS 5", 38, "expected NULL or NOT NULL after 'IS', found '5'")]
    [InlineData(From + "U16 IS NOT 5", 42, "expected NULL after 'NOT', found '5'")]
    [InlineData(From + "Caption LIKE U16", 44, "expected a pattern in quotes after 'LIKE', found 'U16'")]
    [InlineData(From + "'x' ISA Q_Element", 31, "ISA tests a property or __this, not a literal")]
    [InlineData(From + "Owner ISA 5", 41, "expected a class name after 'ISA', found '5'")]
    [InlineData(From + "Owner. = 1", 38, "expected a property name after '.', found '='")]
    [InlineData(From + "Caption = 'abc", 41, "the string starting here has no closing quote")]
    [InlineData(From + "U16 # 5", 35, "unexpected character '#'")]
    [InlineData(From + "A::B = 1", 32, "unexpected character ':'")]
    [InlineData(From + "U16 = 99999999999999999999999", 37, "'99999999999999999999999' is outside the range of sint64 and uint64")]
    [InlineData(From + "U16 = 0x10000000000000000", 37, "'0x10000000000000000' is not a hexadecimal integer of at most 64 bits")]
    [InlineData(From + "U16 = 0x", 37, "'0x' is not a hexadecimal integer of at most 64 bits")]
    [InlineData(From + "U16 = 5x", 37, "'5x' is not a number")]
    [InlineData(From + "R64 = 1e", 37, "'1e' has no digits in its exponent")]
    [InlineData(From + "U16 = 101B", 37, "'101B' is not a number")]
    [InlineData(From + "Caption LIKE '[abc'", 44, "the LIKE pattern '[abc' opens a set with '[' that no ']' closes")]
    [InlineData(From + "Caption LIKE '[z-a]'", 44, "the LIKE pattern '[z-a]' has the range z-a, which is backwards")]
    [InlineData(From + "Caption LIKE 'a[]'", 44, "the LIKE pattern 'a[]' has an empty set '[]'")]
    public void Wql_errors_say_what_and_where(string text, int position, string message)
    {
        var e = Assert.Throws<CimQueryException>(() => CimQuery.Parse(text, QueryLanguage.Wql));

        Assert.Equal(position, e.Position);
        Assert.Equal($"at position {position}: {message}", e.Message);
    }

    [Theory]
    [InlineData(From + "U16 != 5", 35, "'!=' is WQL; CQL (DSP0202) writes '<>'")]
    [InlineData(From + "Caption = \"x\"", 41, "CQL (DSP0202) quotes strings with ', not \"")]
    [InlineData(From + "Caption LIKE 'abc\\\\'", 44, "the LIKE pattern 'abc\\' ends with an escaping '\\'")]
    [InlineData(From + "System.Q_System:: = 1", 49, "expected a property name after '::', found '='")]
    [InlineData(From + "U16 = 1012B", 37, "'1012B' is not a number")]
    public void Cql_errors_say_what_and_where(string text, int position, string message)
    {
        var e = Assert.Throws<CimQueryException>(() => CimQuery.Parse(text, QueryLanguage.Cql));

        Assert.Equal(position, e.Position);
        Assert.Equal($"at position {position}: {message}", e.Message);
    }
}
