using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Navigation;

/// <summary>
/// Enumerate with a WQL filter (MS-WSMV 3.1.4.1.13): on the class URI and on both all-classes URIs; WHERE
/// with every operator WMI has, strings compared regardless of case; SELECT * whole, a select list projected.
/// </summary>
public sealed class WqlFilterTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string WmiComputerSystem = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/cimv2/CIM_ComputerSystem";

    public static TheoryData<string, string> ResourceUris => new()
    {
        { Envelopes.ClassUri("CIM_ComputerSystem"), Ns.ClassPrefix + "CIM_ComputerSystem" },
        { Filters.AllClassesUri, Ns.ClassPrefix + "CIM_ComputerSystem" },
        { Filters.WmiAllClassesUri, WmiComputerSystem },
    };

    [Theory]
    [MemberData(nameof(ResourceUris))]
    public async Task SELECT_star_returns_each_matching_instance_whole(string resourceUri, string classNamespace)
    {
        using var client = server.Client();
        var host = (await client.GetAsync("CIM_ComputerSystem", ("CreationClassName", "CIM_ComputerSystem"), ("Name", ServerFixture.HostName))).AssertOk().Content;

        var items = await client.ItemsAsync(new Enumeration(resourceUri, Filters.Wql("SELECT * FROM CIM_ComputerSystem WHERE EnabledState = 2")));

        Assert.Equal([ServerFixture.HostName, "web01"], Items.ElementNames(items));
        Assert.All(items, i => Assert.Equal(XNamespace.Get(classNamespace) + "CIM_ComputerSystem", i.Name));
        var returnedHost = items.Single(i => i.Value("Name") == ServerFixture.HostName);
        Assert.Equal(host.Elements().Select(e => e.Name.LocalName), returnedHost.Elements().Select(e => e.Name.LocalName));
    }

    [Theory]
    [MemberData(nameof(ResourceUris))]
    public async Task A_select_list_returns_XmlFragments_with_only_those_properties_in_alphabetical_order(string resourceUri, string classNamespace)
    {
        using var client = server.Client();

        var items = await client.ItemsAsync(new Enumeration(resourceUri,
            Filters.Wql("SELECT Name, EnabledState, ElementName FROM CIM_ComputerSystem WHERE Name = 'host1'")));

        var fragment = Assert.Single(items);
        Items.IsFragment(fragment, classNamespace, "ElementName", "EnabledState", "Name");
        Assert.Equal([ServerFixture.HostName, "2", ServerFixture.HostName], fragment.Elements().Select(e => e.Value));
    }

    [Theory]
    [InlineData("EnabledState = 2", "host1 web01")]
    [InlineData("EnabledState <> 2", "build01 db01 test01")]
    [InlineData("EnabledState != 2", "build01 db01 test01")]
    [InlineData("EnabledState < 3", "host1 web01")]
    [InlineData("EnabledState <= 3", "db01 host1 web01")]
    [InlineData("EnabledState > 3", "build01 test01")]
    [InlineData("EnabledState >= 9", "build01")]
    [InlineData("2 = EnabledState", "host1 web01")]
    [InlineData("ElementName < 'c'", "build01")]
    [InlineData("EnabledState = '9'", "build01")]
    [InlineData("NOT EnabledState = 2", "build01 db01 test01")]
    [InlineData("EnabledState = 2 AND NameFormat = 'UUID'", "web01")]
    [InlineData("EnabledState = 3 OR EnabledState = 9", "build01 db01")]
    [InlineData("EnabledState = 2 OR EnabledState = 3 AND NameFormat = 'UUID'", "db01 host1 web01")]
    [InlineData("(EnabledState = 2 OR EnabledState = 3) AND NameFormat = 'UUID'", "db01 web01")]
    [InlineData("NOT (EnabledState = 2 OR EnabledState = 3)", "build01 test01")]
    [InlineData("AvailableRequestedStates IS NULL", "host1")]
    [InlineData("AvailableRequestedStates IS NOT NULL", "build01 db01 test01 web01")]
    [InlineData("EnabledState = NULL", "")]
    public async Task WHERE_compares_and_combines_as_WMI_does(string where, string expected)
    {
        Assert.Equal(Items.Words(expected), await ElementNamesWhereAsync(where));
    }

    [Theory]
    [InlineData("ElementName = 'WEB01'", "web01")]
    [InlineData("ElementName = \"web01\"", "web01")]
    [InlineData("ElementName <> 'WEB01' AND NameFormat = 'uuid'", "build01 db01 test01")]
    [InlineData("ElementName = 'web01 '", "")]
    [InlineData("ElementName = 'it\\'s'", "")]
    public async Task Strings_are_quoted_either_way_and_compared_regardless_of_case(string where, string expected)
    {
        Assert.Equal(Items.Words(expected), await ElementNamesWhereAsync(where));
    }

    [Theory]
    [InlineData("ElementName LIKE '%01'", "build01 db01 test01 web01")]
    [InlineData("ElementName LIKE 'host1%'", "host1")]
    [InlineData("ElementName LIKE '_b01'", "db01")]
    [InlineData("ElementName LIKE 'WEB%'", "web01")]
    [InlineData("ElementName LIKE '[bd]%'", "build01 db01")]
    [InlineData("ElementName LIKE '[a-c]%'", "build01")]
    [InlineData("ElementName LIKE '[^a-t]%'", "web01")]
    [InlineData("ElementName LIKE 'web01_'", "")]
    [InlineData("ElementName LIKE '.*'", "")]
    [InlineData("NOT ElementName LIKE '%01'", "host1")]
    [InlineData("ElementName NOT LIKE '%01'", "host1")]
    public async Task LIKE_has_WMI_wildcards_percent_underscore_and_sets(string where, string expected)
    {
        Assert.Equal(Items.Words(expected), await ElementNamesWhereAsync(where));
    }

    [Theory]
    [InlineData("__this ISA CIM_Processor")]
    [InlineData("__this ISA 'CIM_Processor'")]
    [InlineData("__this ISA \"CIM_Processor\"")]
    public async Task ISA_selects_instances_of_a_class_and_its_subclasses_named_bare_or_quoted(string where)
    {
        using var client = server.Client();

        var items = await client.ItemsAsync(Enumeration.AllClasses(Filters.Wql("SELECT DeviceID FROM CIM_LogicalDevice WHERE " + where)));

        // The processors of the two active systems, web01 and build01, each with two CPUs.
        Assert.Equal(4, items.Count);
        Assert.All(items, i => Items.IsFragment(i, Ns.Class("CIM_Processor"), "DeviceID"));
        Assert.Equal(["cpu0", "cpu0", "cpu1", "cpu1"], items.Select(i => i.Value("DeviceID")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task IS_NULL_and_IS_NOT_NULL_split_the_allocations_of_a_configuration()
    {
        using var client = server.Client();
        var web01 = await SeededSystems.NameOfAsync(client, "web01");
        var ofWeb01 = $"SELECT InstanceID FROM CIM_ResourceAllocationSettingData WHERE InstanceID LIKE 'WsManSvp:{web01}/%'";

        var all = await InstanceIdsAsync(client, ofWeb01);
        var withoutParent = await InstanceIdsAsync(client, ofWeb01 + " AND Parent IS NULL");
        var withParent = await InstanceIdsAsync(client, ofWeb01 + " AND Parent IS NOT NULL");

        // proc, mem, the vda drive and the adapter have no parent; the disk image and the connection do.
        Assert.Equal(4, withoutParent.Length);
        Assert.Equal(2, withParent.Length);
        Assert.All(withParent, id => Assert.True(id.EndsWith("/vda/image", StringComparison.Ordinal) || id.EndsWith("/connection", StringComparison.Ordinal), id));
        Assert.Equal(all, withoutParent.Concat(withParent).Order(StringComparer.Ordinal));
    }

    private async Task<string[]> ElementNamesWhereAsync(string where)
    {
        using var client = server.Client();
        var items = await client.ItemsAsync(Enumeration.OfClass("CIM_ComputerSystem", Filters.Wql("SELECT ElementName FROM CIM_ComputerSystem WHERE " + where)));
        return Items.ElementNames(items);
    }

    private static async Task<string[]> InstanceIdsAsync(WsManClient client, string query) =>
        (await client.ItemsAsync(Enumeration.AllClasses(Filters.Wql(query)))).Select(i => i.Value("InstanceID")!).Order(StringComparer.Ordinal).ToArray();
}
