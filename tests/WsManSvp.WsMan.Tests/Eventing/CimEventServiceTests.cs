using System.Xml;
using System.Xml.Linq;
using WsManSvp.Cim.Indications;
using WsManSvp.Cim.Schema;
using WsManSvp.Hypervisor;
using WsManSvp.Hypervisor.Simulator;
using WsManSvp.Virtualization.Indications;
using WsManSvp.Virtualization.Jobs;
using WsManSvp.Virtualization.Model;
using WsManSvp.WsMan.CimBinding;
using WsManSvp.WsMan.Eventing;
using WsManSvp.WsMan.Faults;
using WsManSvp.WsMan.Resources;

namespace WsManSvp.WsMan.Tests.Eventing;

/// <summary>The CIM binding's eventing: filters over indication classes, and the events of a seeded simulator's changes.</summary>
public sealed class CimEventServiceTests : IAsyncLifetime
{
    private const string ClassPrefix = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
    private const string StateChangeQuery = "SELECT * FROM CIM_InstModification WHERE SourceInstance ISA CIM_ComputerSystem AND " +
                                            "SourceInstance.EnabledState <> PreviousInstance.EnabledState";

    private static readonly CimClassRepository Repository = CimClassRepository.LoadEmbedded();
    private static readonly Guid Web01 = SimulatorSeed.StableGuid("system:web01");

