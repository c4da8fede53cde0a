using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Hypervisor;

namespace WsManSvp.Virtualization.Tests;

/// <summary>
/// Properties every provider of the model must have, checked over everything it serves rather than over
/// hand-picked instances: Get agrees with Enumerate, associations never dangle and answer References
/// exactly as their enumeration implies, keys are set and unique.
/// </summary>
public sealed class ModelConsistencyTests
{
    private sealed record Served(ICimProvider Provider, ProvidedClass Class, CimClass Declared, List<CimInstance> Instances)
    {
        public IReadOnlyList<CimProperty> References => Declared.Properties.Where(p => p.Type == CimType.Reference).ToList();
    }

    private static async Task<List<Served>> EnumerateAllAsync(ServedModel model)
    {
        var served = new List<Served>();
        foreach (var provider in model.Providers)
            foreach (var cls in provider.Classes)
                served.Add(new Served(provider, cls, ServedModel.Class(cls.ClassName),
                    await provider.EnumerateInstancesAsync(cls, Model.Context).ToListAsync()));
        return served;
    }

    private static IEnumerable<(string Name, CimValue Value)> Values(CimInstance instance) =>
        instance.Class.Properties.Select(p => (p.Name, instance[p]));

    private static void AssertEqualInstances(CimInstance expected, CimInstance? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal((expected.Namespace, expected.Class.Name), (actual.Namespace, actual.Class.Name));
        Assert.Equal(Values(expected), Values(actual));
    }

    private static List<string> Paths(IEnumerable<CimInstance> instances) =>
        instances.Select(i => i.GetPath().ToString()).Order(StringComparer.Ordinal).ToList();

    [Theory]
    [MemberData(nameof(ModelScenarios.All), MemberType = typeof(ModelScenarios))]
    public async Task Every_enumerated_instance_comes_back_equal_by_Get_with_its_own_path(string scenario)
    {
        await using var model = await ModelScenarios.CreateAsync(scenario);

        var served = await EnumerateAllAsync(model);

        Assert.True(served.Sum(s => s.Instances.Count) > 100);
        foreach (var (provider, cls, _, instances) in served)
        {
            foreach (var instance in instances)
            {
                Assert.Equal((cls.Namespace, cls.ClassName), (instance.Namespace, instance.Class.Name));
                AssertEqualInstances(instance, await provider.GetInstanceAsync(instance.GetPath(), Model.Context));
                AssertEqualInstances(instance, await model.GetAsync(instance.GetPath()));
            }
        }
    }

    [Theory]
    [MemberData(nameof(ModelScenarios.All), MemberType = typeof(ModelScenarios))]
    public async Task Every_key_is_set_every_path_unique_and_every_InstanceID_unique_in_its_namespace(string scenario)
    {
        await using var model = await ModelScenarios.CreateAsync(scenario);

        var served = await EnumerateAllAsync(model);

        foreach (var (_, cls, declared, instances) in served)
        {
            Assert.NotEmpty(declared.KeyProperties);
            Assert.All(instances, i => Assert.All(declared.KeyProperties, k => Assert.False(i[k].IsNull, $"{i.GetPath()}: {k.Name} is NULL")));
            Assert.Equal(instances.Count, instances.Select(i => i.GetPath()).Distinct().Count());
        }
        // Get through a superclass finds the first instance with the InstanceID, so an InstanceID names one instance in a namespace.
        foreach (var ns in served.GroupBy(s => s.Class.Namespace))
        {
            var ids = ns.Where(s => s.Declared.KeyProperties.Any(k => k.Name == "InstanceID"))
                .SelectMany(s => s.Instances).Select(i => i.Id()).ToList();
            Assert.NotEmpty(ids);
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.All(ids, id => Assert.Matches(ns.Key == CimNamespaces.Interop ? "^CIM:DSP\\d{4}-" : "^WsManSvp:.", id));
        }
    }

