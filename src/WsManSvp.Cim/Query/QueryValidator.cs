using WsManSvp.Cim.Model;
using WsManSvp.Cim.Schema;

namespace WsManSvp.Cim.Query;

/// <summary>
/// Checks a query against a class repository: the FROM class and every class named exist, every property
/// named exists where the path says, LIKE tests strings and ISA references or embedded instances.
/// </summary>
internal sealed class QueryValidator
{
    private readonly CimClassRepository _repository;
    private readonly CimClass _from;

    private QueryValidator(CimClassRepository repository, CimClass from)
    {
        _repository = repository;
        _from = from;
    }

    public static void Validate(SelectStatement statement, CimClassRepository repository)
    {
        var from = repository.GetClass(statement.ClassName) ??
                   throw new CimQueryException($"class '{statement.ClassName}' is not known", statement.ClassPosition);
        foreach (var selected in statement.Select ?? [])
        {
            if (from.GetProperty(selected.Name) is null)
                throw new CimQueryException($"class {from.Name} has no property '{selected.Name}'", selected.Position);
        }
        if (statement.Where is { } where) new QueryValidator(repository, from).Check(where);
    }

    private void Check(ConditionSyntax syntax)
    {
        switch (syntax)
        {
            case AndSyntax and:
                Check(and.Left);
                Check(and.Right);
                break;
            case OrSyntax or:
                Check(or.Left);
                Check(or.Right);
                break;
            case NotSyntax not:
                Check(not.Operand);
                break;
            case ComparisonSyntax comparison:
                Resolve(comparison.Left);
                Resolve(comparison.Right);
                break;
            case LikeSyntax like:
                if (Resolve(like.Subject) is { Type: not (CimType.String or CimType.Char16) } notText)
                    throw new CimQueryException($"LIKE matches strings, and {notText.Name} is {TypeOf(notText)}", like.Subject.Position);
                break;
            case IsaSyntax isa:
                if (Resolve(isa.Subject) is { Type: not (CimType.Reference or CimType.Instance or CimType.String) } notObject)
                    throw new CimQueryException(
                        $"ISA tests references and embedded instances, and {notObject.Name} is {TypeOf(notObject)}", isa.Subject.Position);
                Class(isa.ClassName, isa.ClassPosition);
                break;
            case NullTestSyntax test:
                Resolve(test.Subject);
                break;
        }
    }

    /// <summary>
    /// The property a path ends at, or null for literals, __this, and paths into embedded instances whose class
    /// the schema does not say. A string may hold an embedded instance (DSP0004 EmbeddedObject, which the
    /// repository does not record), so paths go through strings as through embedded instances; where the
    /// class is not known, some class must have the property.
    /// </summary>
    private CimProperty? Resolve(OperandSyntax operand)
    {
        if (operand is not PathSyntax { Segments: { Count: > 0 } segments }) return null;
        IReadOnlyList<CimClass> classes = [_from];
        var known = true;
        CimProperty? property = null;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (i > 0)
            {
                if (property is { Type: not (CimType.Instance or CimType.String) })
                    throw new CimQueryException(
                        $"{property.Name} is {TypeOf(property)}, not an embedded instance, so it has no property '{segment.Name}'",
                        segment.Position);
                var embedded = property?.EmbeddedInstance is { } name ? _repository.GetClass(name) : null;
                known = embedded is not null;
                classes = embedded is not null ? _repository.SelfAndSubclasses(embedded) : [.. _repository.Classes];
            }
            if (segment.Scope is not null)
            {
                classes = [Class(segment.Scope, segment.Position)];
                known = true;
            }
            var found = classes.Select(c => c.GetProperty(segment.Name)).FirstOrDefault(p => p is not null);
            if (found is null)
            {
                throw new CimQueryException(
                    classes.Count == 1 ? $"class {classes[0].Name} has no property '{segment.Name}'"
                    : known ? $"neither {classes[0].Name} nor a class derived from it has a property '{segment.Name}'"
                    : $"no class has a property '{segment.Name}'",
                    segment.Position);
            }
            property = known ? found : null;
        }
        return property;
    }

    private CimClass Class(string name, int position) =>
        _repository.GetClass(name) ?? throw new CimQueryException($"class '{name}' is not known", position);

    private static string TypeOf(CimProperty property) =>
        property.Type == CimType.Reference ? "a reference" : $"{property.Type.MofName()}{(property.IsArray ? "[]" : "")}";
}
