using System.Globalization;
using System.Text;
using WsManSvp.Cim.Model;

namespace WsManSvp.Cim.Query;

/// <summary>
/// Splits a query into tokens. Strings: WQL quotes with ' or " and escapes \\, \' and \" (WMI "WHERE Clause");
/// CQL quotes with ' only and escapes \\ and \' as OpenPegasus's CQL lexer does, or doubles the quote as SQL does.
/// Numbers: signed decimal integers, 0x hexadecimal, reals; CQL also binary (101B, DSP0202).
/// </summary>
internal static class QueryLexer
{
    public static List<QueryToken> Tokenize(string text, QueryLanguage language)
    {
        var tokens = new List<QueryToken>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i == text.Length)
            {
                tokens.Add(new QueryToken(TokenKind.End, i, i));
                return tokens;
            }
            var token = Next(text, i, language, tokens.Count > 0 ? tokens[^1].Kind : TokenKind.End);
            tokens.Add(token);
            i = token.End;
        }
    }

    private static QueryToken Next(string text, int start, QueryLanguage language, TokenKind previous)
    {
        var c = text[start];
        if (IsIdentifierStart(c))
        {
            var end = start + 1;
            while (end < text.Length && IsIdentifierPart(text[end])) end++;
            return new QueryToken(TokenKind.Identifier, start, end, text[start..end]);
        }
        if (char.IsAsciiDigit(c) || (c is '+' or '-' && StartsUnsignedNumber(text, start + 1)) ||
            (c == '.' && previous != TokenKind.Identifier && StartsUnsignedNumber(text, start)))
            return Number(text, start, language);
        if (c is '\'' or '"') return String(text, start, language);
        var next = start + 1 < text.Length ? text[start + 1] : '\0';
        return c switch
        {
            '*' => new QueryToken(TokenKind.Star, start, start + 1),
            ',' => new QueryToken(TokenKind.Comma, start, start + 1),
            '(' => new QueryToken(TokenKind.LeftParenthesis, start, start + 1),
            ')' => new QueryToken(TokenKind.RightParenthesis, start, start + 1),
            '.' => new QueryToken(TokenKind.Dot, start, start + 1),
            '=' => Comparison(start, 1, ComparisonOperator.Equal),
            '<' when next == '>' => Comparison(start, 2, ComparisonOperator.NotEqual),
            '<' when next == '=' => Comparison(start, 2, ComparisonOperator.LessOrEqual),
            '<' => Comparison(start, 1, ComparisonOperator.Less),
            '>' when next == '=' => Comparison(start, 2, ComparisonOperator.GreaterOrEqual),
            '>' => Comparison(start, 1, ComparisonOperator.Greater),
            '!' when next == '=' && language == QueryLanguage.Wql => Comparison(start, 2, ComparisonOperator.NotEqual),
            '!' when next == '=' => throw new CimQueryException("'!=' is WQL; CQL (DSP0202) writes '<>'", start + 1),
            ':' when next == ':' && language == QueryLanguage.Cql => new QueryToken(TokenKind.Scope, start, start + 2),
            _ => throw new CimQueryException($"unexpected character '{c}'", start + 1),
        };
    }

    private static QueryToken Comparison(int start, int length, ComparisonOperator op) =>
        new(TokenKind.Comparison, start, start + length, Operator: op);

    private static QueryToken String(string text, int start, QueryLanguage language)
    {
        var quote = text[start];
        if (quote == '"' && language == QueryLanguage.Cql)
            throw new CimQueryException("CQL (DSP0202) quotes strings with ', not \"", start + 1);
        var value = new StringBuilder();
        var i = start + 1;
        while (true)
        {
            if (i >= text.Length) throw new CimQueryException("the string starting here has no closing quote", start + 1);
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] is '\\' or '\'' or '"')
            {
                value.Append(text[i + 1]);
                i += 2;
            }
            else if (c == quote && language == QueryLanguage.Cql && i + 1 < text.Length && text[i + 1] == quote)
            {
                value.Append(quote);
                i += 2;
            }
            else if (c == quote)
            {
                return new QueryToken(TokenKind.String, start, i + 1, value.ToString());
            }
            else
            {
                value.Append(c);
                i++;
            }
        }
    }

    private static QueryToken Number(string text, int start, QueryLanguage language)
    {
        var i = start;
        var negative = text[i] == '-';
        if (text[i] is '+' or '-') i++;
        var digitsStart = i;
        CimValue value;
        if (text[i] == '0' && i + 1 < text.Length && text[i + 1] is 'x' or 'X')
        {
            i += 2;
            while (i < text.Length && char.IsAsciiHexDigit(text[i])) i++;
            if (!ulong.TryParse(text.AsSpan(digitsStart + 2, i - digitsStart - 2), NumberStyles.AllowHexSpecifier,
                    CultureInfo.InvariantCulture, out var hex))
                throw new CimQueryException($"'{text[start..i]}' is not a hexadecimal integer of at most 64 bits", start + 1);
            value = Integer(negative ? -(Int128)hex : hex, text, start, i);
        }
        else if (language == QueryLanguage.Cql && BinaryEnd(text, i) is var binaryEnd and > 0)
        {
            if (!ulong.TryParse(text.AsSpan(i, binaryEnd - i), NumberStyles.AllowBinarySpecifier, CultureInfo.InvariantCulture, out var bits))
                throw new CimQueryException($"'{text[start..(binaryEnd + 1)]}' is not a binary integer of at most 64 bits", start + 1);
            i = binaryEnd + 1;
            value = Integer(negative ? -(Int128)bits : bits, text, start, i);
        }
        else
        {
            var isReal = false;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            if (i < text.Length && text[i] == '.')
            {
                isReal = true;
                i++;
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            }
            if (i < text.Length && text[i] is 'e' or 'E')
            {
                isReal = true;
                i++;
                if (i < text.Length && text[i] is '+' or '-') i++;
                if (i >= text.Length || !char.IsAsciiDigit(text[i]))
                    throw new CimQueryException($"'{text[start..i]}' has no digits in its exponent", start + 1);
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            }
            var literal = text.AsSpan(start, i - start);
            if (isReal)
            {
                if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) || !double.IsFinite(real))
                    throw new CimQueryException($"'{literal}' is not a real number within the range of real64", start + 1);
                value = CimValue.Real64(real);
            }
            else
            {
                if (!Int128.TryParse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                    throw new CimQueryException($"'{literal}' is not an integer of at most 64 bits", start + 1);
                value = Integer(n, text, start, i);
            }
        }
        if (i < text.Length && IsIdentifierPart(text[i]))
            throw new CimQueryException($"'{text[start..(i + 1)]}' is not a number", start + 1);
        return new QueryToken(TokenKind.Number, start, i, Number: value);
    }

    /// <summary>Integer literals are sint64, or uint64 above its range: CIM's widest integers.</summary>
    private static CimValue Integer(Int128 n, string text, int start, int end) =>
        n >= long.MinValue && n <= long.MaxValue ? CimValue.SInt64((long)n)
        : n >= 0 && n <= ulong.MaxValue ? CimValue.UInt64((ulong)n)
        : throw new CimQueryException($"'{text[start..end]}' is outside the range of sint64 and uint64", start + 1);

    /// <summary>The index of the B ending a binary literal (DSP0202 binaryValue) at <paramref name="i"/>, else 0.</summary>
    private static int BinaryEnd(string text, int i)
    {
        var j = i;
        while (j < text.Length && text[j] is '0' or '1') j++;
        var isBinary = j > i && j < text.Length && text[j] is 'b' or 'B' && (j + 1 == text.Length || !IsIdentifierPart(text[j + 1]));
        return isBinary ? j : 0;
    }

    private static bool StartsUnsignedNumber(string text, int i) =>
        i < text.Length && (char.IsAsciiDigit(text[i]) || (text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])));

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
