using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Protocol;

/// <summary>Enumerate (DSP0226 clause 8, DSP0227): item shapes, polymorphism, batching, refused options.</summary>
public sealed class EnumerationTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly string[] AllSystems = ["build01", "db01", ServerFixture.HostName, "test01", "web01"];

    private static string Mode(string mode) => $"<wsman:EnumerationMode>{mode}</wsman:EnumerationMode>";

    [Fact]
    public async Task EnumerateObject_items_are_instances()
    {
        using var client = server.Client();
        var items = await client.EnumerateAllAsync("CIM_ComputerSystem", enumerateChildren: Mode("EnumerateObject"));

        Assert.All(items, i => Assert.Equal(Ns.Class("CIM_ComputerSystem") + "CIM_ComputerSystem", i.Name));
        Assert.Equal(AllSystems, items.Select(i => i.Prop("ElementName")).Order());
    }

    [Fact]
    public async Task EnumerateEPR_items_are_endpoint_references_with_keys_and_namespace()
    {
        using var client = server.Client();
        var systems = await SeededSystems.FindAsync(client);
        var items = await client.EnumerateAllAsync("CIM_ComputerSystem", enumerateChildren: Mode("EnumerateEPR"));

        Assert.Equal(5, items.Count);
        Assert.All(items, epr => Assert.Equal(Ns.Wsa + "EndpointReference", epr.Name));
        var names = items.Select(AssertComputerSystemEpr).Order();
        Assert.Equal(systems.Values.Append(ServerFixture.HostName).Order(), names);
    }

    [Fact]
    public async Task EnumerateObjectAndEPR_items_hold_the_instance_then_its_reference()
    {
        using var client = server.Client();
        var items = await client.EnumerateAllAsync("CIM_ComputerSystem", enumerateChildren: Mode("EnumerateObjectAndEPR"));

        Assert.Equal(5, items.Count);
        foreach (var item in items)
        {
            Assert.Equal(Ns.WsMan + "Item", item.Name);
            var parts = item.Elements().ToList();
            Assert.Equal(2, parts.Count);
            Assert.Equal(Ns.Class("CIM_ComputerSystem") + "CIM_ComputerSystem", parts[0].Name);
            Assert.Equal(Ns.Wsa + "EndpointReference", parts[1].Name);
            Assert.Equal(parts[0].Prop("Name"), AssertComputerSystemEpr(parts[1]));
        }
    }

    /// <summary>Checks an EPR of a CIM_ComputerSystem and returns its Name selector.</summary>
    private static string AssertComputerSystemEpr(XElement epr)
    {
        Assert.Equal(Envelopes.Anonymous, epr.Element(Ns.Wsa + "Address")!.Value);
        var parameters = epr.Element(Ns.Wsa + "ReferenceParameters")!;
        Assert.Equal(Envelopes.ClassUri("CIM_ComputerSystem"), parameters.Element(Ns.WsMan + "ResourceURI")!.Value);
        var selectors = parameters.Element(Ns.WsMan + "SelectorSet")!.Elements(Ns.WsMan + "Selector")
            .ToDictionary(s => s.Attribute("Name")!.Value, s => s.Value);
        Assert.Equal(["CreationClassName", "Name", "__cimnamespace"], selectors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("CIM_ComputerSystem", selectors["CreationClassName"]);
        Assert.Equal("root/cimv2", selectors["__cimnamespace"]);
        return selectors["Name"];
    }

    [Fact]
    public async Task An_EPR_from_an_enumeration_addresses_its_instance_in_a_Get()
    {
        using var client = server.Client();
        foreach (var epr in await client.EnumerateAllAsync("CIM_ComputerSystem", enumerateChildren: Mode("EnumerateEPR")))
        {
            var parameters = epr.Element(Ns.Wsa + "ReferenceParameters")!;
            var selectors = parameters.Element(Ns.WsMan + "SelectorSet")!.Elements()
                .Select(s => (Name: s.Attribute("Name")!.Value, s.Value)).ToArray();
            var reply = (await client.PostAsync(Envelopes.Build(Envelopes.Get, parameters.Element(Ns.WsMan + "ResourceURI")!.Value, selectors))).AssertOk();
            Assert.Equal(selectors.Single(s => s.Name == "Name").Value, reply.Content.Prop("Name"));
        }
    }

    [Fact]
    public async Task CIM_System_includes_every_computer_system()
    {
        using var client = server.Client();
        var items = await client.EnumerateAllAsync("CIM_System", maxElements: 100);

        Assert.All(items, i => Assert.Equal(Ns.Class("CIM_ComputerSystem") + "CIM_ComputerSystem", i.Name));
        Assert.Equal(AllSystems, items.Select(i => i.Prop("ElementName")).Order());
    }

    [Fact]
    public async Task CIM_ManagedElement_includes_every_instance_of_every_class_derived_from_it_once()
    {
        using var client = server.Client();
        var items = await client.EnumerateAllAsync("CIM_ManagedElement", maxElements: 500);

        var byClass = items.GroupBy(i => i.Name.LocalName).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Superset(new HashSet<string>
        {
            "CIM_ComputerSystem", "CIM_VirtualSystemManagementService", "CIM_VirtualSystemSnapshotService", "CIM_VirtualSystemSettingData",
            "CIM_ResourceAllocationSettingData", "CIM_StorageAllocationSettingData", "CIM_EthernetPortAllocationSettingData", "CIM_ResourcePool",
            "CIM_AllocationCapabilities", "CIM_Processor", "CIM_Memory", "CIM_LogicalDisk", "CIM_EthernetPort",
        }, byClass.Keys.ToHashSet());
        Assert.Equal(AllSystems, byClass["CIM_ComputerSystem"].Select(i => i.Prop("ElementName")).Order());
        Assert.Equal(items.Count, items.Select(i => i.ToString()).Distinct().Count());
        Assert.All(items, i => Assert.Equal(Ns.ClassPrefix + i.Name.LocalName, i.Name.NamespaceName));
        foreach (var (className, instances) in byClass)
        {
            var own = await client.EnumerateAllAsync(className, maxElements: 500);
            Assert.Equal(instances.Count, own.Count(i => i.Name.LocalName == className));
        }
    }

    [Fact]
    public async Task CIM_SettingData_is_the_setting_data_only()
    {
        using var client = server.Client();
        var items = await client.EnumerateAllAsync("CIM_SettingData", maxElements: 500);
        string[] settingClasses = ["CIM_EthernetPortAllocationSettingData", "CIM_ResourceAllocationSettingData", "CIM_StorageAllocationSettingData", "CIM_VirtualSystemSettingData"];
        Assert.Equal(settingClasses, items.Select(i => i.Name.LocalName).Distinct().Order());
        // Four Defined configurations, and State ones for the two active systems (web01 running, build01 paused).
        Assert.Equal(6, items.Count(i => i.Name.LocalName == "CIM_VirtualSystemSettingData"));
    }

    [Fact]
    public async Task OptimizeEnumeration_returns_the_first_MaxElements_items_with_the_response()
    {
        using var client = server.Client();
        var reply = (await client.EnumerateAsync("CIM_ComputerSystem", "<wsman:OptimizeEnumeration/><wsman:MaxElements>2</wsman:MaxElements>")).AssertOk();

        var response = reply.Content;
        Assert.Equal(2, response.Element(Ns.WsMan + "Items")!.Elements().Count());
        Assert.Null(response.Element(Ns.WsMan + "EndOfSequence"));
        var context = response.Element(Ns.Wsen + "EnumerationContext")!.Value;
        Assert.StartsWith("uuid:", context);

        var rest = (await client.PullAsync("CIM_ComputerSystem", context, "<wsen:MaxElements>10</wsen:MaxElements>")).AssertOk().Content;
        Assert.Equal(3, rest.Element(Ns.Wsen + "Items")!.Elements().Count());
        Assert.NotNull(rest.Element(Ns.Wsen + "EndOfSequence"));
    }

    [Fact]
    public async Task OptimizeEnumeration_with_room_for_everything_ends_at_once()
    {
        using var client = server.Client();
        var reply = (await client.EnumerateAsync("CIM_ComputerSystem", "<wsman:OptimizeEnumeration/><wsman:MaxElements>10</wsman:MaxElements>")).AssertOk();

        var response = reply.Content;
        Assert.Equal(AllSystems, response.Element(Ns.WsMan + "Items")!.Elements().Select(i => i.Prop("ElementName")).Order());
        Assert.NotNull(response.Element(Ns.WsMan + "EndOfSequence"));
        Assert.Equal("", response.Element(Ns.Wsen + "EnumerationContext")!.Value);
    }

    [Fact]
    public async Task OptimizeEnumeration_without_MaxElements_returns_one_item()
    {
        using var client = server.Client();
        var reply = (await client.EnumerateAsync("CIM_ComputerSystem", "<wsman:OptimizeEnumeration/>")).AssertOk();
        Assert.Single(reply.Content.Element(Ns.WsMan + "Items")!.Elements());
    }

    [Fact]
    public async Task Enumerate_without_optimization_returns_only_a_context()
    {
        using var client = server.Client();
        var reply = (await client.EnumerateAsync("CIM_ComputerSystem")).AssertOk();

        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/09/enumeration/EnumerateResponse", reply.Action);
        var response = reply.Content;
        Assert.Equal(Ns.Wsen + "EnumerateResponse", response.Name);
        Assert.Equal([Ns.Wsen + "EnumerationContext"], response.Elements().Select(e => e.Name));
    }

    [Theory]
    [InlineData(1, new[] { 1, 1, 1, 1, 1 })]
    [InlineData(2, new[] { 2, 2, 1 })]
    [InlineData(3, new[] { 3, 2 })]
    [InlineData(5, new[] { 5 })]
    [InlineData(500, new[] { 5 })]
    public async Task Pull_returns_at_most_MaxElements_and_EndOfSequence_with_the_last(int maxElements, int[] expectedBatches)
    {
        using var client = server.Client();
        var context = (await client.EnumerateAsync("CIM_ComputerSystem")).AssertOk().Content.Element(Ns.Wsen + "EnumerationContext")!.Value;
        var batches = new List<int>();
        while (true)
        {
            var pull = (await client.PullAsync("CIM_ComputerSystem", context, $"<wsen:MaxElements>{maxElements}</wsen:MaxElements>")).AssertOk();
            Assert.Equal("http://schemas.xmlsoap.org/ws/2004/09/enumeration/PullResponse", pull.Action);
            var response = pull.Content;
            batches.Add(response.Element(Ns.Wsen + "Items")!.Elements().Count());
            if (response.Element(Ns.Wsen + "EndOfSequence") is not null)
            {
                Assert.Null(response.Element(Ns.Wsen + "EnumerationContext"));
                break;
            }
            context = response.Element(Ns.Wsen + "EnumerationContext")!.Value;
        }
        Assert.Equal(expectedBatches, batches);
    }

    [Fact]
    public async Task An_unknown_EnumerationMode_is_UnsupportedFeature_EnumerationMode()
    {
        using var client = server.Client();
        var reply = await client.EnumerateAsync("CIM_ComputerSystem", Mode("EnumerateEverything"));
        reply.AssertFault("wsman:UnsupportedFeature", "EnumerationMode");
    }

    // The dialects the service has are tested in Navigation/; any other is refused.
    [Theory]
    [InlineData("<wsen:Filter Dialect=\"http://example.com/unknown\">x</wsen:Filter>", "http://example.com/unknown")]
    [InlineData("<wsman:Filter Dialect=\"http://www.w3.org/TR/1999/REC-xpath-19991116\">/*</wsman:Filter>", "http://www.w3.org/TR/1999/REC-xpath-19991116")]
    [InlineData("<wsman:Filter>/*</wsman:Filter>", "XPath 1.0 (the default)")]
    public async Task A_filter_in_a_dialect_the_service_lacks_is_FilterDialectRequestedUnavailable(string filter, string dialect)
    {
        using var client = server.Client();
        var reply = await client.EnumerateAsync("CIM_ComputerSystem", filter);

        reply.AssertFault("wsen:FilterDialectRequestedUnavailable");
        Assert.Contains(dialect, reply.Reason);
        Assert.Equal("http://schemas.xmlsoap.org/ws/2004/09/enumeration/fault", reply.Action);
    }

    [Fact]
    public async Task PolymorphismMode_IncludeSubClassProperties_is_the_default_behaviour()
    {
        using var client = server.Client();
        var items = await client.EnumerateAllAsync("CIM_System", maxElements: 100,
            enumerateChildren: "<wsmb:PolymorphismMode>IncludeSubClassProperties</wsmb:PolymorphismMode>");
        Assert.Equal(5, items.Count);
        Assert.All(items, i => Assert.NotNull(i.Element(i.Name.Namespace + "EnabledState")));
    }
}
