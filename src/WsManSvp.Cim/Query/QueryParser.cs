using WsManSvp.Cim.Model;

namespace WsManSvp.Cim.Query;

/// <summary>
/// Recursive descent over the SELECT subset WQL and CQL share:
/// <code>
/// query     = SELECT ( "*" / name *( "," name ) ) FROM class [ WHERE or ]
/// or        = and *( OR and )
/// and       = not *( AND not )
/// not       = NOT not / "(" or ")" / predicate
/// predicate = operand ( comparison operand / [ NOT ] LIKE string / ISA class / IS [ NOT ] NULL )
/// operand   = path / string / number / TRUE / FALSE / NULL
/// path      = segment *( "." segment ), segment = [ class "::" ] name  (the scope is CQL only)
/// </code>
/// </summary>
internal sealed class QueryParser
{
    private static readonly HashSet<string> ReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "LIKE", "ISA", "IS", "NULL", "TRUE", "FALSE",
    };

    /// <summary>WQL's name for the instance being tested (WMI "ISA Operator for Data Queries").</summary>
    private const string This = "__this";

    private readonly string _text;
    private readonly QueryLanguage _language;
    private readonly List<QueryToken> _tokens;
    private int _index;

    private QueryParser(string text, QueryLanguage language)
    {
        _text = text;
        _language = language;
        _tokens = QueryLexer.Tokenize(text, language);
    }

    public static SelectStatement Parse(string text, QueryLanguage language) => new QueryParser(text, language).ParseSelect();

    private QueryToken Current => _tokens[_index];

    private QueryToken Advance() => _tokens[_index++];

    private SelectStatement ParseSelect()
    {
        if (!Current.IsWord("SELECT")) throw Expected("SELECT");
        Advance();
        List<PathSegment>? select = null;
        if (Current.Kind == TokenKind.Star)
        {
            Advance();
        }
        else
        {
            select = [];
            while (true)
            {
                var name = ExpectName(select.Count == 0 ? "'*' or a property name" : "a property name");
                select.Add(new PathSegment(null, name.Text!, name.Position));
                if (Current.Kind != TokenKind.Comma) break;
                Advance();
            }
        }
        if (!Current.IsWord("FROM")) throw Expected(select is null ? "FROM" : "',' or FROM");
        Advance();
        var cls = ExpectName("a class name");
        ConditionSyntax? where = null;
        if (Current.IsWord("WHERE"))
        {
            Advance();
            where = ParseOr();
        }
        if (Current.Kind != TokenKind.End)
            throw Expected(where is null ? "WHERE or the end of the query" : "AND, OR or the end of the query");
        return new SelectStatement(cls.Text!, cls.Position, select, where);
    }

    private ConditionSyntax ParseOr()
    {
        var left = ParseAnd();
        while (Current.IsWord("OR"))
        {
            Advance();
            left = new OrSyntax(left, ParseAnd());
        }
        return left;
    }

    private ConditionSyntax ParseAnd()
    {
        var left = ParseNot();
        while (Current.IsWord("AND"))
        {
            Advance();
            left = new AndSyntax(left, ParseNot());
        }
        return left;
    }

    private ConditionSyntax ParseNot()
    {
        if (Current.IsWord("NOT"))
        {
            Advance();
            return new NotSyntax(ParseNot());
        }
        if (Current.Kind != TokenKind.LeftParenthesis) return ParsePredicate();
        Advance();
        var inner = ParseOr();
        if (Current.Kind != TokenKind.RightParenthesis) throw Expected("AND, OR or ')'");
        Advance();
        return inner;
    }

    private ConditionSyntax ParsePredicate()
    {
        var subject = ParseOperand();
        var token = Current;
        if (token.Kind == TokenKind.Comparison)
        {
            Advance();
            return new ComparisonSyntax(subject, token.Operator, ParseOperand());
        }
        if (token.IsWord("LIKE"))
        {
            Advance();
            return ParseLike(subject);
        }
        if (token.IsWord("NOT") && _tokens[_index + 1].IsWord("LIKE"))
        {
            Advance();
            Advance();
            return new NotSyntax(ParseLike(subject));
        }
        if (token.IsWord("ISA"))
        {
            if (subject is not PathSyntax path)
                throw new CimQueryException("ISA tests a property or __this, not a literal", subject.Position);
            Advance();
            // WMI's documentation quotes the class: TargetInstance ISA "Win32_LogicalDisk".
            var cls = _language == QueryLanguage.Wql && Current.Kind == TokenKind.String ? Advance() : ExpectName("a class name");
            return new IsaSyntax(path, cls.Text!, cls.Position);
        }
        if (token.IsWord("IS"))
        {
            Advance();
            var isNot = Current.IsWord("NOT");
            if (isNot) Advance();
            if (!Current.IsWord("NULL")) throw Expected(isNot ? "NULL" : "NULL or NOT NULL");
            Advance();
            return new NullTestSyntax(subject, isNot);
        }
        throw Expected("a comparison operator, LIKE, ISA or IS");
    }

    private LikeSyntax ParseLike(OperandSyntax subject)
    {
        if (Current.Kind != TokenKind.String) throw Expected("a pattern in quotes");
        var pattern = Advance();
        return new LikeSyntax(subject, LikePattern.Parse(pattern.Text!, _language, pattern.Position));
    }

    private OperandSyntax ParseOperand()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.String:
                Advance();
                return new LiteralSyntax(CimValue.String(token.Text), token.Position);
            case TokenKind.Number:
                Advance();
                return new LiteralSyntax(token.Number, token.Position);
            case TokenKind.Identifier when token.IsWord("TRUE") || token.IsWord("FALSE"):
                Advance();
                return new LiteralSyntax(CimValue.Boolean(token.IsWord("TRUE")), token.Position);
            case TokenKind.Identifier when token.IsWord("NULL"):
                Advance();
                return new LiteralSyntax(CimValue.Null(CimType.String), token.Position);
            case TokenKind.Identifier when !ReservedWords.Contains(token.Text!):
                return ParsePath();
            default:
                throw Expected("a property name or a literal");
        }
    }

    private PathSyntax ParsePath()
    {
        var position = Current.Position;
        var segments = new List<PathSegment>();
        while (true)
        {
            var name = ExpectName("a property name");
            if (Current.Kind == TokenKind.Scope)
            {
                Advance();
                var scoped = ExpectName("a property name");
                segments.Add(new PathSegment(name.Text, scoped.Text!, name.Position));
            }
            else
            {
                segments.Add(new PathSegment(null, name.Text!, name.Position));
            }
            if (Current.Kind != TokenKind.Dot) break;
            Advance();
        }
        if (segments[0] is { Scope: null } first && string.Equals(first.Name, This, StringComparison.OrdinalIgnoreCase))
            segments.RemoveAt(0);
        return new PathSyntax(segments, position);
    }

    private QueryToken ExpectName(string what)
    {
        if (Current.Kind != TokenKind.Identifier || ReservedWords.Contains(Current.Text!)) throw Expected(what);
        return Advance();
    }

    private CimQueryException Expected(string what)
    {
        var found = Current;
        var where = _index == 0 ? "at the start of the query" : $"after '{Source(_tokens[_index - 1])}'";
        var foundText = found.Kind == TokenKind.End ? "the end of the query" : $"'{Source(found)}'";
        return new CimQueryException($"expected {what} {where}, found {foundText}", found.Position);
    }

    private string Source(QueryToken token) => _text[token.Start..token.End];
}
