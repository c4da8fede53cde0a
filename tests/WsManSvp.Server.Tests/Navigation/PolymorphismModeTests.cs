using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Navigation;

/// <summary>
/// wsmb:PolymorphismMode (DSP0227 8.1): IncludeSubClassProperties returns subclass instances whole in
/// their own classes, ExcludeSubClassProperties renders every item as the requested class, None returns
/// only instances of exactly the requested class.
/// </summary>
public sealed class PolymorphismModeTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Rasd = "CIM_ResourceAllocationSettingData";
    private static readonly XName RasdElement = Ns.Class(Rasd) + Rasd;

    [Theory]
    [InlineData(null)]
    [InlineData("IncludeSubClassProperties")]
    public async Task IncludeSubClassProperties_returns_subclass_instances_whole_in_their_own_classes(string? mode)
    {
        using var client = server.Client();

        var items = await client.ItemsAsync(Enumeration.OfClass(Rasd, polymorphism: mode));

        Assert.Equal(
            [Ns.Class("CIM_EthernetPortAllocationSettingData") + "CIM_EthernetPortAllocationSettingData", RasdElement,
             Ns.Class("CIM_StorageAllocationSettingData") + "CIM_StorageAllocationSettingData"],
            items.Select(i => i.Name).Distinct().OrderBy(n => n.LocalName, StringComparer.Ordinal));
        var image = await ImageOfWeb01Async(client, items);
        Assert.Equal(Ns.Class("CIM_StorageAllocationSettingData") + "CIM_StorageAllocationSettingData", image.Name);
        Assert.NotNull(image.Element(image.Name.Namespace + "VirtualResourceBlockSize"));
        Assert.Equal("/var/lib/wsmansvp/images/web01-vda.qcow2", image.Value("HostResource"));
    }

    [Fact]
    public async Task ExcludeSubClassProperties_renders_every_instance_as_the_requested_class_with_only_its_properties()
    {
        using var client = server.Client();
        var included = await client.ItemsAsync(Enumeration.OfClass(Rasd));
        var rasdProperties = included.First(i => i.Name == RasdElement).Elements().Select(e => e.Name).Distinct().ToArray();

        var items = await client.ItemsAsync(Enumeration.OfClass(Rasd, polymorphism: "ExcludeSubClassProperties"));

        Assert.Equal(included.Count, items.Count);
        Assert.All(items, i => Assert.Equal(RasdElement, i.Name));
        Assert.All(items, i => Assert.Equal(rasdProperties, i.Elements().Select(e => e.Name).Distinct()));
        var image = await ImageOfWeb01Async(client, items);
        Assert.Null(image.Element(image.Name.Namespace + "VirtualResourceBlockSize"));
        Assert.Equal("/var/lib/wsmansvp/images/web01-vda.qcow2", image.Value("HostResource"));
        Assert.Equal("31", image.Value("ResourceType"));
    }

    [Fact]
    public async Task None_returns_only_instances_of_exactly_the_requested_class()
    {
        using var client = server.Client();
        var included = await client.ItemsAsync(Enumeration.OfClass(Rasd));

        var items = await client.ItemsAsync(Enumeration.OfClass(Rasd, polymorphism: "None"));

        Assert.Equal(included.Count(i => i.Name == RasdElement), items.Count);
        Assert.All(items, i => Assert.Equal(RasdElement, i.Name));
        Assert.Equal(included.Where(i => i.Name == RasdElement).Select(i => i.Value("InstanceID")).Order(StringComparer.Ordinal),
            items.Select(i => i.Value("InstanceID")).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("CIM_ComputerSystem", 5)]
    [InlineData("CIM_System", 0)]
    public async Task None_leaves_out_what_a_class_has_only_through_subclasses(string className, int expected)
    {
        using var client = server.Client();

        var items = await client.ItemsAsync(Enumeration.OfClass(className, polymorphism: "None"));

        Assert.Equal(expected, items.Count);
    }

    [Fact]
    public async Task The_mode_applies_to_a_WQL_filter_too()
    {
        using var client = server.Client();
        var web01 = await SeededSystems.NameOfAsync(client, "web01");
        var query = Filters.Wql($"SELECT * FROM {Rasd} WHERE InstanceID = 'WsManSvp:{web01}/vda/image'");

        var excluded = await client.ItemsAsync(Enumeration.OfClass(Rasd, query, polymorphism: "ExcludeSubClassProperties"));
        var none = await client.ItemsAsync(Enumeration.OfClass(Rasd, query, polymorphism: "None"));

        Assert.Equal(RasdElement, Assert.Single(excluded).Name);
        Assert.Empty(none);
    }

    [Theory]
    [InlineData("Bogus")]
    [InlineData("includesubclassproperties")]
    public async Task An_unknown_mode_is_PolymorphismModeNotSupported(string mode)
    {
        using var client = server.Client();

        var reply = await client.EnumerateAsync(Enumeration.OfClass("CIM_ComputerSystem", polymorphism: mode));

        reply.AssertFault("wsmb:PolymorphismModeNotSupported");
        Assert.Equal($"PolymorphismMode '{mode}' is not supported.", reply.Reason);
    }

    private static async Task<XElement> ImageOfWeb01Async(WsManClient client, List<XElement> items)
    {
        var web01 = await SeededSystems.NameOfAsync(client, "web01");
        return items.Single(i => i.Value("InstanceID") == $"WsManSvp:{web01}/vda/image");
    }
}
