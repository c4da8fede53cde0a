using System.Runtime.CompilerServices;
using System.Xml;
using WsManSvp.Cim.Indications;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Query;
using WsManSvp.Cim.Schema;
using WsManSvp.Cim.Xml;
using WsManSvp.WsMan.Eventing;
using WsManSvp.WsMan.Faults;
using WsManSvp.WsMan.Resources;

namespace WsManSvp.WsMan.CimBinding;

/// <summary>
/// Eventing over the CIM indications on the bus (DSP0227 clause 10, DSP1054). A subscription's resource URI is an
/// indication class (its indications, derived classes' included, unless a filter says otherwise) or the
/// all-classes URI (a filter is then required); a filter is a WQL or CQL query over indication classes.
/// Each indication becomes one event whose XML is written once for all subscribers.
/// </summary>
public sealed class CimEventService(CimClassRepository repository, IndicationBus bus, TimeProvider? time = null) : IEventService
{
    private readonly ConditionalWeakTable<PublishedIndication, IndicationEvent> _events = new();
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public IEventFilter ReadEventFilter(ResourceRequest request, string? dialect, XmlReader? filter)
    {
        var text = filter?.ReadElementContentAsString();
        return Resolve(request.ResourceUri, NamespaceSelector(request), dialect, text);
    }

    public IEventFilter RestoreEventFilter(string resourceUri, string? dialect, string? text)
    {
        // The namespace a __cimnamespace selector named is not stored with the filter; a stored query's FROM class is enough to restore it.
        return Resolve(resourceUri, null, dialect, text);
    }

    public bool Matches(IEventFilter filter, IEvent e) =>
        filter is IndicationFilter f && e is IndicationEvent indication && f.Matches(indication.Indication);

    public async IAsyncEnumerable<IEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var published in bus.WatchAsync(cancellationToken).ConfigureAwait(false))
            yield return _events.GetValue(published, p => IndicationEvent.Of(p, _time));
    }

    private IndicationFilter Resolve(string resourceUri, string? selectedNamespace, string? dialect, string? text)
    {
        string? uriNamespace;
        CimClass? uriClass = null;
        if (!ResourceUriScheme.TryParseAllClasses(resourceUri, out _, out uriNamespace))
        {
            if (!ResourceUriScheme.TryParse(resourceUri, out _, out var className, out uriNamespace) || repository.GetClass(className) is not { } cls)
                throw Fault.InvalidResourceUri(resourceUri).ToException();
            uriClass = cls;
        }
        // A managed class's URI with a query (what wsmancli sends: CIM_ComputerSystem, SELECT * FROM CIM_InstModification)
        // selects the query's indications about instances of that class.
        var sourceClass = uriClass is { IsIndication: false } ? uriClass.Name : null;
        if (sourceClass is not null && text is null)
            throw Fault.DestinationUnreachable(
                $"{sourceClass} is not an indication class: subscribe to an indication class (CIM_InstModification, ...), or give a filter selecting the indications about {sourceClass} instances.",
                "InvalidResourceURI").ToException();
        var ns = selectedNamespace ?? uriNamespace ?? CimObjectPath.DefaultNamespace;
        if (text is null)
        {
            if (dialect is not null && !IsQueryDialect(dialect)) throw Fault.FilterDialectRequestedUnavailable(dialect).ToException();
            return new IndicationFilter(resourceUri, null, null, ns,
                (uriClass ?? throw EventFilterFaults.CannotProcessFilter("A subscription to the all-classes URI needs a filter naming the indications it wants.")).Name,
                null);
        }
        if (dialect is null || !IsQueryDialect(dialect))
            throw Fault.FilterDialectRequestedUnavailable(dialect ?? "XPath 1.0 (the default)").ToException();
        var language = dialect == FilterDialects.Wql ? QueryLanguage.Wql : QueryLanguage.Cql;
        var query = Parse(text, language);
        var from = repository.GetClass(query.ClassName)!;
        if (!from.IsIndication)
            throw EventFilterFaults.CannotProcessFilter($"The filter selects from {from.Name}, which is not an indication class (CIM_InstCreation, CIM_InstDeletion, CIM_InstModification, ...).");
        if (uriClass is { IsIndication: true } && !from.IsA(uriClass.Name))
            throw EventFilterFaults.CannotProcessFilter($"The filter selects from {from.Name}, which is not {uriClass.Name} (the resource URI's class) or derived from it.");
        if (query.SelectedProperties is not null)
            throw EventFilterFaults.CannotProcessFilter("Indication filters select whole indications: use SELECT *.");
        return new IndicationFilter(resourceUri, dialect, text, ns, null, query, sourceClass);
    }

    private CimQuery Parse(string text, QueryLanguage language)
    {
        try
        {
            var query = CimQuery.Parse(text, language);
            query.Validate(repository);
            return query;
        }
        catch (CimQueryException e)
        {
            throw EventFilterFaults.CannotProcessFilter(
                $"The {language.ToString().ToUpperInvariant()} filter '{XmlReading.Clip(text.Trim())}' cannot be processed: {e.Message}");
        }
    }

    private static bool IsQueryDialect(string dialect) => dialect is FilterDialects.Wql or FilterDialects.Cql;

    private static string? NamespaceSelector(ResourceRequest request) =>
        request.Selectors.FirstOrDefault(s => string.Equals(s.Name, "__cimnamespace", StringComparison.OrdinalIgnoreCase))?.Value;
}
