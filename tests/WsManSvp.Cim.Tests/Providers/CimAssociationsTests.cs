using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Xml;
using static WsManSvp.Cim.Tests.Providers.AssociationSchema;

namespace WsManSvp.Cim.Tests.Providers;

public class CimAssociationsTests
{
    private static readonly CimCallContext Context = new("tester", CancellationToken.None);

    private static readonly CimInstance H1 = Element("Test_Host", "h1");
    private static readonly CimInstance G1 = Element("Test_Guest", "g1");
    private static readonly CimInstance G2 = Element("Test_Guest", "g2");
    private static readonly CimInstance G3 = Element("Test_Guest", "g3");
    private static readonly CimInstance P1 = Profile("P1");

    private readonly FakeProvider _hosts = new FakeProvider(new ProvidedClass(Cimv2, "Test_Host")).With(H1);

    private readonly FakeProvider _guests = new FakeProvider(new ProvidedClass(Cimv2, "Test_Guest")).With(G1).With(G2).With(G3);

    private readonly FakeProvider _profiles = new FakeProvider(new ProvidedClass(Interop, "Test_Profile")).With(P1);

    // Not an ICimAssociationProvider: the traversal enumerates it and filters.
    private readonly FakeProvider _hosting = new FakeProvider(new ProvidedClass(Cimv2, "Test_Hosting"))
        .With(Link("Test_Hosting", ("Antecedent", H1), ("Dependent", G1)))
        .With(Link("Test_Hosting", ("Antecedent", H1), ("Dependent", G2)));

    private readonly FakeAssociationProvider _dependency = new FakeAssociationProvider(new ProvidedClass(Cimv2, "Test_Dependency"))
        .With(Link("Test_Dependency", ("Antecedent", G1), ("Dependent", G2)));

    // Reflexive: g1 and g2 are peers, and g3 is its own.
    private readonly FakeProvider _peers = new FakeProvider(new ProvidedClass(Cimv2, "Test_Peer"))
        .With(Link("Test_Peer", ("Left", G1), ("Right", G2)))
        .With(Link("Test_Peer", ("Left", G3), ("Right", G3)));

    // Served in both namespaces; the profile is in root/interop, the host in root/cimv2.
    private readonly FakeAssociationProvider _conformance = new FakeAssociationProvider(
            new ProvidedClass(Interop, "Test_ConformsToProfile"), new ProvidedClass(Cimv2, "Test_ConformsToProfile"))
        .With(Link("Test_ConformsToProfile", ("Standard", P1), ("Element", H1), Interop))
        .With(Link("Test_ConformsToProfile", ("Standard", P1), ("Element", H1), Cimv2));

    private CimAssociations Associations() =>
        new(new CimOperations(Repository, [_hosts, _guests, _profiles, _hosting, _dependency, _peers, _conformance]));

    private static CimObjectPath PartialPath(string className, string name) =>
        new(Cimv2, className, [new CimKeyBinding("Name", CimValue.String(name))]);

    /// <summary>An association as "namespace:class end end", each end by its Name or InstanceID.</summary>
    private static string Describe(CimInstance association) =>
        $"{association.Namespace}:{association.Class.Name} " + string.Join(" ", association.Class.Properties
            .Where(p => p.Type == CimType.Reference).Select(p => association[p].AsReference())
            .Select(r => r.StringKey("Name") ?? r.StringKey("InstanceID")));

    private async Task<List<string>> ReferencesAsync(CimObjectPath source, string? associationClass = null, string? role = null,
        string @namespace = Cimv2) =>
        (await Associations().ReferencesAsync(source, @namespace, associationClass, role, Context).ToListAsync())
        .Select(Describe).Order(StringComparer.Ordinal).ToList();

    private async Task<List<string>> AssociatorsAsync(CimObjectPath source, string? associationClass = null, string? resultClass = null,
        string? role = null, string? resultRole = null, string @namespace = Cimv2) =>
        (await Associations().AssociatorsAsync(source, @namespace, associationClass, resultClass, role, resultRole, Context).ToListAsync())
        .Select(i => $"{i.Namespace}:{i.Class.Name} {i.GetPath().StringKey("Name") ?? i.GetPath().StringKey("InstanceID")}").ToList();

