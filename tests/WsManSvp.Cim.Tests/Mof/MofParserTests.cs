using WsManSvp.Cim.Mof;

namespace WsManSvp.Cim.Tests.Mof;

public class MofParserTests
{
    [Fact]
    public void A_class_with_superclass_qualifiers_and_properties()
    {
        var doc = MofParser.Parse("""
            // a comment
            [Abstract, Version ( "2.19.0" ), Description ( "First "
                "second." )]
            class Test_Element : Test_Base {
               [Key, Override ( "Name" ), MaxLen ( 256 )]
               string Name;
               uint16 Codes[];
               sint64 Fixed[4];
               Test_Other REF Owner;
            };
            """);

        var cls = Assert.Single(doc.Classes);
        Assert.Empty(doc.Instances);
        Assert.Equal("Test_Element", cls.Name);
        Assert.Equal("Test_Base", cls.SuperclassName);
        Assert.Equal(4, cls.Line); // the line of the class keyword
        Assert.True(cls.Qualifiers.Has("abstract"));
        Assert.Equal("2.19.0", cls.Qualifiers.StringOf("Version"));
        Assert.Equal("First second.", cls.Qualifiers.StringOf("Description"));
        Assert.Equal(
        [
            new MofType("string", false, false),
            new MofType("uint16", false, true),
            new MofType("sint64", false, true),
            new MofType("Test_Other", true, false),
        ], cls.Properties.Select(p => p.Type));
        Assert.Equal(["Name", "Codes", "Fixed", "Owner"], cls.Properties.Select(p => p.Name));
        var name = cls.Properties[0];
        Assert.True(name.Qualifiers.Has("Key"));
        Assert.Equal("Name", name.Qualifiers.StringOf("override"));
        Assert.Equal(new MofValue.Number("256"), name.Qualifiers.Find("MaxLen")!.Value);
        Assert.Null(name.Default);
    }

    [Fact]
    public void A_class_without_superclass_or_qualifiers()
    {
        var cls = Assert.Single(MofParser.Parse("class Test_Root { };").Classes);

        Assert.Null(cls.SuperclassName);
        Assert.Empty(cls.Qualifiers);
        Assert.Empty(cls.Properties);
        Assert.Empty(cls.Methods);
    }

    [Fact]
    public void ValueMap_braces_become_an_array_of_strings()
    {
        var cls = Assert.Single(MofParser.Parse("""
            class Test_A {
               [ValueMap {"0", "2", "..", "0x8000.."}, Values {"Unknown", "OK", "DMTF Reserved", "Vendor"}]
               uint16 State;
            };
            """).Classes);

        var q = cls.Properties[0].Qualifiers;
        Assert.Equal(["0", "2", "..", "0x8000.."], q.Find("ValueMap")!.Strings);
        Assert.Equal(["Unknown", "OK", "DMTF Reserved", "Vendor"], q.Find("Values")!.Strings);
    }

    [Fact]
    public void Qualifier_helpers_read_strings_and_booleans()
    {
        IReadOnlyList<MofQualifier> qualifiers =
        [
            new("Required", null),
            new("In", new MofValue.Boolean(false)),
            new("Out", new MofValue.Boolean(true)),
            new("Override", new MofValue.String("Name")),
            new("MaxLen", new MofValue.Number("16")),
        ];

        Assert.True(qualifiers.Has("required"));
        Assert.False(qualifiers.Has("In"));
        Assert.True(qualifiers.Has("OUT"));
        Assert.False(qualifiers.Has("Key"));
        Assert.Equal("Name", qualifiers.StringOf("override"));
        Assert.Null(qualifiers.StringOf("MaxLen"));
        Assert.Equal(["Name"], qualifiers.Find("Override")!.Strings);
        Assert.Empty(qualifiers.Find("MaxLen")!.Strings);
    }

    [Fact]
    public void Qualifier_flavors_after_a_colon_are_accepted()
    {
        var cls = Assert.Single(MofParser.Parse("""
            class Test_A {
               [Key : DisableOverride ToSubclass, Description ("d") : Translatable]
               string Id;
            };
            """).Classes);

        Assert.Equal(["Key", "Description"], cls.Properties[0].Qualifiers.Select(q => q.Name));
        Assert.Equal("d", cls.Properties[0].Qualifiers.StringOf("Description"));
    }

    [Fact]
    public void Default_values_of_every_kind()
    {
        var cls = Assert.Single(MofParser.Parse("""
            class Test_A {
               uint16 Count = 5;
               sint32 Negative = -12;
               real64 Ratio = 1.5e3;
               uint32 Mask = 0x8000;
               boolean Flag = TRUE;
               string Text = "a" "b";
               char16 Letter = 'x';
               string Empty = NULL;
               string List[] = {"one", "two"};
               uint8 None[] = {};
            };
            """).Classes);

        Assert.Equal<MofValue?>(
        [
            new MofValue.Number("5"),
            new MofValue.Number("-12"),
            new MofValue.Number("1.5e3"),
            new MofValue.Number("0x8000"),
            new MofValue.Boolean(true),
            new MofValue.String("ab"),
            new MofValue.Char('x'),
            new MofValue.Null(),
        ], cls.Properties.Take(8).Select(p => p.Default));
        var list = Assert.IsType<MofValue.Array>(cls.Properties[8].Default);
        Assert.Equal<MofValue>([new MofValue.String("one"), new MofValue.String("two")], list.Items);
        Assert.Empty(Assert.IsType<MofValue.Array>(cls.Properties[9].Default).Items);
    }

