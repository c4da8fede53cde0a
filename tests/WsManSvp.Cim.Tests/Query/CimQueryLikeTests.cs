using WsManSvp.Cim.Model;
using WsManSvp.Cim.Query;

namespace WsManSvp.Cim.Tests.Query;

public class CimQueryLikeTests
{
    private static bool Like(string value, string pattern, QueryLanguage language)
    {
        var instance = QuerySchema.New("Q_Setting").Set("InstanceID", "s").Set("Caption", value);
        var quoted = pattern.Replace("\\", "\\\\").Replace("'", "\\'");
        return QuerySchema.Matches(instance, $"Caption LIKE '{quoted}'", language);
    }

    [Theory]
    [InlineData("notepad.exe", "notepad.exe", true)]
    [InlineData("notepad.exe", "NOTEPAD.EXE", true)]
    [InlineData("notepad.exe", "notepad", false)]
    [InlineData("notepad.exe", "%pad%", true)]
    [InlineData("notepad.exe", "note%", true)]
    [InlineData("notepad.exe", "%.exe", true)]
    [InlineData("notepad.exe", "%", true)]
    [InlineData("", "%", true)]
    [InlineData("", "_", false)]
    [InlineData("notepad.exe", "%%%.%%", true)]
    [InlineData("notepad.exe", "n_tepad.ex_", true)]
    [InlineData("notepad.exe", "n_tepad.ex", false)]
    [InlineData("notepad.exe", "_%_", true)]
    [InlineData("a", "_%_", false)]
    [InlineData("vm-17", "vm-[0-9][0-9]", true)]
    [InlineData("vm-1x", "vm-[0-9][0-9]", false)]
    [InlineData("vm-17", "vm-[0=9]%", true)]
    [InlineData("cat", "[bc]at", true)]
    [InlineData("Cat", "[bc]at", true)]
    [InlineData("rat", "[bc]at", false)]
    [InlineData("rat", "[^bc]at", true)]
    [InlineData("cat", "[^bc]at", false)]
    [InlineData("Cat", "[^a-c]at", false)]
    [InlineData("a_b", "a[_]b", true)]
    [InlineData("axb", "a[_]b", false)]
    [InlineData("50%", "50[%]", true)]
    [InlineData("a-b", "a[-]b", true)]
    [InlineData("aaa", "%a%a%a%", true)]
    [InlineData("aa", "%a%a%a%", false)]
    [InlineData("mississippi", "%iss%ipp%", true)]
    [InlineData("a.b", "a.b", true)]
    [InlineData("axb", "a.b", false)]
    public void Wql_patterns_follow_wmi(string value, string pattern, bool expected)
    {
        Assert.Equal(expected, Like(value, pattern, QueryLanguage.Wql));
    }

    [Theory]
    [InlineData("abcdefg", "abcdefg", true)]
    [InlineData("abcdefg", "ABCDEFG", false)]
    [InlineData("abcdefg", "abcd", false)]
    [InlineData("abcd", "abcdefg", false)]
    [InlineData("ab?", "ab.", true)]
    [InlineData("aa!b", ".a.b", true)]
    [InlineData(".ab", "\\.ab", true)]
    [InlineData("xab", "\\.ab", false)]
    [InlineData("abcdefg", ".*", true)]
    [InlineData("", ".*", true)]
    [InlineData("......", "\\.*", true)]
    [InlineData("...x..", "\\.*", false)]
    [InlineData("abcddddd", "abcd*", true)]
    [InlineData("abc", "abcd*", true)]
    [InlineData("abbbbcd", "ab*cd", true)]
    [InlineData("ab123!cd", "ab.*cd", true)]
    [InlineData("ab123!c", "ab.*cd", false)]
    [InlineData("*ab", "\\*ab", true)]
    [InlineData("*ab", "*ab", true)]
    [InlineData("*****", ".\\*", false)]
    [InlineData("a*", ".\\*", true)]
    [InlineData("a%b_c", "a%b_c", true)]
    [InlineData("a[b]", "a[b]", true)]
    [InlineData("人気サイトトトト", "人気サイト*", true)]
    [InlineData("人気サイ気ト", "人気サイ.ト", true)]
    public void Cql_patterns_are_the_basic_regular_expressions_openpegasus_implements(string value, string pattern, bool expected)
    {
        Assert.Equal(expected, Like(value, pattern, QueryLanguage.Cql));
    }

    [Theory]
    [InlineData(QueryLanguage.Wql, "'abc' LIKE 'a%'", true)]
    [InlineData(QueryLanguage.Cql, "'abc' LIKE 'a.*'", true)]
    [InlineData(QueryLanguage.Wql, "Notes LIKE 'b%'", true)]
    [InlineData(QueryLanguage.Wql, "Notes LIKE 'c%'", false)]
    [InlineData(QueryLanguage.Wql, "Notes NOT LIKE 'c%'", true)]
    [InlineData(QueryLanguage.Wql, "C16 LIKE '[a-z]'", true)]
    [InlineData(QueryLanguage.Wql, "Version LIKE '%'", false)]
    [InlineData(QueryLanguage.Wql, "Version NOT LIKE '%'", false)]
    [InlineData(QueryLanguage.Wql, "NOT Version LIKE '%'", false)]
    public void Like_applies_to_literals_char16_and_any_array_element_and_is_unknown_on_null(QueryLanguage language, string where, bool expected)
    {
        var instance = QuerySchema.New("Q_Setting").Set("InstanceID", "s")
            .Set("Notes", CimValue.StringArray("alpha", "beta"))
            .Set("C16", CimValue.Char16('q'));

        Assert.Equal(expected, QuerySchema.Matches(instance, where, language));
    }

    [Fact]
    public void Long_patterns_match_without_backtracking_blowup()
    {
        var value = new string('a', 5000);
        var wql = string.Concat(Enumerable.Repeat("%a", 150)) + "%b";
        var cql = string.Concat(Enumerable.Repeat("a*", 150)) + "b";

        Assert.False(Like(value, wql, QueryLanguage.Wql));
        Assert.False(Like(value, cql, QueryLanguage.Cql));
        Assert.True(Like(value + "b", wql, QueryLanguage.Wql));
        Assert.True(Like(value + "b", cql, QueryLanguage.Cql));
    }
}