    [Fact]
    public async Task References_are_every_association_instance_that_refers_to_the_source()
    {
        Assert.Equal(
            ["root/cimv2:Test_Dependency g1 g2", "root/cimv2:Test_Hosting h1 g1", "root/cimv2:Test_Peer g1 g2"],
            await ReferencesAsync(G1.GetPath()));
        Assert.Equal(["root/cimv2:Test_ConformsToProfile P1 h1", "root/cimv2:Test_Hosting h1 g1", "root/cimv2:Test_Hosting h1 g2"],
            await ReferencesAsync(H1.GetPath()));
    }

    [Theory]
    [InlineData("Test_Dependency", new[] { "root/cimv2:Test_Dependency g1 g2", "root/cimv2:Test_Hosting h1 g1" })]
    [InlineData("test_dependency", new[] { "root/cimv2:Test_Dependency g1 g2", "root/cimv2:Test_Hosting h1 g1" })]
    [InlineData("Test_Hosting", new[] { "root/cimv2:Test_Hosting h1 g1" })]
    [InlineData("Test_Peer", new[] { "root/cimv2:Test_Peer g1 g2" })]
    [InlineData("Test_ConformsToProfile", new string[0])]
    public async Task An_association_class_keeps_its_own_instances_and_its_subclasses(string associationClass, string[] expected)
    {
        Assert.Equal(expected, await ReferencesAsync(G1.GetPath(), associationClass));
    }

    [Theory]
    [InlineData("Dependent", new[] { "root/cimv2:Test_Hosting h1 g1" })]
    [InlineData("antecedent", new[] { "root/cimv2:Test_Dependency g1 g2" })]
    [InlineData("Left", new[] { "root/cimv2:Test_Peer g1 g2" })]
    [InlineData("Right", new string[0])]
    [InlineData("Standard", new string[0])]
    public async Task A_role_keeps_the_associations_where_the_source_plays_it(string role, string[] expected)
    {
        Assert.Equal(expected, await ReferencesAsync(G1.GetPath(), role: role));
    }

    [Fact]
    public async Task Association_providers_are_asked_for_the_references_the_others_are_enumerated_and_filtered()
    {
        var references = await ReferencesAsync(G2.GetPath(), role: "Dependent");

        Assert.Equal(["root/cimv2:Test_Dependency g1 g2", "root/cimv2:Test_Hosting h1 g2"], references);
        Assert.Equal([$"References root/cimv2:Test_Dependency Dependent {G2.GetPath()}"], _dependency.Calls);
        Assert.Equal(["Enumerate root/cimv2:Test_Hosting"], _hosting.Calls);
    }

    [Fact]
    public async Task Associations_that_cannot_hold_the_source_in_the_role_are_not_asked()
    {
        Assert.Equal(["root/cimv2:Test_Hosting h1 g1", "root/cimv2:Test_Hosting h1 g2"], await ReferencesAsync(H1.GetPath(), role: "Antecedent"));
        Assert.Empty(await ReferencesAsync(G1.GetPath(), role: "Standard"));

        // A host can be no peer and no Standard; no association holds a guest as its Standard.
        Assert.Empty(_peers.Calls);
        Assert.Empty(_conformance.Calls);
        Assert.Equal(["Enumerate root/cimv2:Test_Hosting"], _hosting.Calls);
        Assert.Equal([$"References root/cimv2:Test_Dependency Antecedent {H1.GetPath()}"], _dependency.Calls);
    }