    private readonly IndicationBus _bus = new();
    private readonly JobEngine _jobs = JobEngine.InMemory();
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromSeconds(30));
    private SimulatedHypervisor _simulator = null!;
    private ModelIndicationSource _source = null!;
    private CimEventService _service = null!;

    public async Task InitializeAsync()
    {
        _simulator = new SimulatedHypervisor(SimulatorSeed.DefaultHost("events-host"));
        await SimulatorSeed.SeedAsync(_simulator, 0, CancellationToken.None);
        _source = await ModelIndicationSource.StartAsync(new ModelInstances(Repository, new ModelSource(_simulator, _jobs)), _bus);
        _service = new CimEventService(Repository, _bus);
    }

    public async Task DisposeAsync()
    {
        await _source.DisposeAsync();
        await _jobs.DisposeAsync();
        await _simulator.DisposeAsync();
        _stop.Dispose();
    }

    private static ResourceRequest Request(string resourceUri) => new(resourceUri, [], [], new Caller(true, "alice", false), CancellationToken.None);

    private IEventFilter Read(string resourceUri, string? dialect, string? text)
    {
        if (text is null) return _service.ReadEventFilter(Request(resourceUri), dialect, null);
        using var reader = XmlReader.Create(new StringReader(
            $"<wsman:Filter xmlns:wsman=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\">{System.Security.SecurityElement.Escape(text)}</wsman:Filter>"));
        reader.MoveToContent();
        return _service.ReadEventFilter(Request(resourceUri), dialect, reader);
    }

    private WsManFault Refusal(string resourceUri, string? dialect, string? text) =>
        Assert.Throws<WsManFaultException>(() => Read(resourceUri, dialect, text)).Fault;

    /// <summary>Pauses web01 and returns the events that follow until the system's modification.</summary>
    private async Task<List<IEvent>> PauseWeb01Async()
    {
        var events = new List<IEvent>();
        await using var watch = _service.WatchAsync(_stop.Token).GetAsyncEnumerator(_stop.Token);
        var next = watch.MoveNextAsync();
        await _simulator.ChangeStateAsync(Web01, StateTransition.Pause, CancellationToken.None);
        while (await next)
        {
            events.Add(watch.Current);
            if (watch.Current.ResourceUri == ClassPrefix + "CIM_InstModification") break;
            next = watch.MoveNextAsync();
        }
        return events;
    }

    [Theory]
    [InlineData(FilterDialects.Wql)]
    [InlineData(FilterDialects.Cql)]
    public async Task The_state_change_query_selects_the_system_modification(string dialect)
    {
        var filter = Read(ClassPrefix + "CIM_InstModification", dialect, StateChangeQuery);
        var others = Read(ClassPrefix + "CIM_InstModification", dialect,
            "SELECT * FROM CIM_InstModification WHERE SourceInstance ISA CIM_ConcreteJob");

        var e = Assert.Single(await PauseWeb01Async());

        Assert.True(_service.Matches(filter, e));
        Assert.False(_service.Matches(others, e));
        Assert.Equal((ClassPrefix + "CIM_InstModification", dialect, StateChangeQuery), (filter.ResourceUri, filter.Dialect, filter.Text));
    }

    [Theory]
    [InlineData("CIM_InstModification", true)]
    [InlineData("CIM_InstIndication", true)]
    [InlineData("CIM_Indication", true)]
    [InlineData("CIM_InstCreation", false)]
    public async Task A_class_resource_URI_without_a_filter_selects_that_class_and_its_subclasses(string className, bool matches)
    {
        var filter = Read(ClassPrefix + className, null, null);

        var e = Assert.Single(await PauseWeb01Async());

        Assert.Equal(matches, _service.Matches(filter, e));
        Assert.Null(filter.Dialect);
    }

    [Fact]
    public async Task An_event_body_is_the_indication_in_DSP0230_XML_declaring_its_namespaces_and_shared_by_every_watcher()
    {
        await using var other = _service.WatchAsync(_stop.Token).GetAsyncEnumerator(_stop.Token);
        var otherNext = other.MoveNextAsync();

        var e = Assert.Single(await PauseWeb01Async());

        Assert.True(await otherNext);
        Assert.Same(e, other.Current);
        var body = XElement.Parse(System.Text.Encoding.UTF8.GetString(e.Body.Span));
        XNamespace p = ClassPrefix + "CIM_InstModification";
        Assert.Equal(p + "CIM_InstModification", body.Name);
        var source = body.Element(p + "SourceInstance")!;
        Assert.Equal("9", source.Elements().Single(x => x.Name.LocalName == "EnabledState").Value);
        Assert.Equal("2", body.Element(p + "PreviousInstance")!.Elements().Single(x => x.Name.LocalName == "EnabledState").Value);
        Assert.Equal("events-host", body.Element(p + "SourceInstanceHost")!.Value);
        Assert.EndsWith(":CIM_ComputerSystem_Type", source.Attribute(XNamespace.Get("http://www.w3.org/2001/XMLSchema-instance") + "type")!.Value);
        Assert.Equal(ClassPrefix + "CIM_InstModification", e.ResourceUri);
    }

    [Fact]
    public void A_stored_filter_is_restored_as_it_was_read()
    {
        var read = Read(ResourceUriAll, FilterDialects.Wql, StateChangeQuery);

        var restored = _service.RestoreEventFilter(read.ResourceUri, read.Dialect, read.Text);

        Assert.Equal((read.ResourceUri, read.Dialect, read.Text), (restored.ResourceUri, restored.Dialect, restored.Text));
    }

    private const string ResourceUriAll = "http://schemas.dmtf.org/wbem/wscim/1/*";

    [Theory]
    [InlineData(ClassPrefix + "CIM_InstModification", FilterDialects.Wql, "SELECT * FROM CIM_InstModification WHERE", "wsman:CannotProcessFilter")]
    [InlineData(ClassPrefix + "CIM_InstModification", FilterDialects.Wql, "SELECT * FROM CIM_InstModification WHERE SourceInstance.NoSuchProperty = 1", "wsman:CannotProcessFilter")]
    [InlineData(ResourceUriAll, FilterDialects.Cql, "SELECT * FROM CIM_ComputerSystem", "wsman:CannotProcessFilter")]
    [InlineData(ClassPrefix + "CIM_InstCreation", FilterDialects.Wql, "SELECT * FROM CIM_InstModification", "wsman:CannotProcessFilter")]
    [InlineData(ClassPrefix + "CIM_InstModification", FilterDialects.Wql, "SELECT SourceInstance FROM CIM_InstModification", "wsman:CannotProcessFilter")]
    [InlineData(ResourceUriAll, null, null, "wsman:CannotProcessFilter")]
    [InlineData(ClassPrefix + "CIM_InstModification", "http://www.w3.org/TR/1999/REC-xpath-19991116", "/", "wsen:FilterDialectRequestedUnavailable")]
    [InlineData(ClassPrefix + "CIM_InstModification", null, "SELECT * FROM CIM_InstModification", "wsen:FilterDialectRequestedUnavailable")]
    [InlineData(ClassPrefix + "CIM_ComputerSystem", null, null, "wsa:DestinationUnreachable")]
    [InlineData(ClassPrefix + "CIM_NoSuchClass", null, null, "wsa:DestinationUnreachable")]
    public void A_filter_that_cannot_be_served_is_refused_precisely(string resourceUri, string? dialect, string? text, string subcode) =>
        Assert.Equal(subcode, Refusal(resourceUri, dialect, text).Subcode);
}
