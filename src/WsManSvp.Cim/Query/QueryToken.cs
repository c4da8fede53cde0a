using WsManSvp.Cim.Model;

namespace WsManSvp.Cim.Query;

internal enum TokenKind : byte
{
    Identifier,
    String,
    Number,
    Star,
    Comma,
    LeftParenthesis,
    RightParenthesis,
    Dot,
    Scope,
    Comparison,
    End,
}

/// <summary>
/// A token of a query: its kind and where it is in the text (<see cref="Start"/> to <see cref="End"/>), with
/// the unescaped text of identifiers and strings, the value of numbers, the operator of comparisons.
/// </summary>
internal readonly record struct QueryToken(TokenKind Kind, int Start, int End, string? Text = null, CimValue Number = default,
    ComparisonOperator Operator = default)
{
    public int Position => Start + 1;

    public bool IsWord(string keyword) =>
        Kind == TokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
}
