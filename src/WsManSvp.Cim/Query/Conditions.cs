using WsManSvp.Cim.Model;

namespace WsManSvp.Cim.Query;

/// <summary>A WHERE clause compiled for one class: a tree of small nodes, evaluated per instance without allocating.</summary>
internal abstract class Condition
{
    public abstract Truth Evaluate(CimInstance instance);
}

internal sealed class ConstantCondition(Truth value) : Condition
{
    public static readonly ConstantCondition True = new(Truth.True);
    public static readonly ConstantCondition False = new(Truth.False);
    public static readonly ConstantCondition Unknown = new(Truth.Unknown);

    public override Truth Evaluate(CimInstance instance) => value;
}

internal sealed class AndCondition(Condition left, Condition right) : Condition
{
    public override Truth Evaluate(CimInstance instance)
    {
        var l = left.Evaluate(instance);
        if (l == Truth.False) return Truth.False;
        var r = right.Evaluate(instance);
        return r == Truth.False ? Truth.False : l == Truth.True && r == Truth.True ? Truth.True : Truth.Unknown;
    }
}

internal sealed class OrCondition(Condition left, Condition right) : Condition
{
    public override Truth Evaluate(CimInstance instance)
    {
        var l = left.Evaluate(instance);
        if (l == Truth.True) return Truth.True;
        var r = right.Evaluate(instance);
        return r == Truth.True ? Truth.True : l == Truth.False && r == Truth.False ? Truth.False : Truth.Unknown;
    }
}

internal sealed class NotCondition(Condition operand) : Condition
{
    public override Truth Evaluate(CimInstance instance) => Truths.Not(operand.Evaluate(instance));
}

internal sealed class ComparisonCondition(Operand left, ComparisonOperator op, Operand right, StringComparison strings) : Condition
{
    public override Truth Evaluate(CimInstance instance) =>
        ValueComparison.Compare(left.Evaluate(instance), op, right.Evaluate(instance), strings);
}

/// <summary>IS [NOT] NULL: never unknown.</summary>
internal sealed class NullTestCondition(Operand subject, bool isNot) : Condition
{
    public override Truth Evaluate(CimInstance instance) => Truths.Of(subject.Evaluate(instance).IsNull != isNot);
}

/// <summary>
/// A test of a value: unknown for NULL; on an array, true when any element passes, unknown when none does
/// but some test was unknown.
/// </summary>
internal abstract class ValueTestCondition(Operand subject) : Condition
{
    public sealed override Truth Evaluate(CimInstance instance)
    {
        var value = subject.Evaluate(instance);
        if (value.IsNull) return Truth.Unknown;
        if (!value.IsArray) return Test(value);
        var result = Truth.False;
        foreach (var element in value.AsArray())
        {
            var truth = Test(element);
            if (truth == Truth.True) return Truth.True;
            if (truth == Truth.Unknown) result = Truth.Unknown;
        }
        return result;
    }

    protected abstract Truth Test(CimValue scalar);
}

/// <summary>LIKE on a string or char16; unknown for other types.</summary>
internal sealed class LikeCondition(Operand subject, LikePattern pattern) : ValueTestCondition(subject)
{
    protected override Truth Test(CimValue scalar)
    {
        switch (scalar.Type)
        {
            case CimType.String:
                return Truths.Of(pattern.IsMatch(scalar.AsString()));
            case CimType.Char16:
                var c = scalar.AsChar16();
                return Truths.Of(pattern.IsMatch(new ReadOnlySpan<char>(in c)));
            default:
                return Truth.Unknown;
        }
    }
}

/// <summary>
/// ISA: an embedded instance whose class is or derives from the named class, or a reference to one. A
/// reference names only its class, so which classes derive from the named one comes from the repository the
/// query was validated against (<paramref name="referenceClasses"/>); without one, only the class itself.
/// Values of other types are unknown.
/// </summary>
internal sealed class IsaCondition(Operand subject, string className, IReadOnlySet<string> referenceClasses)
    : ValueTestCondition(subject)
{
    protected override Truth Test(CimValue scalar) => scalar.Type switch
    {
        CimType.Instance => Truths.Of(scalar.AsInstance().Class.IsA(className)),
        CimType.Reference => Truths.Of(referenceClasses.Contains(scalar.AsReference().ClassName)),
        _ => Truth.Unknown,
    };
}
