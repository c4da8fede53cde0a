using WsManSvp.Cim.Mof;

namespace WsManSvp.Cim.Tests.Mof;

/// <summary>Malformed MOF: each error names the line and column where parsing stopped.</summary>
public class MofParserErrorTests
{
    [Theory]
    [InlineData("class Test_A {\n   string ;\n};", 2, 11, "expected property or method name, found ';'")]
    [InlineData("class Test_A {\n   string Name\n};", 3, 1, "expected ';', found '}'")]
    [InlineData("class Test_A {\n   string Name;\n}", 3, 2, "expected ';', found 'end of text'")]
    [InlineData("class Test_A : { };", 1, 16, "expected superclass name, found '{'")]
    [InlineData("association Test_A { };", 1, 1, "expected 'class', 'instance of' or 'qualifier', found 'association'")]
    [InlineData("instance Test_A { };", 1, 10, "expected 'of' after 'instance'")]
    [InlineData("instance of Test_A as First { };", 1, 23, "expected an alias ($name) after 'as'")]
    [InlineData("instance of Test_A { P = ; };", 1, 26, "expected a value, found ';'")]
    [InlineData("instance of Test_A { P = {1, 2; };", 1, 31, "expected '}', found ';'")]
    [InlineData("class Test_A {\n  [Key(true] string Id;\n};", 2, 12, "expected ')', found ']'")]
    [InlineData("class Test_A {\n  uint32 M(string a, );\n};", 2, 22, "expected type, found ')'")]
    [InlineData("Qualifier Key : boolean = false", 1, 32, "unterminated declaration")]
    public void Syntax_errors_name_line_and_column(string mof, int line, int column, string message)
    {
        var e = Assert.Throws<MofException>(() => MofParser.Parse(mof));

        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.Equal($"line {line}, column {column}: {message}", e.Message);
    }

    [Theory]
    [InlineData("class Test_A {\n  string S = \"open;\n};", 2, 14, "unterminated string")]
    [InlineData("/* never closed\nclass Test_A { };", 1, 1, "unterminated comment")]
    [InlineData("class Test_A {\n  string S = \"a\\qb\";\n};", 2, 14, "unknown escape '\\q'")]
    [InlineData("class Test_A {\n  string S = \"\\x\";\n};", 2, 14, "bad \\x escape")]
    [InlineData("class Test_A {\n  char16 C = 'ab';\n};", 2, 14, "a character literal holds one character")]
    [InlineData("class Test_A {\n  string @Name;\n};", 2, 10, "unexpected character '@'")]
    public void Lexical_errors_name_line_and_column(string mof, int line, int column, string message)
    {
        var e = Assert.Throws<MofException>(() => MofParser.Parse(mof));

        Assert.Equal($"line {line}, column {column}: {message}", e.Message);
    }

    [Fact]
    public void Lines_are_counted_through_block_comments()
    {
        var e = Assert.Throws<MofException>(() => MofParser.Parse("/* one\ntwo\nthree */ class Test_A {\n    uint8 = 1;\n};"));

        Assert.Equal((4, 11), (e.Line, e.Column));
    }
}
