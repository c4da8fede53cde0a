using System.Xml.Linq;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Xml;
using static WsManSvp.Cim.Tests.Xml.XmlFixtures;

namespace WsManSvp.Cim.Tests.Xml;

public class CimXmlWriterTests
{
    private const string DmtfPrefix = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";

    private static CimObjectPath SystemPath(string @namespace = "root/cimv2") =>
        new(@namespace, "Test_VirtualSystem", [new("CreationClassName", CimValue.String("Test_VirtualSystem")), new("Name", CimValue.String("vm1"))]);

    [Fact]
    public void An_instance_is_an_element_named_after_its_class_with_properties_in_alphabetical_order()
    {
        var instance = new CimInstance(TestSchema.Class("Test_ComputerSystem"))
            .Set("Name", "vm<1>")
            .Set("CreationClassName", "Test_ComputerSystem")
            .Set("EnabledState", CimValue.UInt16(2));

        var xml = Write(w => CimXmlWriter.WriteInstance(w, instance, ResourceUriScheme.Dmtf));

        Assert.Equal(
            $"""<p:Test_ComputerSystem xmlns:p="{DmtfPrefix}Test_ComputerSystem">""" +
            """<p:Caption xsi:nil="true"/><p:CreationClassName>Test_ComputerSystem</p:CreationClassName>""" +
            """<p:EnabledState>2</p:EnabledState><p:InstanceID xsi:nil="true"/><p:Name>vm&lt;1&gt;</p:Name></p:Test_ComputerSystem>""",
            xml);
    }

    [Fact]
    public void Every_type_is_written_in_its_dsp0230_form()
    {
        var instance = new CimInstance(TestSchema.Class("Test_Setting"))
            .Set("InstanceID", "s:1")
            .Set("Enabled", CimValue.Boolean(true))
            .Set("U8", CimValue.UInt8(255))
            .Set("S8", CimValue.SInt8(-128))
            .Set("U64", CimValue.UInt64(ulong.MaxValue))
            .Set("S64", CimValue.SInt64(long.MinValue))
            .Set("R32", CimValue.Real32(0.1f))
            .Set("R64", CimValue.Real64(double.PositiveInfinity))
            .Set("C16", CimValue.Char16('é'))
            .Set("Created", CimValue.DateTime(new DateTimeOffset(2024, 2, 29, 12, 34, 56, TimeSpan.Zero)))
            .Set("Timeout", CimValue.DateTime(CimDateTime.FromInterval(TimeSpan.FromSeconds(30))))
            .Set("Notes", CimValue.StringArray("one", "two & three"))
            .Set("Codes", CimValue.Array(CimType.UInt16))
            .Set("Owner", CimValue.Reference(SystemPath()));

        var e = WriteAndParse(w => CimXmlWriter.WriteInstance(w, instance, ResourceUriScheme.Dmtf));

        XNamespace p = DmtfPrefix + "Test_Setting";
        Assert.Equal(p + "Test_Setting", e.Name);
        // An empty array has no element; NULL (Moments, S16, ...) is one nil element.
        Assert.Equal(
            ["C16", "Caption", "Created", "Enabled", "InstanceID", "Moments", "Notes", "Notes", "Owner", "R32", "R64",
             "S16", "S32", "S64", "S8", "Timeout", "U16", "U32", "U64", "U8"],
            e.Elements().Select(c => c.Name.LocalName));
        Assert.All(e.Elements(), c => Assert.Equal(p, c.Name.Namespace));
        Assert.Equal(["Caption", "Moments", "S16", "S32", "U16", "U32"],
            e.Elements().Where(c => (string?)c.Attribute(Xsi + "nil") == "true").Select(c => c.Name.LocalName));
        Assert.All(e.Elements().Where(c => c.Attribute(Xsi + "nil") is not null), c => Assert.True(c.IsEmpty));
        Assert.Equal("é", (string)e.Element(p + "C16")!);
        Assert.Equal("true", (string)e.Element(p + "Enabled")!);
        Assert.Equal("255", (string)e.Element(p + "U8")!);
        Assert.Equal("-128", (string)e.Element(p + "S8")!);
        Assert.Equal("18446744073709551615", (string)e.Element(p + "U64")!);
        Assert.Equal("-9223372036854775808", (string)e.Element(p + "S64")!);
        Assert.Equal("0.1", (string)e.Element(p + "R32")!);
        Assert.Equal("INF", (string)e.Element(p + "R64")!);
        Assert.Equal(["one", "two & three"], e.Elements(p + "Notes").Select(n => (string)n));
        var created = Assert.Single(e.Element(p + "Created")!.Elements());
        Assert.Equal((CimCommon + "Datetime", "2024-02-29T12:34:56Z"), (created.Name, (string)created));
        var timeout = Assert.Single(e.Element(p + "Timeout")!.Elements());
        Assert.Equal((CimCommon + "Interval", "PT30S"), (timeout.Name, (string)timeout));
    }

