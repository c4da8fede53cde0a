using WsManSvp.Cim.Model;

namespace WsManSvp.Cim.Tests.Query;

/// <summary>The embedded-instance values queries read (CimType.Instance, declared "object" in MOF as WMI does).</summary>
public class EmbeddedInstanceValueTests
{
    [Fact]
    public void An_object_property_holds_embedded_instances_and_arrays_of_them()
    {
        var system = QuerySchema.System("Q_System", "vm", 2);
        var setting = QuerySchema.New("Q_Setting")
            .Set("Anything", CimValue.Instance(system))
            .Set("Parts", CimValue.Array(CimType.Instance, CimValue.Instance(system)));

        Assert.Equal(CimType.Instance, setting.Property("Anything").Type);
        Assert.Equal("object Anything", setting.Property("Anything").ToString());
        Assert.Same(system, setting["Anything"].AsInstance());
        Assert.Same(system, setting["Parts"].AsArray()[0].AsInstance());
        Assert.Equal(CimValue.Instance(system), setting["Anything"]);
        Assert.True(CimValue.Instance(null).IsNull);
        Assert.Equal(CimType.Instance, CimValue.Instance(null).Type);
    }

    [Fact]
    public void An_embedded_instance_has_no_text_form_and_is_no_other_type()
    {
        var value = CimValue.Instance(QuerySchema.New("Q_Service"));

        Assert.Equal("An embedded instance has no text form; it is written as XML.",
            Assert.Throws<InvalidOperationException>(() => value.ToText()).Message);
        Assert.Throws<InvalidOperationException>(() => value.AsString());
        Assert.Throws<InvalidOperationException>(() => CimValue.String("x").AsInstance());
        Assert.True(CimTypes.TryParseMofName("Object", out var type));
        Assert.Equal(CimType.Instance, type);
        Assert.Equal("object", CimType.Instance.MofName());
    }
}
