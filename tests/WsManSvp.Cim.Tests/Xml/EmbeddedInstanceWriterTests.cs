using System.Xml.Linq;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Xml;
using static WsManSvp.Cim.Tests.Xml.EmbeddedSchema;
using static WsManSvp.Cim.Tests.Xml.XmlFixtures;

namespace WsManSvp.Cim.Tests.Xml;

/// <summary>Embedded instances written as DSP0230 describes (and OMI writes): typed with their class, properties in its namespace.</summary>
public class EmbeddedInstanceWriterTests
{
    private static CimInstance Other(string id) =>
        new CimInstance(Class("Emb_Other"), "root/virt").Set("InstanceID", id);

    [Fact]
    public void An_embedded_instance_is_its_property_element_typed_with_the_class_holding_the_properties_in_the_class_namespace()
    {
        var xml = Write(w => CimXmlWriter.WriteProperty(w, "p"u8, "Anything"u8, CimValue.Instance(Other("o&1")), ResourceUriScheme.Dmtf));

        Assert.Equal(
            $"""<p:Anything xmlns:q="{Uri("Emb_Other")}" xsi:type="q:Emb_Other_Type"><q:ElementName xsi:nil="true"/><q:InstanceID>o&amp;1</q:InstanceID></p:Anything>""",
            xml);
    }

    [Fact]
    public void An_array_is_one_typed_element_per_instance_and_NULL_one_nil_element()
    {
        var array = Write(w => CimXmlWriter.WriteProperty(w, "p"u8, "Results"u8,
            CimValue.Array(CimType.Instance, CimValue.Instance(Other("a")), CimValue.Instance(Other("b"))), ResourceUriScheme.Dmtf));
        var none = Write(w => CimXmlWriter.WriteProperty(w, "p"u8, "Results"u8, CimValue.Null(CimType.Instance, isArray: true), ResourceUriScheme.Dmtf));

        var item = $"""<p:Results xmlns:q="{Uri("Emb_Other")}" xsi:type="q:Emb_Other_Type"><q:ElementName xsi:nil="true"/>""";
        Assert.Equal($"{item}<q:InstanceID>a</q:InstanceID></p:Results>{item}<q:InstanceID>b</q:InstanceID></p:Results>", array);
        Assert.Equal("""<p:Results xsi:nil="true"/>""", none);
    }

    [Fact]
    public void The_namespace_follows_the_request_scheme()
    {
        var e = WriteAndParse(w => CimXmlWriter.WriteProperty(w, "p"u8, "Anything"u8, CimValue.Instance(Other("o")), ResourceUriScheme.Wmi));

        XNamespace q = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/virt/Emb_Other";
        Assert.Equal("q:Emb_Other_Type", e.Attribute(Xsi + "type")!.Value);
        Assert.Equal("o", e.Element(q + "InstanceID")!.Value);
    }

    [Fact]
    public void An_instance_property_holding_an_instance_that_holds_another_gives_each_level_its_own_prefix()
    {
        var innermost = new CimInstance(Class("Emb_Setting"), "root/virt").Set("InstanceID", "c");
        var middle = new CimInstance(Class("Emb_DiskSetting"), "root/virt").Set("InstanceID", "b").Set("Inner", CimValue.Instance(innermost));
        var outer = new CimInstance(Class("Emb_Setting"), "root/virt").Set("InstanceID", "a").Set("Inner", CimValue.Instance(middle));

        var e = WriteAndParse(w => CimXmlWriter.WriteInstance(w, outer, ResourceUriScheme.Dmtf));

        XNamespace p = Uri("Emb_Setting"), q = Uri("Emb_DiskSetting");
        var inner = e.Element(p + "Inner")!;
        Assert.Equal(("q:Emb_DiskSetting_Type", "b"), (inner.Attribute(Xsi + "type")!.Value, inner.Element(q + "InstanceID")!.Value));
        var deepest = inner.Element(q + "Inner")!;
        Assert.Equal(("q2:Emb_Setting_Type", p.NamespaceName), (deepest.Attribute(Xsi + "type")!.Value, deepest.GetNamespaceOfPrefix("q2")!.NamespaceName));
        Assert.Equal("c", deepest.Element(p + "InstanceID")!.Value);
        Assert.Equal(13, deepest.Elements().Count()); // every property of Emb_Setting, NULL ones nil
    }
}
