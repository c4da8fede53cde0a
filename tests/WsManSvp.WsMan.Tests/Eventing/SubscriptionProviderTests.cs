using WsManSvp.Cim.Indications;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.WsMan.CimBinding;
using WsManSvp.WsMan.Eventing;
using WsManSvp.WsMan.Tests.Infrastructure;

namespace WsManSvp.WsMan.Tests.Eventing;

/// <summary>DSP1054's view of the subscriptions in root/interop, over a directory the test fills.</summary>
public sealed class SubscriptionProviderTests
{
    private const string Interop = "root/interop";
    private const string HostName = "host.example";
    private const string ClassPrefix = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";
    private const string Query = "SELECT * FROM CIM_InstModification WHERE SourceInstance ISA CIM_ComputerSystem";

    private static readonly CimClassRepository Repository = CimClassRepository.LoadEmbedded();
    private static readonly CimEventService Filters = new(Repository, new IndicationBus());
    private static readonly CimCallContext Alice = new("alice", CancellationToken.None);
    private static readonly CimCallContext Bob = new("bob", CancellationToken.None);

    private readonly ManualTimeProvider _time = new();
    private readonly FakeDirectory _directory = new();

    private SubscriptionFacts PushWithWql => new("uuid:push", "alice",
        Filters.RestoreEventFilter(ClassPrefix + "CIM_InstModification", FilterDialects.Wql, Query), DeliveryMode.PushWithAck,
        "http://sink.test/events", "http://sink.test/end", _time.GetUtcNow().AddMinutes(-5), _time.GetUtcNow().AddMinutes(10),
        TimeSpan.FromSeconds(30), true, null, "http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/basic");

    private SubscriptionFacts PullWithoutFilter => new("uuid:pull", "alice",
        Filters.RestoreEventFilter(ClassPrefix + "CIM_InstCreation", null, null), DeliveryMode.Pull,
        null, null, null, _time.GetUtcNow().AddMinutes(1), null, false, TimeSpan.FromSeconds(1.5), null);

    private CimOperations Cim() => new(Repository,
        [new SubscriptionProvider(_directory, Repository, Interop, _ => ValueTask.FromResult(HostName), _time)], [Interop]);

    private async Task<List<CimInstance>> EnumerateAsync(string className, CimCallContext? context = null) =>
        await Cim().EnumerateInstancesAsync(Repository.GetClass(className)!, Interop, context ?? Alice).ToListAsync();

    [Fact]
    public async Task A_push_subscription_is_a_filter_a_WS_Management_destination_and_the_subscription_between_them()
    {
        _directory.Add(PushWithWql);

        var filter = Assert.Single(await EnumerateAsync("CIM_IndicationFilter"));
        var destination = Assert.Single(await EnumerateAsync("CIM_ListenerDestination")); // the abstract class finds its subclass
        var subscription = Assert.Single(await EnumerateAsync("CIM_IndicationSubscription"));

        Assert.Equal(Interop, filter.Namespace);
        Assert.Equal(["CIM_ComputerSystem", HostName, "CIM_IndicationFilter", "uuid:push"],
            new[] { "SystemCreationClassName", "SystemName", "CreationClassName", "Name" }.Select(k => filter[k].AsString()));
        Assert.Equal(Query, filter["Query"].AsString());
        Assert.Equal("WQL", filter["QueryLanguage"].AsString());
        Assert.Equal(CimValue.StringArray("root/cimv2"), filter["SourceNamespaces"]);
        Assert.Equal(CimValue.Boolean(false), filter["IndividualSubscriptionSupported"]);

        Assert.Equal("CIM_ListenerDestinationWSManagement", destination.Class.Name);
        Assert.Equal("uuid:push", destination["Name"].AsString());
        Assert.Equal("http://sink.test/events", destination["Destination"].AsString());
        Assert.Equal("http://sink.test/end", destination["DestinationEndTo"].AsString());
        Assert.Equal(CimValue.UInt16(4), destination["Protocol"]);
        Assert.Equal(CimValue.UInt16(3), destination["DeliveryMode"]);
        Assert.Equal(CimValue.UInt16(3), destination["PersistenceType"]);
        Assert.Equal(CimValue.UInt64(30), destination["Heartbeat"]);
        Assert.Equal(CimValue.Boolean(true), destination["SendBookmark"]);
        Assert.True(destination["MaxTime"].IsNull);
        Assert.Equal("http://schemas.dmtf.org/wbem/wsman/1/wsman/secprofile/http/basic", destination["DeliveryAuth"].AsString());

        Assert.Equal(filter.GetPath(), subscription["Filter"].AsReference());
        Assert.Equal(destination.GetPath(), subscription["Handler"].AsReference());
        Assert.Equal(CimValue.UInt16(2), subscription["SubscriptionState"]);
        Assert.Equal(CimValue.UInt16(4), subscription["OnFatalErrorPolicy"]);
        Assert.Equal(CimValue.UInt64(600), subscription["SubscriptionTimeRemaining"]);
        Assert.Equal(CimValue.UInt64(900), subscription["SubscriptionDuration"]);
        Assert.Equal(CimValue.DateTime(_time.GetUtcNow().AddMinutes(-5)), subscription["SubscriptionStartTime"]);
    }

