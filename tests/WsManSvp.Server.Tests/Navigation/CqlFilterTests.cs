using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Navigation;

/// <summary>
/// Enumerate with a CQL filter (DSP0202, as DSP1042's use cases write it): case-sensitive strings in single
/// quotes, LIKE as a basic regular expression (. and *), ISA; profiles queried in root/interop.
/// </summary>
public sealed class CqlFilterTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Theory]
    [InlineData("EnabledState = 2 AND NOT NameFormat = 'Other'", "web01")]
    [InlineData("EnabledState = 3 OR EnabledState = 9", "build01 db01")]
    [InlineData("EnabledState <> 2 AND EnabledState < 9", "db01 test01")]
    [InlineData("ElementName = 'web01'", "web01")]
    [InlineData("ElementName = 'WEB01'", "")]
    [InlineData("ElementName <> 'WEB01' AND NameFormat = 'UUID'", "build01 db01 test01 web01")]
    [InlineData("ElementName >= 't'", "test01 web01")]
    [InlineData("AvailableRequestedStates IS NULL", "host1")]
    public async Task WHERE_compares_strings_with_case(string where, string expected)
    {
        Assert.Equal(Items.Words(expected), await ElementNamesWhereAsync(where));
    }

    [Theory]
    [InlineData("ElementName LIKE '.*b01'", "db01 web01")]
    [InlineData("ElementName LIKE 'w.*'", "web01")]
    [InlineData("ElementName LIKE 'W.*'", "")]
    [InlineData("ElementName LIKE '.*0.'", "build01 db01 test01 web01")]
    [InlineData("ElementName LIKE 'b.*1'", "build01")]
    [InlineData("ElementName LIKE 'te*st01'", "test01")]
    [InlineData("ElementName LIKE 'tx*est01'", "test01")]
    [InlineData("ElementName LIKE 'tst01'", "")]
    [InlineData("ElementName LIKE 'web0.'", "web01")]
    [InlineData("ElementName LIKE 'web0\\.'", "")]
    [InlineData("ElementName LIKE '%01'", "")]
    [InlineData("ElementName LIKE '_b01'", "")]
    [InlineData("NOT ElementName LIKE '.*01'", "host1")]
    public async Task LIKE_is_a_basic_regular_expression_where_percent_and_underscore_are_literal(string where, string expected)
    {
        Assert.Equal(Items.Words(expected), await ElementNamesWhereAsync(where));
    }

    [Fact]
    public async Task ISA_selects_instances_of_a_class_and_its_subclasses()
    {
        using var client = server.Client();

        var items = await client.ItemsAsync(Enumeration.AllClasses(Filters.Cql("SELECT DeviceID, SystemName FROM CIM_LogicalDevice WHERE __this ISA CIM_Memory")));

        Assert.Equal(2, items.Count);
        Assert.All(items, i => Items.IsFragment(i, Ns.Class("CIM_Memory"), "DeviceID", "SystemName"));
        var systems = await SeededSystems.FindAsync(client);
        Assert.Equal([systems["build01"], systems["web01"]], items.Select(i => i.Value("SystemName")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Registered_profiles_are_queried_in_root_interop()
    {
        using var client = server.Client();
        const string query = "SELECT RegisteredVersion, RegisteredName FROM CIM_RegisteredProfile WHERE RegisteredName = 'System Virtualization'";

        var items = await client.ItemsAsync(Enumeration.AllClasses(Filters.Cql(query), @namespace: ModelEprs.Interop));

        var profile = Assert.Single(items);
        Items.IsFragment(profile, Ns.Class("CIM_RegisteredProfile"), "RegisteredName", "RegisteredVersion");
        Assert.Equal(["System Virtualization", "1.0.0"], profile.Elements().Select(e => e.Value));
    }

    [Fact]
    public async Task Registered_profiles_are_not_in_root_cimv2()
    {
        using var client = server.Client();

        var items = await client.ItemsAsync(Enumeration.AllClasses(Filters.Cql("SELECT * FROM CIM_RegisteredProfile"), @namespace: ModelEprs.Implementation));

        Assert.Empty(items);
    }

    [Fact]
    public async Task Every_registered_profile_is_found_by_a_CQL_SELECT_star_in_root_interop()
    {
        using var client = server.Client();

        var items = await client.ItemsAsync(Enumeration.AllClasses(Filters.Cql("SELECT * FROM CIM_RegisteredProfile"), @namespace: ModelEprs.Interop), optimize: 3);

        Assert.All(items, i => Assert.Equal(Ns.Class("CIM_RegisteredProfile") + "CIM_RegisteredProfile", i.Name));
        Assert.Equal(Neighbours.Profiles.Order(StringComparer.Ordinal), items.Select(i => i.Value("InstanceID")).Order(StringComparer.Ordinal));
    }

    private async Task<string[]> ElementNamesWhereAsync(string where)
    {
        using var client = server.Client();
        var items = await client.ItemsAsync(Enumeration.OfClass("CIM_ComputerSystem", Filters.Cql("SELECT ElementName FROM CIM_ComputerSystem WHERE " + where)));
        return Items.ElementNames(items);
    }
}