    [Fact]
    public void Methods_with_parameters_directions_arrays_and_references()
    {
        var cls = Assert.Single(MofParser.Parse("""
            class Test_Service {
               [Description ("Starts.")]
               uint32 StartService();
               uint32 Define(
                  [In, EmbeddedInstance ( "Test_Setting" )]
                  string Settings[],
                  [In ( false ), Out]
                  Test_Job REF Job,
                  Test_Thing REF Targets[],
                  uint16 Mode = 2);
            };
            """).Classes);

        Assert.Empty(cls.Properties);
        Assert.Equal(["StartService", "Define"], cls.Methods.Select(m => m.Name));
        var start = cls.Methods[0];
        Assert.Equal(new MofType("uint32", false, false), start.ReturnType);
        Assert.Empty(start.Parameters);
        Assert.Equal("Starts.", start.Qualifiers.StringOf("Description"));

        var define = cls.Methods[1];
        Assert.Equal(["Settings", "Job", "Targets", "Mode"], define.Parameters.Select(p => p.Name));
        Assert.Equal(
        [
            new MofType("string", false, true),
            new MofType("Test_Job", true, false),
            new MofType("Test_Thing", true, true),
            new MofType("uint16", false, false),
        ], define.Parameters.Select(p => p.Type));
        var settings = define.Parameters[0].Qualifiers;
        Assert.True(settings.Has("In"));
        Assert.Equal("Test_Setting", settings.StringOf("EmbeddedInstance"));
        var job = define.Parameters[1].Qualifiers;
        Assert.NotNull(job.Find("In"));
        Assert.False(job.Has("In"));
        Assert.True(job.Has("Out"));
        Assert.Empty(define.Parameters[2].Qualifiers);
    }

    [Fact]
    public void Instances_with_aliases_arrays_and_references()
    {
        var doc = MofParser.Parse("""
            instance of Test_Setting as $First
            {
               InstanceID = "a:1";
               Codes = {1, 2, 3};
               Names = {"x", "y"};
               Enabled = false;
               Letter = '\n';
            };

            instance of Test_Link {
               [Description ("the first")]
               Setting = $First;
               Missing = null;
            };
            """);

        Assert.Empty(doc.Classes);
        Assert.Equal(2, doc.Instances.Count);
        var first = doc.Instances[0];
        Assert.Equal("Test_Setting", first.ClassName);
        Assert.Equal("First", first.Alias);
        Assert.Equal(1, first.Line);
        Assert.Equal(["InstanceID", "Codes", "Names", "Enabled", "Letter"], first.Properties.Select(p => p.Name));
        Assert.Equal(new MofValue.String("a:1"), first.Properties[0].Value);
        Assert.Equal<MofValue>([new MofValue.Number("1"), new MofValue.Number("2"), new MofValue.Number("3")],
            Assert.IsType<MofValue.Array>(first.Properties[1].Value).Items);
        Assert.Equal<MofValue>([new MofValue.String("x"), new MofValue.String("y")],
            Assert.IsType<MofValue.Array>(first.Properties[2].Value).Items);
        Assert.Equal(new MofValue.Boolean(false), first.Properties[3].Value);
        Assert.Equal(new MofValue.Char('\n'), first.Properties[4].Value);

        var link = doc.Instances[1];
        Assert.Null(link.Alias);
        Assert.Equal(10, link.Line);
        Assert.Equal(new MofValue.Alias("First"), link.Properties[0].Value);
        Assert.Equal(new MofValue.Null(), link.Properties[1].Value);
    }

    [Fact]
    public void Comments_pragmas_and_qualifier_declarations_are_skipped()
    {
        var doc = MofParser.Parse("""
            #pragma locale ("en_US")
            #pragma include ("Core/CIM_ManagedElement.mof")
            /* a block comment
               over several lines, with "quotes" and class Fake { }; */
            Qualifier Key : boolean = false, Scope(property, reference),
                Flavor(DisableOverride, ToSubclass);
            Qualifier ValueMap : string[], Scope(property, method, parameter);
            class Test_A { // trailing comment
               string /* inline */ Name;
            };
            """);

        var cls = Assert.Single(doc.Classes);
        Assert.Equal("Test_A", cls.Name);
        Assert.Equal(8, cls.Line);
        Assert.Equal("Name", Assert.Single(cls.Properties).Name);
    }

    [Fact]
    public void Keywords_are_case_insensitive()
    {
        var doc = MofParser.Parse("""
            CLASS Test_A { Test_B ref Other; };
            INSTANCE OF Test_A AS $a { Other = NULL; };
            """);

        Assert.Equal(new MofType("Test_B", true, false), Assert.Single(doc.Classes).Properties[0].Type);
        Assert.Equal("a", Assert.Single(doc.Instances).Alias);
    }

    [Theory]
    [InlineData(@"""tab\tnew\nline""", "tab\tnew\nline")]
    [InlineData(@"""q\""uote\\back""", "q\"uote\\back")]
    [InlineData(@"""\b\f\r\'""", "\b\f\r'")]
    [InlineData(@"""\x41\X00e9""", "Aé")]
    [InlineData(@"""\x0041BC""", "ABC")]
    [InlineData(@"""a"" ""b"" ""c""", "abc")]
    [InlineData(@"""""", "")]
    public void String_escapes_and_concatenation(string literal, string expected)
    {
        var instance = Assert.Single(MofParser.Parse($"instance of Test_A {{ Text = {literal}; }};").Instances);

        Assert.Equal(new MofValue.String(expected), instance.Properties[0].Value);
    }

    [Fact]
    public void A_byte_order_mark_is_ignored()
    {
        Assert.Equal("Test_A", Assert.Single(MofParser.Parse("\uFEFFclass Test_A { };").Classes).Name);
    }
}
