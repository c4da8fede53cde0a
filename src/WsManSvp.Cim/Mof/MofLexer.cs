using System.Text;

namespace WsManSvp.Cim.Mof;

internal enum MofTokenKind { Identifier, String, Number, Char, Alias, Punct, End }

internal readonly record struct MofToken(MofTokenKind Kind, string Text, int Line, int Column)
{
    public bool Is(char punct) => Kind == MofTokenKind.Punct && Text[0] == punct;

    public bool IsWord(string word) =>
        Kind == MofTokenKind.Identifier && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Splits MOF text into tokens; comments and #pragma lines are dropped.</summary>
internal sealed class MofLexer(string text)
{
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    public MofToken Next()
    {
        SkipTrivia();
        if (_pos >= text.Length) return Make(MofTokenKind.End, "", _pos);
        var start = _pos;
        var c = text[_pos];
        if (c == '"') return Make(MofTokenKind.String, ReadString(), start);
        if (c == '\'') return Make(MofTokenKind.Char, ReadChar(), start);
        if (c == '$')
        {
            _pos++;
            return Make(MofTokenKind.Alias, ReadWhile(IsIdentifierChar), start);
        }
        if (char.IsAsciiLetter(c) || c == '_' || c > 0x7F)
            return Make(MofTokenKind.Identifier, ReadWhile(IsIdentifierChar), start);
        if (char.IsAsciiDigit(c) || ((c is '-' or '+' or '.') && _pos + 1 < text.Length && (char.IsAsciiDigit(text[_pos + 1]) || text[_pos + 1] == '.')))
        {
            _pos++;
            return Make(MofTokenKind.Number, text[start] + ReadWhile(ch => char.IsAsciiLetterOrDigit(ch) || ch is '.' or '+' or '-'), start);
        }
        if ("[]{}();:,=".Contains(c))
        {
            _pos++;
            return Make(MofTokenKind.Punct, c.ToString(), start);
        }
        throw Error($"unexpected character '{c}'", start);
    }

    private MofToken Make(MofTokenKind kind, string value, int start) => new(kind, value, _line, start - _lineStart + 1);

    private void SkipTrivia()
    {
        while (_pos < text.Length)
        {
            var c = text[_pos];
            if (c == '\n') { _pos++; _line++; _lineStart = _pos; }
            else if (char.IsWhiteSpace(c) || c == '\uFEFF') _pos++;
            else if (c == '/' && Peek(1) == '/') SkipToEndOfLine();
            else if (c == '#') SkipToEndOfLine();
            else if (c == '/' && Peek(1) == '*')
            {
                var end = text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                if (end < 0) throw Error("unterminated comment", _pos);
                for (var i = _pos; i < end; i++) if (text[i] == '\n') { _line++; _lineStart = i + 1; }
                _pos = end + 2;
            }
            else break;
        }
    }

    private void SkipToEndOfLine()
    {
        while (_pos < text.Length && text[_pos] != '\n') _pos++;
    }

    private char Peek(int offset) => _pos + offset < text.Length ? text[_pos + offset] : '\0';

    private string ReadWhile(Func<char, bool> predicate)
    {
        var start = _pos;
        while (_pos < text.Length && predicate(text[_pos])) _pos++;
        return text[start.._pos];
    }

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c > 0x7F;

    private string ReadString()
    {
        var start = _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= text.Length || text[_pos] == '\n') throw Error("unterminated string", start);
            var c = text[_pos++];
            if (c == '"') return sb.ToString();
            sb.Append(c == '\\' ? ReadEscape(start) : c);
        }
    }

    private string ReadChar()
    {
        var start = _pos++;
        if (_pos >= text.Length) throw Error("unterminated character literal", start);
        var c = text[_pos++];
        var value = c == '\\' ? ReadEscape(start) : c;
        if (_pos >= text.Length || text[_pos] != '\'') throw Error("a character literal holds one character", start);
        _pos++;
        return value.ToString();
    }

    private char ReadEscape(int start)
    {
        if (_pos >= text.Length) throw Error("unterminated escape", start);
        var e = text[_pos++];
        switch (e)
        {
            case 'b': return '\b';
            case 't': return '\t';
            case 'n': return '\n';
            case 'f': return '\f';
            case 'r': return '\r';
            case '"': return '"';
            case '\'': return '\'';
            case '\\': return '\\';
            case 'x' or 'X':
                // DSP0004: 1 to 4 hex digits; a fifth is the next character of the string.
                var digits = 0;
                while (digits < 4 && _pos + digits < text.Length && char.IsAsciiHexDigit(text[_pos + digits])) digits++;
                var hex = text.Substring(_pos, digits);
                _pos += digits;
                if (hex.Length == 0) throw Error("bad \\x escape", start);
                return (char)Convert.ToInt32(hex, 16);
            default: throw Error($"unknown escape '\\{e}'", start);
        }
    }

    private MofException Error(string message, int at) => new(message, _line, at - _lineStart + 1);
}
