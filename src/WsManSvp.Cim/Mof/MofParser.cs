namespace WsManSvp.Cim.Mof;

/// <summary>
/// Parses the MOF that class declarations and instances are written in (DSP0004 Annex A): classes with
/// qualifiers, properties, references and methods; instance declarations; qualifier type declarations
/// (skipped). Enough for the DMTF schema files and for embedded instances sent as MOF text.
/// </summary>
public static class MofParser
{
    public static MofDocument Parse(string text)
    {
        var p = new Cursor(new MofLexer(text));
        var classes = new List<MofClass>();
        var instances = new List<MofInstance>();
        while (p.Current.Kind != MofTokenKind.End)
        {
            var qualifiers = ParseQualifierList(p);
            var keyword = p.Current;
            if (keyword.IsWord("class")) classes.Add(ParseClass(p, qualifiers));
            else if (keyword.IsWord("instance")) instances.Add(ParseInstance(p));
            else if (keyword.IsWord("qualifier")) SkipStatement(p);
            else throw p.Error($"expected 'class', 'instance of' or 'qualifier', found '{keyword.Text}'");
        }
        return new MofDocument(classes, instances);
    }

    private static MofClass ParseClass(Cursor p, IReadOnlyList<MofQualifier> qualifiers)
    {
        var line = p.Current.Line;
        p.Advance(); // class
        var name = p.ExpectIdentifier("class name");
        string? super = null;
        if (p.TryPunct(':')) super = p.ExpectIdentifier("superclass name");
        p.ExpectPunct('{');
        var properties = new List<MofProperty>();
        var methods = new List<MofMethod>();
        while (!p.TryPunct('}'))
        {
            var featureQualifiers = ParseQualifierList(p);
            var type = ParseTypeHead(p);
            var featureName = p.ExpectIdentifier("property or method name");
            if (p.TryPunct('('))
            {
                methods.Add(new MofMethod(featureName, type, featureQualifiers, ParseParameters(p)));
            }
            else
            {
                var isArray = ParseArraySuffix(p);
                MofValue? defaultValue = p.TryPunct('=') ? ParseValue(p) : null;
                properties.Add(new MofProperty(featureName, type with { IsArray = isArray }, featureQualifiers, defaultValue));
            }
            p.ExpectPunct(';');
        }
        p.ExpectPunct(';');
        return new MofClass(name, super, qualifiers, properties, methods, line);
    }

    private static List<MofParameter> ParseParameters(Cursor p)
    {
        var parameters = new List<MofParameter>();
        if (p.TryPunct(')')) return parameters;
        do
        {
            var qualifiers = ParseQualifierList(p);
            var type = ParseTypeHead(p);
            var name = p.ExpectIdentifier("parameter name");
            var isArray = ParseArraySuffix(p);
            if (p.TryPunct('=')) ParseValue(p); // default values of parameters carry no meaning here
            parameters.Add(new MofParameter(name, type with { IsArray = isArray }, qualifiers));
        } while (p.TryPunct(','));
        p.ExpectPunct(')');
        return parameters;
    }

    /// <summary>A data type name, or "ClassName REF".</summary>
    private static MofType ParseTypeHead(Cursor p)
    {
        var typeName = p.ExpectIdentifier("type");
        if (p.Current.IsWord("ref"))
        {
            p.Advance();
            return new MofType(typeName, IsReference: true, IsArray: false);
        }
        return new MofType(typeName, IsReference: false, IsArray: false);
    }

    private static bool ParseArraySuffix(Cursor p)
    {
        if (!p.TryPunct('[')) return false;
        if (p.Current.Kind == MofTokenKind.Number) p.Advance();
        p.ExpectPunct(']');
        return true;
    }

