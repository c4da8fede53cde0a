using System.Collections.Concurrent;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Schema;

namespace WsManSvp.Cim.Query;

/// <summary>
/// A WQL or CQL SELECT query (DSP0227 enumeration filters, indication filters): parsed once, then tested
/// against any number of instances. The WHERE clause is compiled per class of instance met, into nodes that
/// read properties by index; see <see cref="ValueComparison"/> for how values compare and
/// <see cref="LikePattern"/> for LIKE in each dialect.
/// </summary>
public sealed class CimQuery
{
    private sealed record CompiledCondition(CimClass Class, Condition Condition);

    private readonly string _text;
    private readonly SelectStatement _statement;
    private readonly ConcurrentDictionary<CimClass, CompiledCondition> _compiled = new();
    private CompiledCondition? _last;
    private CimClassRepository? _repository;

    private CimQuery(string text, QueryLanguage language, SelectStatement statement)
    {
        _text = text;
        _statement = statement;
        Language = language;
        SelectedProperties = statement.Select?.Select(p => p.Name).ToArray();
    }

    /// <summary>Parses a query; throws <see cref="CimQueryException"/> saying what is wrong and where.</summary>
    public static CimQuery Parse(string text, QueryLanguage language) =>
        new(text, language, QueryParser.Parse(text, language));

    public QueryLanguage Language { get; }

    /// <summary>The FROM class.</summary>
    public string ClassName => _statement.ClassName;

    /// <summary>The properties of the SELECT list, as written; null for SELECT *.</summary>
    public IReadOnlyList<string>? SelectedProperties { get; }

    /// <summary>
    /// Checks that the classes and properties the query names exist in <paramref name="repository"/>; throws
    /// <see cref="CimQueryException"/> otherwise. ISA on references then also knows which classes derive
    /// from the one named (a reference only names its class).
    /// </summary>
    public void Validate(CimClassRepository repository)
    {
        QueryValidator.Validate(_statement, repository);
        _repository = repository;
        _compiled.Clear();
        _last = null;
    }

    /// <summary>
    /// Whether the instance is of the FROM class (or derived from it) and the WHERE clause is true for it
    /// (not false, nor unknown). Safe to call from several threads.
    /// </summary>
    public bool Matches(CimInstance instance)
    {
        var compiled = _last;
        if (compiled is null || !ReferenceEquals(compiled.Class, instance.Class))
            _last = compiled = _compiled.GetOrAdd(instance.Class, static (cls, query) => query.Compile(cls), this);
        return compiled.Condition.Evaluate(instance) == Truth.True;
    }

    public override string ToString() => _text;

    private CompiledCondition Compile(CimClass cls)
    {
        var condition = !cls.IsA(ClassName) ? ConstantCondition.False
            : _statement.Where is { } where ? new QueryCompiler(cls, Language, _repository).Compile(where)
            : ConstantCondition.True;
        return new CompiledCondition(cls, condition);
    }
}
