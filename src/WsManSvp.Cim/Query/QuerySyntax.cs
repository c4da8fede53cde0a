using WsManSvp.Cim.Model;
using WsManSvp.Cim.Schema;

namespace WsManSvp.Cim.Query;

/// <summary>SELECT list FROM class [WHERE condition]; <see cref="Select"/> is null for SELECT *.</summary>
internal sealed record SelectStatement(string ClassName, int ClassPosition, IReadOnlyList<PathSegment>? Select, ConditionSyntax? Where);

internal abstract record ConditionSyntax;

internal sealed record AndSyntax(ConditionSyntax Left, ConditionSyntax Right) : ConditionSyntax;

internal sealed record OrSyntax(ConditionSyntax Left, ConditionSyntax Right) : ConditionSyntax;

internal sealed record NotSyntax(ConditionSyntax Operand) : ConditionSyntax;

internal sealed record ComparisonSyntax(OperandSyntax Left, ComparisonOperator Operator, OperandSyntax Right) : ConditionSyntax;

internal sealed record LikeSyntax(OperandSyntax Subject, LikePattern Pattern) : ConditionSyntax;

internal sealed record IsaSyntax(PathSyntax Subject, string ClassName, int ClassPosition) : ConditionSyntax;

internal sealed record NullTestSyntax(OperandSyntax Subject, bool IsNot) : ConditionSyntax;

internal abstract record OperandSyntax(int Position);

internal sealed record LiteralSyntax(CimValue Value, int Position) : OperandSyntax(Position);

/// <summary>A property path, A.B.C; no segments at all for the FROM instance itself (WQL's __this).</summary>
internal sealed record PathSyntax(IReadOnlyList<PathSegment> Segments, int Position) : OperandSyntax(Position);

/// <summary>One property of a path; CQL may scope it to a class, A.CIM_System::Name (DSP0202).</summary>
internal sealed record PathSegment(string? Scope, string Name, int Position)
{
    /// <summary>The property this names in instances of <paramref name="cls"/>: none unless the class is the scope or derives from it, and the scope has the property.</summary>
    public CimProperty? Find(CimClass cls)
    {
        if (Scope is null) return cls.GetProperty(Name);
        for (var c = cls; c is not null; c = c.Superclass)
        {
            if (string.Equals(c.Name, Scope, StringComparison.OrdinalIgnoreCase))
                return c.GetProperty(Name) is null ? null : cls.GetProperty(Name);
        }
        return null;
    }
}
