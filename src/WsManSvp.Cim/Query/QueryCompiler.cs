using WsManSvp.Cim.Model;
using WsManSvp.Cim.Schema;

namespace WsManSvp.Cim.Query;

/// <summary>
/// Turns a WHERE clause into evaluator nodes for instances of one class: properties become indexes, string
/// literals compared with typed properties are read as that type, comparisons of literals are folded.
/// </summary>
internal sealed class QueryCompiler(CimClass cls, QueryLanguage language, CimClassRepository? repository)
{
    // WMI compares strings regardless of case; CIM string values (DSP0004), and so CQL, are case-sensitive.
    private readonly StringComparison _strings =
        language == QueryLanguage.Wql ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public Condition Compile(ConditionSyntax syntax) => syntax switch
    {
        AndSyntax and => new AndCondition(Compile(and.Left), Compile(and.Right)),
        OrSyntax or => new OrCondition(Compile(or.Left), Compile(or.Right)),
        NotSyntax not => new NotCondition(Compile(not.Operand)),
        ComparisonSyntax comparison => CompileComparison(comparison),
        LikeSyntax like => new LikeCondition(Compile(like.Subject), like.Pattern),
        IsaSyntax isa => new IsaCondition(Compile(isa.Subject), isa.ClassName, ClassesDerivedFrom(isa.ClassName)),
        NullTestSyntax test => new NullTestCondition(Compile(test.Subject), test.IsNot),
        _ => throw new ArgumentOutOfRangeException(nameof(syntax), syntax, "Not a condition."),
    };

    private Condition CompileComparison(ComparisonSyntax comparison)
    {
        var left = Compile(comparison.Left);
        var right = Compile(comparison.Right);
        if (left is LiteralOperand l && right is LiteralOperand r)
            return new ConstantCondition(ValueComparison.Compare(l.Value, comparison.Operator, r.Value, _strings));
        if (!TryTypeLiteral(ref left, right) || !TryTypeLiteral(ref right, left)) return ConstantCondition.Unknown;
        return new ComparisonCondition(left, comparison.Operator, right, _strings);
    }

    /// <summary>Reads a string literal compared with a non-string property as the property's type, once rather than per instance.</summary>
    private static bool TryTypeLiteral(ref Operand operand, Operand other)
    {
        if (operand is not LiteralOperand { Value: { Type: CimType.String, IsNull: false } text } ||
            other is not PropertyOperand { Property.Type: var type and not CimType.String })
            return true;
        if (!ValueComparison.TryConvert(text.AsString(), type, out var typed)) return false;
        operand = new LiteralOperand(typed);
        return true;
    }

    private Operand Compile(OperandSyntax syntax)
    {
        if (syntax is LiteralSyntax literal) return new LiteralOperand(literal.Value);
        var segments = ((PathSyntax)syntax).Segments;
        if (segments.Count == 0) return ThisOperand.Instance;
        if (segments[0].Find(cls) is not { } property) return LiteralOperand.NullLiteral;
        Operand operand = new PropertyOperand(property);
        for (var i = 1; i < segments.Count; i++) operand = new EmbeddedPropertyOperand(operand, segments[i]);
        return operand;
    }

    private IReadOnlySet<string> ClassesDerivedFrom(string className)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { className };
        if (repository?.GetClass(className) is { } target)
            foreach (var derived in repository.SelfAndSubclasses(target)) names.Add(derived.Name);
        return names;
    }
}
