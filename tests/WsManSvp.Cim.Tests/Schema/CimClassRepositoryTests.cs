using WsManSvp.Cim.Model;
using WsManSvp.Cim.Mof;
using WsManSvp.Cim.Schema;

namespace WsManSvp.Cim.Tests.Schema;

public class CimClassRepositoryTests
{
    private static readonly CimClassRepository Repository = CimClassRepository.FromMof([("base.mof", """
        [Abstract]
        class Test_Element {
           string InstanceID;
           string Caption;
           [ValueMap {"0", "2"}] uint16 State;
           uint32 Reset();
           uint32 Stop([In] uint16 Mode);
        };
        """), ("derived.mof", """
        class Test_System : Test_Element {
           [Key] string CreationClassName;
           [Key, Override("InstanceID")] string InstanceID;
           [Override("State")] uint16 State;
           string alpha;
           [EmbeddedInstance("Test_Setting")] string Settings[];
           Test_Element REF Parent;
           uint32 Stop(uint16 Mode, [In(false), Out] Test_Element REF Job, [Out] string Echo[], [In(false)] uint8 Nowhere);
        };
        [Association]
        class Test_Link {
           [Key] Test_Element REF Antecedent;
           [Key] Test_Element REF Dependent;
        };
        [Indication]
        class Test_Event { string Message; };
        class Test_Computer : Test_System {
           [Override("Caption")] string Caption;
        };
        class Test_Virtual : Test_Computer { };
        class Test_Appliance : Test_System { };
        class Test_SubLink : Test_Link { };
        """)]);

    private static CimClass Class(string name) => Repository.GetClass(name) ?? throw new InvalidOperationException(name);

    [Fact]
    public void Inherited_properties_come_first_and_overrides_keep_their_position()
    {
        var system = Class("Test_System");

        Assert.Equal(["InstanceID", "Caption", "State", "CreationClassName", "alpha", "Settings", "Parent"], system.Properties.Select(p => p.Name));
        Assert.Equal(Enumerable.Range(0, 7), system.Properties.Select(p => p.Index));
        Assert.Equal(["Test_Element", "Test_Element", "Test_Element", "Test_System", "Test_System", "Test_System", "Test_System"],
            system.Properties.Select(p => p.DeclaringClass));
        Assert.Same(Class("Test_Element"), system.Superclass);
        Assert.Null(Class("Test_Element").Superclass);
    }

    [Fact]
    public void Keys_are_declared_or_inherited()
    {
        Assert.Empty(Class("Test_Element").KeyProperties);
        Assert.Equal(["InstanceID", "CreationClassName"], Class("Test_System").KeyProperties.Select(p => p.Name));
        // Test_Computer overrides Caption without Key and inherits both keys unchanged.
        Assert.Equal(["InstanceID", "CreationClassName"], Class("Test_Virtual").KeyProperties.Select(p => p.Name));
        Assert.False(Class("Test_Element").GetProperty("InstanceID")!.IsKey);
        Assert.True(Class("Test_Virtual").GetProperty("InstanceID")!.IsKey);
    }

    [Fact]
    public void Property_details_follow_the_declaration()
    {
        var system = Class("Test_System");

        var settings = system.GetProperty("SETTINGS")!;
        Assert.Equal((CimType.String, true, "Test_Setting"), (settings.Type, settings.IsArray, settings.EmbeddedInstance));
        var parent = system.GetProperty("parent")!;
        Assert.Equal((CimType.Reference, false, "Test_Element"), (parent.Type, parent.IsArray, parent.ReferenceClass));
        Assert.Null(system.GetProperty("InstanceID")!.ReferenceClass);
        // An override without ValueMap keeps the inherited one.
        Assert.Equal(["0", "2"], system.GetProperty("State")!.ValueMap);
        Assert.Empty(system.GetProperty("Caption")!.ValueMap);
        Assert.Equal("uint16 State", system.GetProperty("State")!.ToString());
        Assert.Equal("string[] Settings", settings.ToString());
        Assert.Equal("Settings"u8.ToArray(), settings.Utf8Name);
        Assert.Null(system.GetProperty("Missing"));
    }

    [Fact]
    public void Xml_order_is_alphabetical_ignoring_case()
    {
        Assert.Equal(["alpha", "Caption", "CreationClassName", "InstanceID", "Parent", "Settings", "State"],
            Class("Test_System").XmlOrder.Select(p => p.Name));
    }

    [Fact]
    public void Methods_are_inherited_and_overridden()
    {
        var element = Class("Test_Element");
        var computer = Class("Test_Computer");

        Assert.Equal(["Reset", "Stop"], computer.Methods.Select(m => m.Name).Order());
        var reset = computer.GetMethod("reset")!;
        Assert.Same(element.GetMethod("Reset"), reset);
        Assert.Equal(("Test_Element", CimType.UInt32), (reset.DeclaringClass, reset.ReturnType));
        Assert.Empty(reset.Parameters);

        Assert.Equal("Test_Element", element.GetMethod("Stop")!.DeclaringClass);
        var stop = computer.GetMethod("Stop")!;
        Assert.Equal("Test_System", stop.DeclaringClass);
        Assert.Equal(
        [
            ("Mode", CimType.UInt16, false, true, false, null),
            ("Job", CimType.Reference, false, false, true, "Test_Element"),
            ("Echo", CimType.String, true, true, true, null),
            ("Nowhere", CimType.UInt8, false, false, false, (string?)null),
        ], stop.Parameters.Select(p => (p.Name, p.Type, p.IsArray, p.IsIn, p.IsOut, p.ReferenceClass)));
        Assert.Same(stop.Parameters[1], stop.GetParameter("JOB"));
        Assert.Null(stop.GetParameter("Other"));
        Assert.Null(computer.GetMethod("Start"));
    }