    [Theory]
    [MemberData(nameof(ModelScenarios.All), MemberType = typeof(ModelScenarios))]
    public async Task Every_reference_of_every_association_resolves_to_the_instance_it_names(string scenario)
    {
        await using var model = await ModelScenarios.CreateAsync(scenario);

        var associations = (await EnumerateAllAsync(model)).Where(s => s.Declared.IsAssociation).ToList();

        Assert.NotEmpty(associations);
        Assert.All(associations, a => Assert.IsAssignableFrom<ICimAssociationProvider>(a.Provider));
        foreach (var association in associations)
        {
            Assert.NotEmpty(association.Instances);
            Assert.Equal(2, association.References.Count);
            foreach (var instance in association.Instances)
            {
                foreach (var property in association.References)
                {
                    Assert.False(instance[property].IsNull, $"{instance.GetPath()}: {property.Name} is NULL");
                    var target = instance[property].AsReference();
                    var resolved = await model.GetAsync(target);
                    Assert.True(resolved is not null, $"{instance.GetPath()}: {property.Name} dangles");
                    Assert.Equal(target, resolved.GetPath());
                    Assert.True(resolved.Class.IsA(property.ReferenceClass!), $"{target} is no {property.ReferenceClass}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(ModelScenarios.All), MemberType = typeof(ModelScenarios))]
    public async Task References_of_each_element_are_exactly_the_enumerated_associations_that_refer_to_it(string scenario)
    {
        await using var model = await ModelScenarios.CreateAsync(scenario);

        var served = await EnumerateAllAsync(model);
        var everything = served.Where(s => !s.Declared.IsAssociation).SelectMany(s => s.Instances).Select(i => i.GetPath()).ToList();

        foreach (var association in served.Where(s => s.Declared.IsAssociation))
        {
            var provider = (ICimAssociationProvider)association.Provider;
            var byPath = association.Instances.ToDictionary(i => i.GetPath());
            var elements = association.Instances.SelectMany(i => association.References.Select(p => i[p].AsReference())).ToHashSet();
            foreach (var element in elements)
            {
                foreach (var role in association.References.Select(p => p.Name).Prepend(null))
                {
                    var expected = association.Instances.Where(i => association.References.Any(p =>
                        (role is null || p.Name == role) && i[p].AsReference().Equals(element))).ToList();

                    var direct = await provider.ReferencesAsync(association.Class, element, role, Model.Context).ToListAsync();
                    var traversed = (await model.Associations.ReferencesAsync(element, association.Class.Namespace,
                        association.Class.ClassName, role, Model.Context).ToListAsync()).Where(i => i.Class.Name == association.Class.ClassName);

                    Assert.Equal(Paths(expected), Paths(direct));
                    Assert.Equal(Paths(expected), Paths(traversed));
                    Assert.All(direct, i => AssertEqualInstances(byPath[i.GetPath()], i));
                }
            }
            foreach (var other in everything.Except(elements))
                Assert.Empty(await provider.ReferencesAsync(association.Class, other, null, Model.Context).ToListAsync());
        }
    }

    [Theory]
    [MemberData(nameof(ModelScenarios.All), MemberType = typeof(ModelScenarios))]
    public async Task Get_of_an_association_between_elements_it_does_not_link_is_null(string scenario)
    {
        await using var model = await ModelScenarios.CreateAsync(scenario);
        var served = await EnumerateAllAsync(model);
        var elements = served.Where(s => !s.Declared.IsAssociation).SelectMany(s => s.Instances).Select(i => i.GetPath()).ToList();

        foreach (var association in served.Where(s => s.Declared.IsAssociation))
        {
            var linked = association.Instances.Select(i => i.GetPath()).ToHashSet();
            var unlinked = 0;
            foreach (var from in association.References)
            {
                var to = association.References.Single(p => p != from);
                // The elements this association links at the other end (the near misses), and a spread of everything else it could.
                var compatible = elements.Where(e => ServedModel.Class(e.ClassName).IsA(to.ReferenceClass!)).ToList();
                var stride = Math.Max(1, compatible.Count / 100);
                var candidates = association.Instances.Select(i => i[to].AsReference())
                    .Concat(compatible.Where((_, index) => index % stride == 0)).Distinct().ToList();
                foreach (var source in association.Instances.Select(i => i[from].AsReference()).Distinct())
                {
                    foreach (var candidate in candidates)
                    {
                        var path = new CimObjectPath(association.Class.Namespace, association.Class.ClassName,
                            [new CimKeyBinding(from.Name, CimValue.Reference(source)), new CimKeyBinding(to.Name, CimValue.Reference(candidate))]);
                        if (linked.Contains(path)) continue;
                        unlinked++;
                        Assert.True(await association.Provider.GetInstanceAsync(path, Model.Context) is null, $"{path} should not exist");
                    }
                }
            }
            Assert.True(unlinked > 0, $"{association.Class} was not tried with unrelated elements");
        }
    }

    [Theory]
    [MemberData(nameof(ModelScenarios.All), MemberType = typeof(ModelScenarios))]
    public async Task Get_of_an_association_whose_reference_names_an_end_under_an_unrelated_class_is_null(string scenario)
    {
        await using var model = await ModelScenarios.CreateAsync(scenario);
        var served = await EnumerateAllAsync(model);
        var classes = served.Where(s => !s.Declared.IsAssociation).Select(s => s.Declared).ToList();

        foreach (var association in served.Where(s => s.Declared.IsAssociation))
        {
            var instance = association.Instances[0];
            foreach (var end in association.References)
            {
                var reference = instance[end].AsReference();
                var named = ServedModel.Class(reference.ClassName);
                var unrelated = classes.First(c => !c.IsA(named.Name) && !named.IsA(c.Name));

                CimObjectPath Renamed(string className) => new(instance.Namespace, instance.Class.Name, instance.GetPath().Keys
                    .Select(k => k.Name == end.Name ? new CimKeyBinding(k.Name, CimValue.Reference(new CimObjectPath(reference.Namespace, className, reference.Keys))) : k)
                    .ToArray());

                Assert.Null(await association.Provider.GetInstanceAsync(Renamed(unrelated.Name), Model.Context));
                AssertEqualInstances(instance, await association.Provider.GetInstanceAsync(Renamed(named.Name), Model.Context));
            }
        }
    }

    [Fact]
    public async Task What_a_state_change_removes_is_no_longer_found_and_what_it_adds_is()
    {
        await using var model = await ServedModel.SeededAsync();
        var before = (await EnumerateAllAsync(model)).SelectMany(s => s.Instances).Select(i => i.GetPath()).ToHashSet();

        await model.ChangeAsync("db01", StateTransition.Start);
        await model.ChangeAsync("web01", StateTransition.Save);
        var after = (await EnumerateAllAsync(model)).SelectMany(s => s.Instances).Select(i => i.GetPath()).ToHashSet();

        var removed = before.Except(after).ToList();
        var added = after.Except(before).ToList();
        // web01's State configuration and devices go, with their associations; db01's come.
        Assert.Contains(ServedModel.InstancePath("CIM_VirtualSystemSettingData", $"WsManSvp:{ServedModel.SystemName("web01")}:State"), removed);
        Assert.Contains(ServedModel.InstancePath("CIM_VirtualSystemSettingData", $"WsManSvp:{ServedModel.SystemName("db01")}:State"), added);
        Assert.All(removed, p => Assert.True(p.ToString().Contains(ServedModel.SystemName("web01"), StringComparison.Ordinal), $"{p} went"));
        Assert.All(added, p => Assert.True(p.ToString().Contains(ServedModel.SystemName("db01"), StringComparison.Ordinal), $"{p} came"));
        foreach (var path in removed) Assert.Null(await model.GetAsync(path));
        foreach (var path in added) Assert.NotNull(await model.GetAsync(path));
    }

    /// <summary>The configuration part of a resource allocation's InstanceID: "WsManSvp:{uuid}[:State]".</summary>
    private static string ConfigurationOf(string instanceId) => instanceId[..instanceId.IndexOf('/', StringComparison.Ordinal)];

    [Theory]
    [MemberData(nameof(ModelScenarios.All), MemberType = typeof(ModelScenarios))]
    public async Task Every_Parent_of_a_resource_allocation_names_an_allocation_of_the_same_configuration(string scenario)
    {
        await using var model = await ModelScenarios.CreateAsync(scenario);

        var settings = (await model.Operations.EnumerateInstancesAsync(ServedModel.Class("CIM_ResourceAllocationSettingData"),
            CimNamespaces.Cimv2, Model.Context).ToListAsync()).ToDictionary(i => i.GetPath().ToString());

        var children = settings.Values.Where(s => !s["Parent"].IsNull).ToList();
        Assert.NotEmpty(children);
        foreach (var child in children)
        {
            Assert.True(settings.TryGetValue(child.Text("Parent"), out var parent), $"{child.Id()}: Parent {child.Text("Parent")} names nothing");
            Assert.Equal(ConfigurationOf(child.Id()), ConfigurationOf(parent.Id()));
            Assert.NotEqual(child.Id(), parent.Id());
        }
    }
}
