using WsManSvp.Cim.Model;
using WsManSvp.Cim.Providers;
using WsManSvp.Cim.Schema;
using WsManSvp.Cim.Xml;

namespace WsManSvp.Cim.Tests.Providers;

public class CimOperationsTests
{
    private static readonly CimCallContext Context = new("tester", CancellationToken.None);

    private readonly FakeProvider _computers = new FakeProvider(new ProvidedClass("root/cimv2", "Test_ComputerSystem"))
        .With(FakeProvider.System("Test_ComputerSystem", "host"));

    private readonly FakeProvider _virtuals = new FakeProvider(new ProvidedClass("root/cimv2", "Test_VirtualSystem"))
        .With(FakeProvider.System("Test_VirtualSystem", "vm1"))
        .With(FakeProvider.System("Test_VirtualSystem", "vm2"))
        .With(FakeProvider.System("Test_VirtualSystem", "VM2-copy"));

    private readonly FakeProvider _settings = new FakeProvider(
            new ProvidedClass("root/interop", "Test_Setting"), new ProvidedClass("root/interop", "Test_TunedSetting"))
        .With(FakeProvider.Setting("Test_Setting", "plain", "root/interop"))
        .With(FakeProvider.Setting("Test_TunedSetting", "tuned", "root/interop"));

    private CimOperations Operations() => new(TestSchema.Repository, [_computers, _virtuals, _settings]);

    private static CimObjectPath SystemPath(string className, string name, string requestedClassKey) =>
        new("root/cimv2", className, [new("CreationClassName", CimValue.String(requestedClassKey)), new("Name", CimValue.String(name))]);

    private static CimObjectPath PartialPath(string className, string key, string value, string @namespace = "root/cimv2") =>
        new(@namespace, className, [new(key, CimValue.String(value))]);

    [Fact]
    public void The_namespaces_are_those_providers_serve()
    {
        Assert.Equal(["root/cimv2", "root/interop"], Operations().Namespaces.Order(StringComparer.Ordinal));
        Assert.Same(TestSchema.Repository, Operations().Repository);
    }

    [Fact]
    public void A_provider_for_an_undeclared_class_is_rejected_at_construction()
    {
        var e = Assert.Throws<CimSchemaException>(() =>
            new CimOperations(TestSchema.Repository, [new FakeProvider(new ProvidedClass("root/cimv2", "Test_Missing"))]));

        Assert.Equal("A provider serves Test_Missing, which is not declared in schemas/.", e.Message);
    }

    [Fact]
    public void Two_providers_for_one_class_are_rejected_at_construction()
    {
        var e = Assert.Throws<CimSchemaException>(() => new CimOperations(TestSchema.Repository,
            [_computers, new FakeProvider(new ProvidedClass("root/cimv2", "test_computersystem"))]));

        Assert.Equal("Two providers serve root/cimv2:Test_ComputerSystem.", e.Message);
    }

    [Fact]
    public async Task Enumerate_includes_subclasses_most_general_first()
    {
        var operations = Operations();

        var all = await operations.EnumerateInstancesAsync(TestSchema.Class("Test_System"), "root/cimv2", Context).ToListAsync();
        var virtuals = await operations.EnumerateInstancesAsync(TestSchema.Class("Test_VirtualSystem"), "root/cimv2", Context).ToListAsync();

        Assert.Equal(["host", "vm1", "vm2", "VM2-copy"], all.Select(i => i["Name"].AsString()));
        Assert.Equal(["Test_ComputerSystem", "Test_VirtualSystem", "Test_VirtualSystem", "Test_VirtualSystem"], all.Select(i => i.Class.Name));
        Assert.Equal(["vm1", "vm2", "VM2-copy"], virtuals.Select(i => i["Name"].AsString()));
    }

    [Fact]
    public async Task Enumerate_is_per_namespace()
    {
        var operations = Operations();

        Assert.Empty(await operations.EnumerateInstancesAsync(TestSchema.Class("Test_System"), "root/interop", Context).ToListAsync());
        Assert.Equal(["plain", "tuned"],
            (await operations.EnumerateInstancesAsync(TestSchema.Class("Test_ManagedElement"), "root/interop", Context).ToListAsync())
            .Select(i => i["InstanceID"].AsString()));
        Assert.Empty(_computers.Calls);
    }

