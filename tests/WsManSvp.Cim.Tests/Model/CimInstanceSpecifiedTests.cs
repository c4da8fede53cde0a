using WsManSvp.Cim.Model;
using WsManSvp.Cim.Schema;
using WsManSvp.Cim.Tests.Xml;

namespace WsManSvp.Cim.Tests.Model;

/// <summary>Which properties were set (what a Put sent), and strings that carry embedded instances.</summary>
public class CimInstanceSpecifiedTests
{
    [Fact]
    public void A_property_is_specified_once_set_even_to_NULL_and_not_before()
    {
        var instance = new CimInstance(TestSchema.Class("Test_Setting"))
            .Set("U16", CimValue.UInt16(3))
            .Set("Caption", CimValue.Null(CimType.String))
            .Set("InstanceID", "id");

        Assert.True(instance.IsSpecified("Caption"));
        Assert.True(instance["Caption"].IsNull);
        Assert.False(instance.IsSpecified("u32"));
        Assert.True(instance["U32"].IsNull);
        Assert.Equal(["InstanceID", "Caption", "U16"], instance.SpecifiedProperties.Select(p => p.Name));
        Assert.Empty(new CimInstance(TestSchema.Class("Test_Setting")).SpecifiedProperties);
    }

    [Fact]
    public void Specified_flags_hold_for_classes_with_more_than_64_properties()
    {
        var mof = "class Wide { " + string.Concat(Enumerable.Range(0, 130).Select(i => $"uint8 P{i}; ")) + "};";
        var cls = CimClassRepository.FromMof([("wide.mof", mof)]).GetClass("Wide")!;

        var instance = new CimInstance(cls).Set("P0", CimValue.UInt8(0)).Set("P64", CimValue.UInt8(64)).Set("P129", CimValue.UInt8(129));

        Assert.Equal(["P0", "P64", "P129"], instance.SpecifiedProperties.Select(p => p.Name));
        Assert.False(instance.IsSpecified("P1") || instance.IsSpecified("P65") || instance.IsSpecified("P128"));
    }

    [Fact]
    public void A_string_with_EmbeddedInstance_takes_instances_of_that_class_or_a_derived_one()
    {
        var inner = new CimInstance(EmbeddedSchema.Class("Emb_DiskSetting")).Set("InstanceID", "d");
        var setting = new CimInstance(EmbeddedSchema.Class("Emb_Setting"))
            .Set("Inner", CimValue.Instance(inner));

        Assert.Same(inner, setting["Inner"].AsInstance());
        Assert.True(setting.Property("Inner").CarriesInstance);
        Assert.Equal(CimValue.Null(CimType.String), setting.Set("Inner", CimValue.Null(CimType.Instance))["Inner"]);
        Assert.Equal(CimValue.String("instance of Emb_Setting { };"), setting.Set("Inner", "instance of Emb_Setting { };")["Inner"]);
        Assert.Equal("Emb_Setting.Inner holds Emb_Setting instances, not a Emb_Other. (Parameter 'value')",
            Assert.Throws<ArgumentException>(() => setting.Set("Inner", CimValue.Instance(new CimInstance(EmbeddedSchema.Class("Emb_Other"))))).Message);
        Assert.Equal("Emb_Setting.Inner is string Inner, not object[]. (Parameter 'value')",
            Assert.Throws<ArgumentException>(() => setting.Set("Inner", CimValue.Array(CimType.Instance, CimValue.Instance(inner)))).Message);
    }

    [Fact]
    public void A_plain_string_takes_no_instance_and_EmbeddedObject_takes_any()
    {
        var any = new CimInstance(EmbeddedSchema.Class("Emb_Other"));
        var repository = CimClassRepository.FromMof([("e.mof", "class Holder { [EmbeddedObject] string Source; string Plain; };")]);
        var holder = new CimInstance(repository.GetClass("Holder")!).Set("Source", CimValue.Instance(any));

        Assert.Same(any, holder["Source"].AsInstance());
        Assert.Equal("Holder.Plain is string Plain, not object. (Parameter 'value')",
            Assert.Throws<ArgumentException>(() => holder.Set("Plain", CimValue.Instance(any))).Message);
    }

    [Fact]
    public void An_array_of_embedded_instances_is_checked_item_by_item()
    {
        var method = EmbeddedSchema.DefineSystem;
        var repository = CimClassRepository.FromMof([("a.mof", EmbeddedSchema.Mof + """
            class Emb_Holder { [EmbeddedInstance("Emb_Setting")] string Settings[]; };
            """)]);
        var settings = CimValue.Array(CimType.Instance,
            CimValue.Instance(new CimInstance(repository.GetClass("Emb_Setting")!)), CimValue.Instance(new CimInstance(repository.GetClass("Emb_Other")!)));

        var e = Assert.Throws<ArgumentException>(() => new CimInstance(repository.GetClass("Emb_Holder")!).Set("Settings", settings));

        Assert.Equal("Emb_Holder.Settings holds Emb_Setting instances, not a Emb_Other. (Parameter 'value')", e.Message);
        Assert.True(method.GetParameter("ResourceSettings")!.CarriesInstance);
        Assert.True(method.GetParameter("Anything")!.CarriesInstance);
        Assert.False(method.GetParameter("Plain")!.CarriesInstance);
    }

    [Fact]
    public void An_embedded_instance_value_prints_its_class()
    {
        var value = CimValue.Instance(new CimInstance(EmbeddedSchema.Class("Emb_Other")));

        Assert.Equal("instance of Emb_Other", value.ToString());
        Assert.Equal("{instance of Emb_Other, instance of Emb_Other}", CimValue.Array(CimType.Instance, value, value).ToString());
    }
}
