using WsManSvp.Cim.Model;
using WsManSvp.Cim.Schema;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Faults;

namespace WsManSvp.WsMan.CimBinding;

/// <summary>
/// The selector filter's test (DSP0226 Annex E): every selector names a property of the class whose value
/// equals the selector's, strings regardless of case. As Windows does, only scalar properties of simple
/// types can be selected on; anything else cannot be processed.
/// </summary>
internal sealed class SelectorMatch
{
    private readonly (CimProperty Property, CimValue Value)[] _conditions;

    private SelectorMatch((CimProperty, CimValue)[] conditions) => _conditions = conditions;

    public static SelectorMatch For(CimClass cls, IReadOnlyList<Selector> selectors)
    {
        var conditions = new List<(CimProperty, CimValue)>();
        foreach (var selector in selectors)
        {
            if (string.Equals(selector.Name, CimPathBinder.NamespaceSelector, StringComparison.OrdinalIgnoreCase)) continue;
            var property = cls.GetProperty(selector.Name) ?? throw CannotProcess($"{cls.Name} has no property '{selector.Name}'.");
            if (conditions.Exists(c => c.Item1 == property)) throw CannotProcess($"'{selector.Name}' is selected on twice.");
            if (property.IsArray || property.Type is CimType.Reference or CimType.DateTime or CimType.Instance || selector.Reference is not null)
                throw CannotProcess($"'{property.Name}' ({property}) cannot be selected on; only scalar properties of simple types can.");
            if (!CimValueParser.TryParse(property.Type, selector.Value ?? "", out var value, out var error))
                throw CannotProcess($"Selector '{property.Name}': {error}");
            conditions.Add((property, value));
        }
        if (conditions.Count == 0) throw CannotProcess("The selector filter selects on nothing.");
        return new SelectorMatch(conditions.ToArray());
    }

    public bool Matches(CimInstance instance)
    {
        foreach (var (property, value) in _conditions)
            if (!CimObjectPath.KeyValuesMatch(instance[property.Name], value)) return false;
        return true;
    }

    private static WsManFaultException CannotProcess(string reason) => Fault.CannotProcessFilter(reason).ToException();
}