    [Fact]
    public async Task Associators_are_the_other_ends_each_returned_once()
    {
        // g2 is g1's dependent and its peer: it comes once.
        Assert.Equal(["root/cimv2:Test_Guest g2", "root/cimv2:Test_Host h1"], (await AssociatorsAsync(G1.GetPath())).Order(StringComparer.Ordinal));
        Assert.Equal(["root/cimv2:Test_Guest g1", "root/cimv2:Test_Guest g2"], (await AssociatorsAsync(H1.GetPath(), "Test_Hosting")).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null, "Test_Host", null, null, new[] { "root/cimv2:Test_Host h1" })]
    [InlineData(null, "Test_Element", null, null, new[] { "root/cimv2:Test_Guest g2", "root/cimv2:Test_Host h1" })]
    [InlineData(null, "test_guest", null, null, new[] { "root/cimv2:Test_Guest g2" })]
    [InlineData(null, "Test_Profile", null, null, new string[0])]
    [InlineData("Test_Dependency", null, null, null, new[] { "root/cimv2:Test_Guest g2", "root/cimv2:Test_Host h1" })]
    [InlineData("Test_Peer", null, null, null, new[] { "root/cimv2:Test_Guest g2" })]
    [InlineData(null, null, "Dependent", null, new[] { "root/cimv2:Test_Host h1" })]
    [InlineData(null, null, "Antecedent", null, new[] { "root/cimv2:Test_Guest g2" })]
    [InlineData(null, null, null, "Antecedent", new[] { "root/cimv2:Test_Host h1" })]
    [InlineData(null, null, null, "Dependent", new[] { "root/cimv2:Test_Guest g2" })]
    [InlineData(null, null, null, "right", new[] { "root/cimv2:Test_Guest g2" })]
    [InlineData(null, null, "Left", "Dependent", new string[0])]
    [InlineData("Test_Hosting", "Test_Guest", null, null, new string[0])]
    public async Task Associators_filter_by_association_class_result_class_role_and_result_role(string? associationClass, string? resultClass,
        string? role, string? resultRole, string[] expected)
    {
        Assert.Equal(expected, (await AssociatorsAsync(G1.GetPath(), associationClass, resultClass, role, resultRole)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_reflexive_association_is_found_from_either_end()
    {
        Assert.Equal(["root/cimv2:Test_Peer g1 g2"], await ReferencesAsync(G2.GetPath(), "Test_Peer"));
        Assert.Equal(["root/cimv2:Test_Peer g1 g2"], await ReferencesAsync(G2.GetPath(), "Test_Peer", "Right"));
        Assert.Empty(await ReferencesAsync(G2.GetPath(), "Test_Peer", "Left"));
        Assert.Equal(["root/cimv2:Test_Guest g1"], await AssociatorsAsync(G2.GetPath(), "Test_Peer"));
        Assert.Equal(["root/cimv2:Test_Guest g1"], await AssociatorsAsync(G2.GetPath(), "Test_Peer", resultRole: "Left"));
        Assert.Empty(await AssociatorsAsync(G2.GetPath(), "Test_Peer", resultRole: "Right"));
    }

    [Fact]
    public async Task An_instance_associated_with_itself_has_the_association_once_and_is_not_its_own_associator()
    {
        Assert.Equal(["root/cimv2:Test_Peer g3 g3"], await ReferencesAsync(G3.GetPath()));
        Assert.Equal(["root/cimv2:Test_Peer g3 g3"], await ReferencesAsync(G3.GetPath(), role: "Left"));
        Assert.Equal(["root/cimv2:Test_Peer g3 g3"], await ReferencesAsync(G3.GetPath(), role: "Right"));
        Assert.Empty(await AssociatorsAsync(G3.GetPath()));
        Assert.Empty(await AssociatorsAsync(G3.GetPath(), role: "Left"));
    }

    [Fact]
    public async Task References_and_associators_cross_namespaces()
    {
        // The profile is in root/interop; its conformance is served in both namespaces.
        Assert.Equal(["root/interop:Test_ConformsToProfile P1 h1"], await ReferencesAsync(H1.GetPath(), @namespace: Interop));
        Assert.Equal(["root/cimv2:Test_ConformsToProfile P1 h1"], await ReferencesAsync(P1.GetPath(), @namespace: Cimv2));
        Assert.Equal(["root/interop:Test_Profile P1"], await AssociatorsAsync(H1.GetPath(), "Test_ConformsToProfile"));
        Assert.Equal(["root/cimv2:Test_Host h1"], await AssociatorsAsync(P1.GetPath(), @namespace: Interop));
        Assert.Empty(await ReferencesAsync(H1.GetPath(), @namespace: "root/other"));
    }

    [Fact]
    public async Task A_source_named_by_some_of_its_keys_or_through_its_superclass_is_the_instance_they_match()
    {
        var full = await ReferencesAsync(G1.GetPath());
        var superclass = new CimObjectPath(Cimv2, "Test_Element",
            [new CimKeyBinding("CreationClassName", CimValue.String("Test_Guest")), new CimKeyBinding("Name", CimValue.String("g1"))]);

        Assert.Equal(full, await ReferencesAsync(PartialPath("Test_Guest", "G1")));
        Assert.Equal(full, await ReferencesAsync(PartialPath("Test_Element", "g1")));
        Assert.Equal(full, await ReferencesAsync(superclass));
        Assert.Equal(["root/cimv2:Test_Hosting h1 g1"], await ReferencesAsync(PartialPath("Test_Guest", "g1"), role: "Dependent"));
        Assert.Equal(["root/cimv2:Test_Guest g2", "root/cimv2:Test_Host h1"], (await AssociatorsAsync(PartialPath("Test_Guest", "g1"))).Order(StringComparer.Ordinal));
        Assert.Contains($"References root/cimv2:Test_Dependency * {G1.GetPath()}", _dependency.Calls);
    }

    [Fact]
    public async Task A_source_that_does_not_exist_is_not_found()
    {
        var missing = Element("Test_Guest", "g9").GetPath();

        var references = await Assert.ThrowsAsync<CimException>(() => ReferencesAsync(missing));
        var associators = await Assert.ThrowsAsync<CimException>(() => AssociatorsAsync(PartialPath("Test_Guest", "g9")));
        var unknownClass = await Assert.ThrowsAsync<CimException>(() => ReferencesAsync(PartialPath("Test_Nothing", "g1")));

        Assert.Equal(CimStatus.NotFound, references.Status);
        Assert.Equal(CimStatus.NotFound, associators.Status);
        Assert.Equal(CimStatus.InvalidClass, unknownClass.Status);
        Assert.Empty(_dependency.Calls);
    }

    [Fact]
    public async Task A_source_whose_keys_match_several_instances_is_ambiguous()
    {
        var ambiguous = new CimObjectPath(Cimv2, "Test_Guest", [new CimKeyBinding("CreationClassName", CimValue.String("Test_Guest"))]);

        var e = await Assert.ThrowsAsync<CimSelectorException>(() => ReferencesAsync(ambiguous));

        Assert.Equal(SelectorProblem.InsufficientSelectors, e.Problem);
    }

    [Fact]
    public async Task An_end_that_no_longer_exists_is_no_associator()
    {
        _hosting.With(Link("Test_Hosting", ("Antecedent", H1), ("Dependent", Element("Test_Guest", "gone"))));

        Assert.Equal(3, (await ReferencesAsync(H1.GetPath(), "Test_Hosting")).Count);
        Assert.Equal(["root/cimv2:Test_Guest g1", "root/cimv2:Test_Guest g2"], (await AssociatorsAsync(H1.GetPath(), "Test_Hosting")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Two_paths_denote_the_same_instance_through_related_classes_in_the_same_namespace_with_the_same_keys()
    {
        var associations = Associations();
        var superclass = new CimObjectPath(Cimv2, "Test_Element", G1.GetPath().Keys);

        Assert.True(associations.Denotes(G1.GetPath(), superclass));
        Assert.True(associations.Denotes(superclass, G1.GetPath()));
        // Key strings match regardless of case, as Get matches them.
        Assert.True(associations.Denotes(G1.GetPath(), new CimObjectPath(Cimv2, "Test_Guest",
            [new CimKeyBinding("Name", CimValue.String("G1")), new CimKeyBinding("CreationClassName", CimValue.String("test_guest"))])));
        Assert.False(associations.Denotes(G1.GetPath(), G2.GetPath()));
        Assert.False(associations.Denotes(G1.GetPath(), new CimObjectPath(Interop, "Test_Guest", G1.GetPath().Keys)));
        Assert.False(associations.Denotes(G1.GetPath(), new CimObjectPath(Cimv2, "Test_Host", G1.GetPath().Keys)));
        Assert.False(associations.Denotes(G1.GetPath(), PartialPath("Test_Guest", "g1")));
        Assert.False(associations.Denotes(G1.GetPath(), new CimObjectPath(Cimv2, "Test_Unknown", G1.GetPath().Keys)));
    }
}
