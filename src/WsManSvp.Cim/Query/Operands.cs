using WsManSvp.Cim.Model;
using WsManSvp.Cim.Schema;

namespace WsManSvp.Cim.Query;

/// <summary>One side of a condition, compiled for one class: yields a value of the instance being tested.</summary>
internal abstract class Operand
{
    public static readonly CimValue Null = CimValue.Null(CimType.String);

    public abstract CimValue Evaluate(CimInstance instance);
}

internal sealed class LiteralOperand(CimValue value) : Operand
{
    public static readonly LiteralOperand NullLiteral = new(Null);

    public CimValue Value { get; } = value;

    public override CimValue Evaluate(CimInstance instance) => Value;
}

/// <summary>A property of the tested instance, found by its index in the class once, at compilation.</summary>
internal sealed class PropertyOperand(CimProperty property) : Operand
{
    public CimProperty Property { get; } = property;

    public override CimValue Evaluate(CimInstance instance) => instance[Property];
}

/// <summary>The tested instance itself, as an embedded instance value (WQL's __this).</summary>
internal sealed class ThisOperand : Operand
{
    public static readonly ThisOperand Instance = new();

    public override CimValue Evaluate(CimInstance instance) => CimValue.Instance(instance);
}

/// <summary>
/// A property of the embedded instance another operand yields (A.B), or NULL when that is no embedded instance,
/// is not of the scope class (CQL A.Class::B), or has no such property. Embedded instances' classes vary, so
/// the property is looked up by name; the last class seen and its property are kept.
/// </summary>
internal sealed class EmbeddedPropertyOperand(Operand owner, PathSegment segment) : Operand
{
    private sealed record Resolution(CimClass Class, CimProperty? Property);

    private Resolution? _last;

    public override CimValue Evaluate(CimInstance instance)
    {
        var value = owner.Evaluate(instance);
        if (value is not { Type: CimType.Instance, IsNull: false, IsArray: false }) return Null;
        var embedded = value.AsInstance();
        var resolution = _last;
        if (resolution is null || !ReferenceEquals(resolution.Class, embedded.Class))
        {
            _last = resolution = new Resolution(embedded.Class, segment.Find(embedded.Class));
        }
        return resolution.Property is { } p ? embedded[p] : Null;
    }
}