    [Fact]
    public async Task A_pull_subscription_without_a_filter_selects_its_class_and_has_the_anonymous_destination()
    {
        _directory.Add(PullWithoutFilter);

        var filter = Assert.Single(await EnumerateAsync("CIM_IndicationFilter"));
        var destination = Assert.Single(await EnumerateAsync("CIM_ListenerDestinationWSManagement"));
        var subscription = Assert.Single(await EnumerateAsync("CIM_IndicationSubscription"));

        Assert.Equal("SELECT * FROM CIM_InstCreation", filter["Query"].AsString());
        Assert.Equal("DMTF:CQL", filter["QueryLanguage"].AsString());
        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous", destination["Destination"].AsString());
        Assert.Equal(CimValue.UInt16(5), destination["DeliveryMode"]);
        Assert.True(destination["PersistenceType"].IsNull);
        Assert.Equal(CimValue.UInt64(2), destination["MaxTime"]);
        Assert.True(subscription["OnFatalErrorPolicy"].IsNull);
        Assert.True(subscription["SubscriptionDuration"].IsNull); // stored before the start was recorded: no duration to state
        Assert.Equal(CimValue.UInt64(60), subscription["SubscriptionTimeRemaining"]);
    }

    [Fact]
    public async Task A_caller_sees_only_its_own_subscriptions()
    {
        _directory.Add(PushWithWql);
        var path = (await EnumerateAsync("CIM_IndicationSubscription")).Single().GetPath();

        Assert.Empty(await EnumerateAsync("CIM_IndicationFilter", Bob));
        Assert.Empty(await EnumerateAsync("CIM_IndicationSubscription", Bob));
        Assert.Null(await Cim().GetInstanceAsync(Repository.GetClass("CIM_IndicationSubscription")!, path, Bob));
    }

    [Fact]
    public async Task Get_finds_each_instance_by_its_path_and_nothing_by_a_path_with_another_key()
    {
        _directory.Add(PushWithWql);
        _directory.Add(PullWithoutFilter);
        var cim = Cim();

        foreach (var className in new[] { "CIM_IndicationFilter", "CIM_ListenerDestinationWSManagement", "CIM_IndicationSubscription" })
        {
            foreach (var instance in await EnumerateAsync(className))
            {
                var found = await cim.GetInstanceAsync(Repository.GetClass(className)!, instance.GetPath(), Alice);
                Assert.True(found is not null && found.HasSameValues(instance), $"{instance.GetPath()} was not found as enumerated.");
            }
        }
        var filter = (await EnumerateAsync("CIM_IndicationFilter")).First().GetPath();
        var otherHost = new CimObjectPath(Interop, filter.ClassName,
            [.. filter.Keys.Select(k => k.Name == "SystemName" ? new CimKeyBinding(k.Name, CimValue.String("elsewhere")) : k)]);
        var push = (await EnumerateAsync("CIM_IndicationSubscription")).Single(s => s["Filter"].AsReference().StringKey("Name") == "uuid:push");
        var pullHandler = (await EnumerateAsync("CIM_ListenerDestinationWSManagement")).Single(d => d["Name"].AsString() == "uuid:pull").GetPath();
        var crossed = new CimObjectPath(Interop, "CIM_IndicationSubscription",
            [new CimKeyBinding("Filter", push["Filter"]), new CimKeyBinding("Handler", CimValue.Reference(pullHandler))]);

        Assert.Null(await cim.GetInstanceAsync(Repository.GetClass("CIM_IndicationFilter")!, otherHost, Alice));
        Assert.Null(await cim.GetInstanceAsync(Repository.GetClass("CIM_IndicationSubscription")!, crossed, Alice));
    }

    [Fact]
    public async Task The_subscription_associates_its_filter_with_its_destination()
    {
        _directory.Add(PushWithWql);
        _directory.Add(PullWithoutFilter);
        var filter = (await EnumerateAsync("CIM_IndicationFilter")).Single(f => f["Name"].AsString() == "uuid:push").GetPath();

        var associated = await new CimAssociations(Cim())
            .AssociatorsAsync(filter, Interop, "CIM_IndicationSubscription", null, null, null, Alice).ToListAsync();

        var handler = Assert.Single(associated);
        Assert.Equal("CIM_ListenerDestinationWSManagement", handler.Class.Name);
        Assert.Equal("uuid:push", handler["Name"].AsString());
    }

    [Fact]
    public async Task The_instances_cannot_be_modified_and_WS_Transfer_Create_and_Delete_name_WS_Eventing_instead()
    {
        _directory.Add(PushWithWql);
        var filter = (await EnumerateAsync("CIM_IndicationFilter")).Single();
        var resources = new CimResourceService(Cim());

        var modify = await Assert.ThrowsAsync<CimException>(async () => await Cim().ModifyInstanceAsync(filter, Alice));
        var delete = resources.RefuseCreateOrDelete(ClassPrefix + "CIM_IndicationSubscription", Actions.Delete);
        var create = resources.RefuseCreateOrDelete(ClassPrefix + "CIM_ListenerDestinationWSManagement", Actions.Create);
        var other = resources.RefuseCreateOrDelete(ClassPrefix + "CIM_ComputerSystem", Actions.Create);

        Assert.Equal(CimStatus.NotSupported, modify.Status);
        Assert.All(new[] { delete, create, other }, f => Assert.Equal("wsa:ActionNotSupported", f.Subcode));
        Assert.Contains("wse:Subscribe", delete.Reason);
        Assert.Contains("wse:Unsubscribe", create.Reason);
        Assert.DoesNotContain("wse:", other.Reason);
    }

    private sealed class FakeDirectory : ISubscriptionDirectory
    {
        private readonly List<SubscriptionFacts> _subscriptions = [];

        public void Add(SubscriptionFacts facts) => _subscriptions.Add(facts);

        public IReadOnlyList<SubscriptionFacts> SubscriptionsOf(string? owner) => _subscriptions.Where(s => s.Owner == owner).ToList();

        public SubscriptionFacts? FindSubscription(string id, string? owner) => _subscriptions.FirstOrDefault(s => s.Id == id && s.Owner == owner);
    }
}
