using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Navigation;

/// <summary>
/// The selector filter (DSP0226 Annex E, MS-WSMV 3.1.4.1.13): instances whose properties, keys or not,
/// equal every selector, strings regardless of case, returned whole; class resource URIs only.
/// </summary>
public sealed class SelectorFilterTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task A_non_key_property_selects_the_instances_having_that_value_whole()
    {
        using var client = server.Client();
        var host = (await client.GetAsync("CIM_ComputerSystem", ("CreationClassName", "CIM_ComputerSystem"), ("Name", ServerFixture.HostName))).AssertOk().Content;

        var items = await client.ItemsAsync(Enumeration.OfClass("CIM_ComputerSystem", Filters.Selectors(("EnabledState", "2"))));

        Assert.Equal([ServerFixture.HostName, "web01"], Items.ElementNames(items));
        Assert.All(items, i => Assert.Equal(Ns.Class("CIM_ComputerSystem") + "CIM_ComputerSystem", i.Name));
        Assert.Equal(host.Elements().Select(e => e.Name), items.Single(i => i.Value("Name") == ServerFixture.HostName).Elements().Select(e => e.Name));
    }

    [Theory]
    [InlineData("ElementName", "WEB01", "web01")]
    [InlineData("NameFormat", "uuid", "build01 db01 test01 web01")]
    [InlineData("EnabledState", "9", "build01")]
    [InlineData("ElementName", "web", "")]
    [InlineData("EnabledState", "5", "")]
    public async Task Values_match_whole_and_strings_regardless_of_case(string property, string value, string expected)
    {
        using var client = server.Client();

        var items = await client.ItemsAsync(Enumeration.OfClass("CIM_ComputerSystem", Filters.Selectors((property, value))));

        Assert.Equal(Items.Words(expected), Items.ElementNames(items));
    }

    [Fact]
    public async Task Every_selector_must_match_and_subclass_instances_are_included()
    {
        using var client = server.Client();

        var items = await client.ItemsAsync(Enumeration.OfClass("CIM_System",
            Filters.Selectors(("EnabledState", "2"), ("NameFormat", "Other"))));

        var host = Assert.Single(items);
        Assert.Equal(Ns.Class("CIM_ComputerSystem") + "CIM_ComputerSystem", host.Name);
        Assert.Equal(ServerFixture.HostName, host.Value("Name"));
    }

    [Fact]
    public async Task No_match_is_an_empty_enumeration()
    {
        using var client = server.Client();

        var reply = (await client.EnumerateAsync(Enumeration.OfClass("CIM_ComputerSystem", Filters.Selectors(("ElementName", "nosuch"))), optimize: 10)).AssertOk();

        Assert.Empty(reply.Content.Element(Ns.WsMan + "Items")!.Elements());
        Assert.NotNull(reply.Content.Element(Ns.WsMan + "EndOfSequence"));
    }

    [Fact]
    public async Task EnumerateEPR_returns_the_matching_instances_EPRs()
    {
        using var client = server.Client();
        var web01 = await SeededSystems.NameOfAsync(client, "web01");

        var eprs = await client.EprsAsync(Enumeration.OfClass("CIM_ComputerSystem", Filters.Selectors(("ElementName", "web01"))));

        Assert.True(Assert.Single(eprs).SameAs(ModelEprs.System(web01)), eprs[0].ToString());
    }

    [Theory]
    [InlineData("Nope", "1", "CIM_ComputerSystem has no property 'Nope'.")]
    [InlineData("OperationalStatus", "2", "'OperationalStatus' (uint16[] OperationalStatus) cannot be selected on; only scalar properties of simple types can.")]
    [InlineData("TimeOfLastStateChange", "2026-01-01T00:00:00Z", "'TimeOfLastStateChange' (datetime TimeOfLastStateChange) cannot be selected on")]
    [InlineData("EnabledState", "two", "Selector 'EnabledState': 'two' is not an integer.")]
    public async Task A_selector_that_cannot_be_tested_is_CannotProcessFilter(string property, string value, string reason)
    {
        using var client = server.Client();

        var reply = await client.EnumerateAsync(Enumeration.OfClass("CIM_ComputerSystem", Filters.Selectors((property, value))));

        Items.IsCannotProcessFilter(reply, reason);
    }

    [Fact]
    public async Task A_property_selected_twice_is_CannotProcessFilter()
    {
        using var client = server.Client();

        var reply = await client.EnumerateAsync(Enumeration.OfClass("CIM_ComputerSystem",
            Filters.Selectors(("EnabledState", "2"), ("enabledstate", "3"))));

        Items.IsCannotProcessFilter(reply, "'enabledstate' is selected on twice.");
    }

    [Theory]
    [InlineData(Filters.AllClassesUri)]
    [InlineData(Filters.WmiAllClassesUri)]
    public async Task On_an_all_classes_URI_the_selector_filter_is_CannotProcessFilter(string resourceUri)
    {
        using var client = server.Client();

        var reply = await client.EnumerateAsync(new Enumeration(resourceUri, Filters.Selectors(("EnabledState", "2"))));

        Items.IsCannotProcessFilter(reply, "The selector filter needs a class resource URI, not the all-classes URI.");
    }
}