    private static MofInstance ParseInstance(Cursor p)
    {
        var line = p.Current.Line;
        p.Advance(); // instance
        if (!p.Current.IsWord("of")) throw p.Error("expected 'of' after 'instance'");
        p.Advance();
        var className = p.ExpectIdentifier("class name");
        string? alias = null;
        if (p.Current.IsWord("as"))
        {
            p.Advance();
            if (p.Current.Kind != MofTokenKind.Alias) throw p.Error("expected an alias ($name) after 'as'");
            alias = p.Current.Text;
            p.Advance();
        }
        p.ExpectPunct('{');
        var values = new List<MofPropertyValue>();
        while (!p.TryPunct('}'))
        {
            ParseQualifierList(p);
            var name = p.ExpectIdentifier("property name");
            p.ExpectPunct('=');
            values.Add(new MofPropertyValue(name, ParseValue(p)));
            p.ExpectPunct(';');
        }
        p.ExpectPunct(';');
        return new MofInstance(className, alias, values, line);
    }

    private static IReadOnlyList<MofQualifier> ParseQualifierList(Cursor p)
    {
        if (!p.TryPunct('[')) return [];
        var list = new List<MofQualifier>();
        do
        {
            var name = p.ExpectIdentifier("qualifier name");
            MofValue? value = null;
            if (p.TryPunct('('))
            {
                value = ParseValue(p);
                p.ExpectPunct(')');
            }
            else if (p.Current.Is('{'))
            {
                value = ParseValue(p);
            }
            if (p.TryPunct(':'))
            {
                while (p.Current.Kind == MofTokenKind.Identifier) p.Advance(); // flavors
            }
            list.Add(new MofQualifier(name, value));
        } while (p.TryPunct(','));
        p.ExpectPunct(']');
        return list;
    }

    private static MofValue ParseValue(Cursor p)
    {
        var t = p.Current;
        switch (t.Kind)
        {
            case MofTokenKind.String:
                var text = new System.Text.StringBuilder();
                while (p.Current.Kind == MofTokenKind.String)
                {
                    text.Append(p.Current.Text); // adjacent strings concatenate
                    p.Advance();
                }
                return new MofValue.String(text.ToString());
            case MofTokenKind.Number:
                p.Advance();
                return new MofValue.Number(t.Text);
            case MofTokenKind.Char:
                p.Advance();
                return new MofValue.Char(t.Text[0]);
            case MofTokenKind.Alias:
                p.Advance();
                return new MofValue.Alias(t.Text);
            case MofTokenKind.Identifier when t.IsWord("true") || t.IsWord("false"):
                p.Advance();
                return new MofValue.Boolean(t.IsWord("true"));
            case MofTokenKind.Identifier when t.IsWord("null"):
                p.Advance();
                return new MofValue.Null();
            case MofTokenKind.Punct when t.Is('{'):
                p.Advance();
                var items = new List<MofValue>();
                if (!p.TryPunct('}'))
                {
                    do items.Add(ParseValue(p)); while (p.TryPunct(','));
                    p.ExpectPunct('}');
                }
                return new MofValue.Array(items);
            default:
                throw p.Error($"expected a value, found '{t.Text}'");
        }
    }

    private static void SkipStatement(Cursor p)
    {
        while (!p.TryPunct(';'))
        {
            if (p.Current.Kind == MofTokenKind.End) throw p.Error("unterminated declaration");
            p.Advance();
        }
    }

    private sealed class Cursor(MofLexer lexer)
    {
        public MofToken Current { get; private set; } = lexer.Next();

        public void Advance() => Current = lexer.Next();

        public bool TryPunct(char c)
        {
            if (!Current.Is(c)) return false;
            Advance();
            return true;
        }

        public void ExpectPunct(char c)
        {
            if (!TryPunct(c)) throw Error($"expected '{c}', found '{(Current.Kind == MofTokenKind.End ? "end of text" : Current.Text)}'");
        }

        public string ExpectIdentifier(string what)
        {
            if (Current.Kind != MofTokenKind.Identifier) throw Error($"expected {what}, found '{Current.Text}'");
            var text = Current.Text;
            Advance();
            return text;
        }

        public MofException Error(string message) => new(message, Current.Line, Current.Column);
    }
}