    [Fact]
    public async Task Get_through_a_superclass_goes_straight_to_the_class_CreationClassName_names()
    {
        var instance = await Operations().GetInstanceAsync(TestSchema.Class("Test_System"),
            SystemPath("Test_System", "vm1", "Test_VirtualSystem"), Context);

        Assert.Equal(("Test_VirtualSystem", "vm1"), (instance!.Class.Name, instance["Name"].AsString()));
        Assert.Empty(_computers.Calls);
        Assert.Equal(["Get root/cimv2:Test_VirtualSystem.CreationClassName=\"Test_VirtualSystem\",Name=\"vm1\""], _virtuals.Calls);
    }

    [Fact]
    public async Task Get_of_an_instance_that_does_not_exist_is_null()
    {
        var operations = Operations();

        Assert.Null(await operations.GetInstanceAsync(TestSchema.Class("Test_System"), SystemPath("Test_System", "nope", "Test_VirtualSystem"), Context));
        Assert.Null(await operations.GetInstanceAsync(TestSchema.Class("Test_System"), SystemPath("Test_System", "vm1", "Test_Unknown"), Context));
        Assert.Null(await operations.GetInstanceAsync(TestSchema.Class("Test_VirtualSystem"), SystemPath("Test_VirtualSystem", "host", "Test_ComputerSystem"), Context));
        Assert.Empty(_computers.Calls);
    }

    [Fact]
    public async Task Get_without_CreationClassName_asks_each_class_in_turn()
    {
        var path = new CimObjectPath("root/interop", "Test_Setting", [new("InstanceID", CimValue.String("tuned"))]);

        var instance = await Operations().GetInstanceAsync(TestSchema.Class("Test_Setting"), path, Context);

        Assert.Equal("Test_TunedSetting", instance!.Class.Name);
        Assert.Equal(
            ["Get root/interop:Test_Setting.InstanceID=\"tuned\"", "Get root/interop:Test_TunedSetting.InstanceID=\"tuned\""],
            _settings.Calls);
    }

    [Fact]
    public async Task Partial_keys_find_the_one_instance_they_match_ignoring_case()
    {
        var instance = await Operations().GetInstanceAsync(TestSchema.Class("Test_System"), PartialPath("Test_System", "Name", "VM1"), Context);

        Assert.Equal(("Test_VirtualSystem", "vm1"), (instance!.Class.Name, instance["Name"].AsString()));
    }

    [Fact]
    public async Task Partial_keys_matching_nothing_give_null()
    {
        Assert.Null(await Operations().GetInstanceAsync(TestSchema.Class("Test_System"), PartialPath("Test_System", "Name", "vm9"), Context));
    }

    [Fact]
    public async Task Partial_keys_matching_several_instances_are_insufficient()
    {
        var e = await Assert.ThrowsAsync<CimSelectorException>(async () =>
            await Operations().GetInstanceAsync(TestSchema.Class("Test_System"), PartialPath("Test_System", "CreationClassName", "Test_VirtualSystem"), Context));

        Assert.Equal(SelectorProblem.InsufficientSelectors, e.Problem);
        Assert.Equal("The selectors given match more than one Test_System; give all of its keys: CreationClassName, Name.", e.Message);
    }

    [Fact]
    public async Task Invoke_goes_to_the_provider_of_the_instance_found()
    {
        var method = TestSchema.Class("Test_System").GetMethod("RequestStateChange")!;
        var arguments = new Dictionary<string, CimValue>(StringComparer.OrdinalIgnoreCase) { ["Echo"] = CimValue.String("hi") };

        var result = await Operations().InvokeMethodAsync(TestSchema.Class("Test_System"), PartialPath("Test_System", "Name", "vm2"), method, arguments, Context);

        Assert.Equal(CimValue.UInt32(0), result.ReturnValue);
        Assert.Equal(CimValue.String("hi"), result.OutParameters["echo"]);
        Assert.Equal(
            ["Enumerate root/cimv2:Test_VirtualSystem", "Invoke RequestStateChange on root/cimv2:Test_VirtualSystem.CreationClassName=\"Test_VirtualSystem\",Name=\"vm2\""],
            _virtuals.Calls);
    }

    [Fact]
    public async Task Invoke_on_a_missing_instance_is_not_found()
    {
        var method = TestSchema.Class("Test_System").GetMethod("RequestStateChange")!;

        var e = await Assert.ThrowsAsync<CimException>(async () => await Operations().InvokeMethodAsync(
            TestSchema.Class("Test_System"), SystemPath("Test_System", "gone", "Test_VirtualSystem"), method, new Dictionary<string, CimValue>(), Context));

        Assert.Equal(CimStatus.NotFound, e.Status);
        Assert.False(e.Unavailable);
        Assert.Equal("No Test_System instance matches the selectors.", e.Message);
    }
}
