using System.Xml.Linq;
using WsManSvp.Server.Tests.Infrastructure;

namespace WsManSvp.Server.Tests.Navigation;

/// <summary>
/// The association filter's AssociationInstances (DSP0227 8.2.1, CIM References): the association instances
/// that refer to the Object, their reference properties EPR-valued; ResultClassName names the association
/// class, Role the part the Object plays.
/// </summary>
public sealed class AssociationInstancesTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task From_the_host_every_association_referring_to_it_is_returned_in_its_own_class()
    {
        using var client = server.Client();

        var named = await client.NamedAsync(Enumeration.AllClasses(Filters.AssociationInstances(ModelEprs.Host)));

        Assert.Equal(
            ["CIM_ElementCapabilities x5", "CIM_ElementConformsToProfile x1", "CIM_HostedDependency x4", "CIM_HostedResourcePool x5", "CIM_HostedService x2"],
            named.GroupBy(n => n.ClassName).Select(g => $"{g.Key} x{g.Count()}").Order(StringComparer.Ordinal));
        Assert.All(named, n => Assert.Equal(Ns.Class(n.ClassName) + n.ClassName, n.Instance.Name));
        Assert.All(named, n => Assert.Equal(Envelopes.ClassUri(n.ClassName), n.Path.ResourceUri));
    }

    [Fact]
    public async Task Reference_properties_are_EPRs_and_the_other_ends_are_what_AssociatedInstances_returns()
    {
        using var client = server.Client();
        var systems = await SeededSystems.FindAsync(client);

        var items = await client.ItemsAsync(Enumeration.AllClasses(Filters.AssociationInstances(ModelEprs.Host)));

        var otherEnds = new List<Epr>();
        foreach (var association in items)
        {
            var references = association.Elements().Where(p => p.Element(Ns.Wsa + "ReferenceParameters") is not null).ToList();
            Assert.Equal(2, references.Count);
            Assert.All(references, r => Assert.Equal(Envelopes.Anonymous, r.Element(Ns.Wsa + "Address")?.Value));
            var ends = references.Select(Epr.From).ToList();
            Assert.Single(ends, e => e.SameAs(ModelEprs.Host));
            otherEnds.Add(ends.Single(e => !e.SameAs(ModelEprs.Host)));
        }
        Assert.Equal(Neighbours.OfHost(systems.Values), Neighbours.Sorted(otherEnds));
    }

    [Theory]
    [InlineData("CIM_HostedDependency", "CIM_HostedDependency CIM_HostedService", 6)]
    [InlineData("CIM_HostedService", "CIM_HostedService", 2)]
    [InlineData("CIM_ElementCapabilities", "CIM_ElementCapabilities", 5)]
    [InlineData("CIM_HostedSystem", "CIM_HostedDependency CIM_HostedService", 6)]
    [InlineData("CIM_SystemDevice", "", 0)]
    public async Task ResultClassName_is_the_association_class(string resultClass, string classes, int count)
    {
        using var client = server.Client();

        var items = await client.ItemsAsync(Enumeration.AllClasses(Filters.AssociationInstances(ModelEprs.Host, resultClass: resultClass)));

        Assert.Equal(count, items.Count);
        Assert.Equal(Items.Words(classes), items.Select(i => i.Name.LocalName).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("GroupComponent", "CIM_HostedResourcePool", 5)]
    [InlineData("Antecedent", "CIM_HostedDependency CIM_HostedService", 6)]
    [InlineData("ManagedElement", "CIM_ElementCapabilities CIM_ElementConformsToProfile", 6)]
    [InlineData("Dependent", "", 0)]
    public async Task Role_is_the_part_the_Object_plays(string role, string classes, int count)
    {
        using var client = server.Client();

        var items = await client.ItemsAsync(Enumeration.AllClasses(Filters.AssociationInstances(ModelEprs.Host, role: role)));

        Assert.Equal(count, items.Count);
        Assert.Equal(Items.Words(classes), items.Select(i => i.Name.LocalName).Distinct().Order(StringComparer.Ordinal));
        Assert.All(items, i => Assert.True(Epr.From(i.Element(i.Name.Namespace + role)!).SameAs(ModelEprs.Host), i.ToString()));
    }

    [Fact]
    public async Task The_association_properties_are_there_besides_the_references()
    {
        using var client = server.Client();

        var items = await client.ItemsAsync(Enumeration.AllClasses(Filters.AssociationInstances(ModelEprs.Host, resultClass: "CIM_ElementCapabilities")));

        // DSP1043: the host's capabilities of each default pool are its Default (2); the management capabilities are neither.
        var characteristics = items.ToDictionary(
            i => Epr.From(i.Element(i.Name.Namespace + "Capabilities")!).Selector("InstanceID")!,
            i => string.Join(",", i.Elements(i.Name.Namespace + "Characteristics").Where(c => c.Attribute(Ns.Xsi + "nil") is null).Select(c => c.Value)));
        Assert.All(Neighbours.DefaultPools, p => Assert.Equal("2", characteristics["WsManSvp:AllocationCapabilities/" + p]));
    }

    [Fact]
    public async Task IncludeResultProperty_projects_the_associations_to_the_references_named()
    {
        using var client = server.Client();

        var items = await client.ItemsAsync(Enumeration.AllClasses(
            Filters.AssociationInstances(ModelEprs.Host, resultClass: "CIM_HostedService", includeResultProperties: ["Dependent"])));

        Assert.Equal(2, items.Count);
        Assert.All(items, i => Items.IsFragment(i, Ns.Class("CIM_HostedService"), "Dependent"));
        Assert.Equal(["CIM_VirtualSystemManagementService", "CIM_VirtualSystemSnapshotService"],
            items.Select(i => Epr.From(i.Elements().Single()).ClassName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task From_a_running_system_its_CIM_SystemDevice_associations_name_it_as_GroupComponent()
    {
        using var client = server.Client();
        var web01 = ModelEprs.System(await SeededSystems.NameOfAsync(client, "web01"));

        var items = await client.ItemsAsync(Enumeration.AllClasses(Filters.AssociationInstances(web01, resultClass: "CIM_SystemDevice", role: "GroupComponent")));

        Assert.Equal(5, items.Count);
        Assert.All(items, i => Assert.True(Reference(i, "GroupComponent").SameAs(web01)));
        Assert.Equal(["CIM_EthernetPort", "CIM_LogicalDisk", "CIM_Memory", "CIM_Processor", "CIM_Processor"],
            items.Select(i => Reference(i, "PartComponent").ClassName).Order(StringComparer.Ordinal));
    }

    private static Epr Reference(XElement association, string role) => Epr.From(association.Element(association.Name.Namespace + role)!);
}
