using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Navigation;

/// <summary>
/// The association filter's AssociatedInstances (DSP0227 8.2.1) from the host: everything associated with it,
/// narrowed by AssociationClassName, Role, ResultClassName and ResultRole, projected by IncludeResultProperty;
/// the same on any resource URI a client sends it to.
/// </summary>
public sealed class AssociatedInstancesTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly string[] Services =
        ["CIM_VirtualSystemManagementService VirtualSystemManagementService", "CIM_VirtualSystemSnapshotService VirtualSystemSnapshotService"];

    private static readonly string[] Pools = Neighbours.Pools.Select(p => $"CIM_ResourcePool WsManSvp:Pool/{p.Kind}/{p.Name}").ToArray();

    private static readonly string[] Capabilities =
    [
        "CIM_VirtualSystemManagementCapabilities WsManSvp:VirtualSystemManagementCapabilities",
        .. Neighbours.DefaultPools.Select(p => "CIM_AllocationCapabilities WsManSvp:AllocationCapabilities/" + p),
    ];

    [Fact]
    public async Task From_the_host_every_associated_element_is_returned_once_as_an_EPR_in_its_own_class()
    {
        using var client = server.Client();
        var systems = await SeededSystems.FindAsync(client);

        var eprs = await client.EprsAsync(Enumeration.AllClasses(Filters.AssociatedInstances(ModelEprs.Host)));

        Assert.Equal(Neighbours.OfHost(systems.Values), Neighbours.Sorted(eprs));
        Assert.All(eprs, e => Assert.Equal(Envelopes.ClassUri(e.ClassName), e.ResourceUri));
        Assert.Equal(ModelEprs.Interop, eprs.Single(e => e.ClassName == "CIM_RegisteredProfile").Namespace);
        Assert.All(eprs.Where(e => e.ClassName != "CIM_RegisteredProfile"), e => Assert.Equal(ModelEprs.Implementation, e.Namespace));
    }

    [Fact]
    public async Task EnumerateObjectAndEPR_returns_each_instance_in_its_own_class_with_its_EPR()
    {
        using var client = server.Client();

        var named = await client.NamedAsync(Enumeration.AllClasses(Filters.AssociatedInstances(ModelEprs.Host)));

        Assert.Equal(17, named.Count);
        Assert.All(named, n => Assert.Equal(n.Path.ClassName, n.ClassName));
        Assert.All(named, n => Assert.Equal(Ns.Class(n.ClassName), n.Instance.Name.Namespace));
        Assert.All(named, n => Assert.Equal(Neighbours.Of(n.Path), Neighbours.Of(n.Instance)));
    }

    [Theory]
    [InlineData("CIM_HostedDependency")]
    [InlineData("CIM_HostedSystem")]
    public async Task AssociationClassName_keeps_that_association_and_its_subclasses(string associationClass)
    {
        using var client = server.Client();
        var systems = await SeededSystems.FindAsync(client);

        var eprs = await client.EprsAsync(Enumeration.AllClasses(Filters.AssociatedInstances(ModelEprs.Host, associationClass: associationClass)));

        // CIM_HostedService, the services' association, derives from CIM_HostedDependency.
        Assert.Equal(Neighbours.Sorted([.. SystemsOf(systems), .. Services]), Neighbours.Sorted(eprs));
    }

    [Theory]
    [InlineData("CIM_HostedResourcePool", "pools")]
    [InlineData("CIM_HostedService", "services")]
    [InlineData("CIM_ElementCapabilities", "capabilities")]
    [InlineData("CIM_ElementConformsToProfile", "profile")]
    [InlineData("CIM_SystemDevice", "")]
    public async Task AssociationClassName_narrows_to_one_kind_of_neighbour(string associationClass, string expected)
    {
        Assert.Equal(Expected(expected), await NeighboursOfHostAsync(associationClass: associationClass));
    }

    [Theory]
    [InlineData("CIM_ResourcePool", "pools")]
    [InlineData("CIM_Capabilities", "capabilities")]
    [InlineData("CIM_Service", "services")]
    [InlineData("CIM_RegisteredProfile", "profile")]
    [InlineData("CIM_LogicalDevice", "")]
    public async Task ResultClassName_keeps_results_of_that_class_and_its_subclasses(string resultClass, string expected)
    {
        Assert.Equal(Expected(expected), await NeighboursOfHostAsync(resultClass: resultClass));
    }

    [Fact]
    public async Task ResultClassName_CIM_ComputerSystem_returns_the_hosted_virtual_systems()
    {
        using var client = server.Client();
        var systems = await SeededSystems.FindAsync(client);

        Assert.Equal(Neighbours.Sorted(SystemsOf(systems)), await NeighboursOfHostAsync(resultClass: "CIM_ComputerSystem"));
    }

    [Theory]
    [InlineData("GroupComponent", "pools")]
    [InlineData("ManagedElement", "capabilities profile")]
    [InlineData("Dependent", "")]
    [InlineData("PartComponent", "")]
    public async Task Role_is_the_part_the_host_plays(string role, string expected)
    {
        Assert.Equal(Expected(expected), await NeighboursOfHostAsync(role: role));
    }

    [Theory]
    [InlineData("PartComponent", "pools")]
    [InlineData("Capabilities", "capabilities")]
    [InlineData("ConformantStandard", "profile")]
    [InlineData("ManagedElement", "")]
    [InlineData("Antecedent", "")]
    public async Task ResultRole_is_the_part_the_result_plays(string resultRole, string expected)
    {
        Assert.Equal(Expected(expected), await NeighboursOfHostAsync(resultRole: resultRole));
    }

    [Fact]
    public async Task Role_Antecedent_returns_what_the_host_hosts()
    {
        using var client = server.Client();
        var systems = await SeededSystems.FindAsync(client);

        Assert.Equal(Neighbours.Sorted([.. SystemsOf(systems), .. Services]), await NeighboursOfHostAsync(role: "Antecedent"));
    }

    [Fact]
    public async Task All_four_narrowings_together_are_DSP1042_use_case_9_2_16()
    {
        using var client = server.Client();
        var systems = await SeededSystems.FindAsync(client);

        var eprs = await client.EprsAsync(Enumeration.AllClasses(Filters.AssociatedInstances(ModelEprs.Host,
            associationClass: "CIM_HostedSystem", role: "Antecedent", resultClass: "CIM_ComputerSystem", resultRole: "Dependent")));

        Assert.Equal(Neighbours.Sorted(SystemsOf(systems)), Neighbours.Sorted(eprs));
    }

    [Fact]
    public async Task IncludeResultProperty_projects_each_result_to_the_properties_named_in_an_XmlFragment()
    {
        using var client = server.Client();

        var items = await client.ItemsAsync(Enumeration.AllClasses(Filters.AssociatedInstances(ModelEprs.Host, resultClass: "CIM_ComputerSystem",
            includeResultProperties: ["EnabledState", "ElementName", "NoSuchProperty"])));

        Assert.All(items, i => Items.IsFragment(i, Ns.Class("CIM_ComputerSystem"), "ElementName", "EnabledState"));
        Assert.Equal(SeededSystems.InitialStates.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"),
            items.Select(i => $"{i.Value("ElementName")}={i.Value("EnabledState")}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task IncludeResultProperty_in_EnumerateObjectAndEPR_items_keeps_the_EPR()
    {
        using var client = server.Client();

        var items = await client.ItemsAsync(Enumeration.AllClasses(Filters.AssociatedInstances(ModelEprs.Host, resultClass: "CIM_ResourcePool",
            includeResultProperties: ["PoolID"]), mode: "EnumerateObjectAndEPR"));

        Assert.Equal(5, items.Count);
        Assert.All(items, item =>
        {
            var (fragment, epr) = (item.Elements().First(), Epr.From(item.Element(Ns.Wsa + "EndpointReference")!));
            Items.IsFragment(fragment, Ns.Class("CIM_ResourcePool"), "PoolID");
            Assert.Equal(epr.Selector("InstanceID"), fragment.Value("PoolID"));
        });
    }

    [Fact]
    public async Task IncludeResultProperty_is_read_in_whatever_namespace_and_the_filter_in_wsen_Filter_too()
    {
        using var client = server.Client();
        var filter = Filters.AssociatedInstances(ModelEprs.Host, resultClass: "CIM_ResourcePool", includeResultProperties: ["PoolID"]);
        // OpenPegasus writes IncludeResultProperty in the addressing namespace; Windows takes wsen:Filter as wsman:Filter.
        foreach (var include in filter.Descendants(Filters.Wsmb + "IncludeResultProperty")) include.Name = Ns.Wsa + "IncludeResultProperty";
        filter.Name = Ns.Wsen + "Filter";

        var items = await client.ItemsAsync(Enumeration.AllClasses(filter));

        Assert.Equal(5, items.Count);
        Assert.All(items, i => Items.IsFragment(i, Ns.Class("CIM_ResourcePool"), "PoolID"));
    }

    public static TheoryData<string> ResourceUris => new()
    {
        Filters.AllClassesUri,
        Filters.WmiAllClassesUri,
        Envelopes.ClassUri("CIM_ComputerSystem"),
        Envelopes.ClassUri("CIM_ManagedElement"),
        Envelopes.ClassUri("CIM_ResourcePool"),
    };

    [Theory]
    [MemberData(nameof(ResourceUris))]
    public async Task The_resource_URI_may_be_an_all_classes_URI_or_any_class_URI(string resourceUri)
    {
        using var client = server.Client();
        var systems = await SeededSystems.FindAsync(client);

        var eprs = await client.EprsAsync(new Enumeration(resourceUri, Filters.AssociatedInstances(ModelEprs.Host)));

        Assert.Equal(Neighbours.OfHost(systems.Values), Neighbours.Sorted(eprs));
    }

    [Fact]
    public async Task Optimized_then_pulled_the_results_are_the_same()
    {
        using var client = server.Client();
        var systems = await SeededSystems.FindAsync(client);
        var enumeration = Enumeration.AllClasses(Filters.AssociatedInstances(ModelEprs.Host), mode: "EnumerateEPR");

        var first = (await client.EnumerateAsync(enumeration, optimize: 5)).AssertOk().Content;
        var items = await client.ItemsAsync(enumeration, optimize: 5, pullMax: 4);

        Assert.Equal(5, first.Element(Ns.WsMan + "Items")!.Elements().Count());
        Assert.Null(first.Element(Ns.WsMan + "EndOfSequence"));
        Assert.Equal(Neighbours.OfHost(systems.Values), Neighbours.Sorted(items.Select(Epr.From)));
    }

    private static IEnumerable<string> SystemsOf(Dictionary<string, string> systems) => systems.Values.Select(uuid => "CIM_ComputerSystem " + uuid);

    /// <summary>Named groups of the host's neighbours other than its systems.</summary>
    private static string[] Expected(string groups) => Neighbours.Sorted(Items.Words(groups).SelectMany(group => group switch
    {
        "pools" => Pools,
        "services" => Services,
        "capabilities" => Capabilities,
        "profile" => ["CIM_RegisteredProfile " + Neighbours.SystemVirtualization],
        _ => throw new ArgumentException(group),
    }));

    /// <summary>The host's neighbours through the association filter with these parameters, sorted as <see cref="Neighbours.Sorted(IEnumerable{Epr})"/> sorts them.</summary>
    private async Task<string[]> NeighboursOfHostAsync(string? associationClass = null, string? role = null, string? resultClass = null, string? resultRole = null)
    {
        using var client = server.Client();
        return Neighbours.Sorted(await client.EprsAsync(Enumeration.AllClasses(
            Filters.AssociatedInstances(ModelEprs.Host, associationClass: associationClass, role: role, resultClass: resultClass, resultRole: resultRole))));
    }
}