    [Fact]
    public void Parameter_qualifiers_give_value_maps_and_embedded_instances()
    {
        var repository = CimClassRepository.FromMof([("m.mof", """
            class Test_A {
               uint32 M([ValueMap {"2", "3"}] uint16 State, [EmbeddedInstance("Test_B")] string Data);
            };
            """)]);

        var m = repository.GetClass("Test_A")!.GetMethod("M")!;

        Assert.Equal(["2", "3"], m.GetParameter("State")!.ValueMap);
        Assert.Equal("Test_B", m.GetParameter("Data")!.EmbeddedInstance);
    }

    [Fact]
    public void Class_flags_are_read_and_association_and_indication_are_inherited()
    {
        Assert.True(Class("Test_Element").IsAbstract);
        Assert.False(Class("Test_System").IsAbstract);
        Assert.True(Class("Test_Link").IsAssociation);
        Assert.True(Class("Test_SubLink").IsAssociation);
        Assert.False(Class("Test_System").IsAssociation);
        Assert.True(Class("Test_Event").IsIndication);
        Assert.False(Class("Test_Link").IsIndication);
    }

    [Fact]
    public void IsA_walks_the_superclass_chain_ignoring_case()
    {
        var virtualSystem = Class("Test_Virtual");

        Assert.True(virtualSystem.IsA("Test_Virtual"));
        Assert.True(virtualSystem.IsA("test_system"));
        Assert.True(virtualSystem.IsA("Test_Element"));
        Assert.False(virtualSystem.IsA("Test_Appliance"));
        Assert.False(Class("Test_System").IsA("Test_Computer"));
    }

    [Fact]
    public void SelfAndSubclasses_lists_most_general_first_then_by_name()
    {
        Assert.Equal(["Test_System", "Test_Appliance", "Test_Computer", "Test_Virtual"],
            Repository.SelfAndSubclasses(Class("Test_System")).Select(c => c.Name));
        Assert.Equal(["Test_Virtual"], Repository.SelfAndSubclasses(Class("Test_Virtual")).Select(c => c.Name));
        Assert.Equal(["Test_Element", "Test_System", "Test_Appliance", "Test_Computer", "Test_Virtual"],
            Repository.SelfAndSubclasses(Class("Test_Element")).Select(c => c.Name));
    }

    [Fact]
    public void Class_lookup_ignores_case()
    {
        Assert.Same(Class("Test_System"), Repository.GetClass("TEST_SYSTEM"));
        Assert.Null(Repository.GetClass("Test_Missing"));
        Assert.Equal(8, Repository.Classes.Count());
    }

    [Theory]
    [InlineData("class Test_B : Test_Missing { };", "b.mof:1: class Test_B derives from Test_Missing, which is not declared.")]
    [InlineData("class Test_A { };\nclass TEST_A { };", "b.mof:2: class TEST_A is declared twice.")]
    [InlineData("class Test_A { string P; };\nclass Test_B : Test_A { uint16 P; };", "b.mof:2: Test_B.P changes the type it inherits.")]
    [InlineData("class Test_A { string P; };\nclass Test_B : Test_A { string P[]; };", "b.mof:2: Test_B.P changes the type it inherits.")]
    [InlineData("class Test_A { float P; };", "b.mof:1: Test_A.P has unknown type 'float'.")]
    [InlineData("class Test_A { uint32 M(money Amount); };", "b.mof:1: Test_A.M(Amount) has unknown type 'money'.")]
    [InlineData("class Test_A : Test_B { };\nclass Test_B : Test_A { };", "b.mof:1: class Test_A derives from itself.")]
    [InlineData("class Test_A {\n  string ;\n};", "b.mof: line 2, column 10: expected property or method name, found ';'")]
    public void Bad_declarations_are_rejected_naming_the_source(string mof, string message)
    {
        var e = Assert.Throws<CimSchemaException>(() => CimClassRepository.FromMof([("b.mof", mof)]));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void A_class_declared_in_two_files_is_rejected()
    {
        var e = Assert.Throws<CimSchemaException>(() =>
            CimClassRepository.FromMof([("one.mof", "class Test_A { };"), ("two.mof", "class Test_A { };")]));

        Assert.Equal("two.mof:1: class Test_A is declared twice.", e.Message);
    }

    [Fact]
    public void LoadEmbedded_loads_every_file_in_schemas()
    {
        var repository = CimClassRepository.LoadEmbedded();

        var files = Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "schemas"), "*.mof");
        Assert.NotEmpty(files);
        var expected = files.SelectMany(f => MofParser.Parse(File.ReadAllText(f)).Classes.Select(c => c.Name)).Order(StringComparer.Ordinal);
        Assert.Equal(expected, repository.Classes.Select(c => c.Name).Order(StringComparer.Ordinal));
        var vsms = repository.GetClass("CIM_VirtualSystemManagementService")!;
        // Name overrides CIM_ManagedSystemElement.Name in place, so it comes first.
        Assert.Equal(["Name", "SystemCreationClassName", "SystemName", "CreationClassName"], vsms.KeyProperties.Select(k => k.Name));
        Assert.True(vsms.IsA("CIM_ManagedElement"));
    }
}