    [Fact]
    public void A_reference_property_is_an_endpoint_reference_with_anonymous_address()
    {
        var instance = new CimInstance(TestSchema.Class("Test_Setting")).Set("Owner", CimValue.Reference(SystemPath()));

        var owner = WriteAndParse(w => CimXmlWriter.WriteInstance(w, instance, ResourceUriScheme.Dmtf))
            .Elements().Single(c => c.Name.LocalName == "Owner");

        Assert.Equal([Wsa + "Address", Wsa + "ReferenceParameters"], owner.Elements().Select(c => c.Name));
        Assert.Equal(XmlNs.AnonymousAddress, (string)owner.Element(Wsa + "Address")!);
        var parameters = owner.Element(Wsa + "ReferenceParameters")!;
        Assert.Equal([WsMan + "ResourceURI", WsMan + "SelectorSet"], parameters.Elements().Select(c => c.Name));
        Assert.Equal(DmtfPrefix + "Test_VirtualSystem", (string)parameters.Element(WsMan + "ResourceURI")!);
        Assert.Equal(
            [("CreationClassName", "Test_VirtualSystem"), ("Name", "vm1"), ("__cimnamespace", "root/cimv2")],
            parameters.Element(WsMan + "SelectorSet")!.Elements(WsMan + "Selector").Select(s => ((string)s.Attribute("Name")!, (string)s)));
    }

    [Fact]
    public void The_wmi_scheme_names_the_namespace_in_resource_uris()
    {
        var instance = new CimInstance(TestSchema.Class("Test_Setting"), "root/interop")
            .Set("Owner", CimValue.Reference(SystemPath("root/virtualization")));

        var e = WriteAndParse(w => CimXmlWriter.WriteInstance(w, instance, ResourceUriScheme.Wmi));

        const string wmi = "http://schemas.microsoft.com/wbem/wsman/1/wmi/";
        Assert.Equal(XName.Get("Test_Setting", wmi + "root/interop/Test_Setting"), e.Name);
        var owner = e.Elements().Single(c => c.Name.LocalName == "Owner");
        Assert.Equal(wmi + "root/virtualization/Test_VirtualSystem", (string)owner.Descendants(WsMan + "ResourceURI").Single());
        Assert.Equal("root/virtualization", (string)owner.Descendants(WsMan + "Selector").Single(s => (string?)s.Attribute("Name") == "__cimnamespace"));
    }

    [Fact]
    public void Endpoint_references_nest_reference_keys_and_write_datetime_keys_in_cim_form()
    {
        var disk = new CimObjectPath("root/cimv2", "Test_Disk",
        [
            new("System", CimValue.Reference(SystemPath())),
            new("Number", CimValue.UInt32(3)),
            new("Since", CimValue.DateTime(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)))),
            new("Label", CimValue.Null(CimType.String)),
        ]);

        var epr = WriteAndParse(w => CimXmlWriter.WriteEndpointReference(w, disk, ResourceUriScheme.Dmtf));

        Assert.Equal(Wsa + "EndpointReference", epr.Name);
        var selectors = epr.Descendants(WsMan + "SelectorSet").First().Elements(WsMan + "Selector").ToArray();
        Assert.Equal(["System", "Number", "Since", "Label", "__cimnamespace"], selectors.Select(s => (string)s.Attribute("Name")!));
        var nested = Assert.Single(selectors[0].Elements());
        Assert.Equal(Wsa + "EndpointReference", nested.Name);
        Assert.Equal(DmtfPrefix + "Test_VirtualSystem", (string)nested.Descendants(WsMan + "ResourceURI").Single());
        Assert.Equal("vm1", (string)nested.Descendants(WsMan + "Selector").Single(s => (string?)s.Attribute("Name") == "Name"));
        Assert.Equal("3", (string)selectors[1]);
        Assert.Equal("20240102030405.000000+120", (string)selectors[2]);
        Assert.True(selectors[3].IsEmpty);
    }

    [Fact]
    public void Properties_can_be_written_under_another_prefix()
    {
        var xml = Write(w =>
        {
            CimXmlWriter.WriteProperty(w, "n"u8, "ReturnValue"u8, CimValue.UInt32(0), ResourceUriScheme.Dmtf);
            CimXmlWriter.WriteProperty(w, "n"u8, "Codes"u8, CimValue.UInt16Array(4, 5), ResourceUriScheme.Dmtf);
            CimXmlWriter.WriteProperty(w, "n"u8, "Tags"u8, CimValue.Null(CimType.String, isArray: true), ResourceUriScheme.Dmtf);
        });

        Assert.Equal("""<n:ReturnValue>0</n:ReturnValue><n:Codes>4</n:Codes><n:Codes>5</n:Codes><n:Tags xsi:nil="true"/>""", xml);
    }
}
