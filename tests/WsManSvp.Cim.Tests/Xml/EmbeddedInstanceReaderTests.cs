using System.Security;
using WsManSvp.Cim.Model;
using WsManSvp.Cim.Xml;
using static WsManSvp.Cim.Tests.Xml.EmbeddedSchema;
using static WsManSvp.Cim.Tests.Xml.XmlFixtures;

namespace WsManSvp.Cim.Tests.Xml;

/// <summary>Embedded instances in method input and instance properties, in every form clients send them.</summary>
public class EmbeddedInstanceReaderTests
{
    private static IReadOnlyDictionary<string, CimValue> Read(string parameters)
    {
        var r = ReaderOn($"""<m:DefineSystem_INPUT xmlns:m="{Uri("Emb_Service")}" xmlns:q="{Uri("Emb_Setting")}">{parameters}</m:DefineSystem_INPUT>""");
        var arguments = Reader().ReadArguments(r, DefineSystem, "root/virt");
        AssertAtMarker(r);
        return arguments;
    }

    private static CimInstance SystemSettings(string content, string attributes = "")
    {
        var value = Read($"<m:SystemSettings{attributes}>{content}</m:SystemSettings>")["SystemSettings"];
        Assert.Equal((CimType.Instance, false, false), (value.Type, value.IsArray, value.IsNull));
        return value.AsInstance();
    }

    private static CimXmlException Fails(string parameters) => Assert.Throws<CimXmlException>(() => Read(parameters));

    private static string Escaped(string text) => SecurityElement.Escape(text);

    private static CimObjectPath SystemPath(string ns, string name) =>
        new(ns, "Emb_System", [new("CreationClassName", CimValue.String("Emb_System")), new("Name", CimValue.String(name))]);

    [Fact]
    public void An_element_typed_with_its_class_holds_the_properties_in_the_class_namespace()
    {
        var instance = SystemSettings("""
            <q:InstanceID>vm-1</q:InstanceID>
            <q:ElementName>web &amp; db</q:ElementName>
            <q:VirtualQuantity> 4 </q:VirtualQuantity>
            <q:Connection>a</q:Connection><q:Connection>b</q:Connection>
            <q:Weight xsi:nil="true"/>
            """, """ xsi:type="q:Emb_Setting_Type" """);

        Assert.Equal(("Emb_Setting", "root/virt"), (instance.Class.Name, instance.Namespace));
        Assert.Equal(CimValue.String("vm-1"), instance["InstanceID"]);
        Assert.Equal(CimValue.String("web & db"), instance["ElementName"]);
        Assert.Equal(CimValue.UInt64(4), instance["VirtualQuantity"]);
        Assert.Equal(CimValue.StringArray("a", "b"), instance["Connection"]);
        Assert.Equal(["InstanceID", "ElementName", "VirtualQuantity", "Weight", "Connection"], instance.SpecifiedProperties.Select(p => p.Name));
        Assert.True(instance["Weight"].IsNull);
        Assert.False(instance.IsSpecified("ResourceType"));
    }

    [Fact]
    public void The_properties_may_be_in_the_method_namespace_and_typed_themselves_as_Windows_writes_them()
    {
        var instance = SystemSettings("""
            <m:InstanceID xsi:type="cim:cimString">vm-1</m:InstanceID><m:ResourceType>3</m:ResourceType>
            """, $""" xmlns:e="{Uri("Emb_Setting")}" xsi:type="e:Emb_Setting_Type" """);

        Assert.Equal((CimValue.String("vm-1"), CimValue.UInt16(3)), (instance["InstanceID"], instance["ResourceType"]));
    }

    [Fact]
    public void The_type_may_name_a_derived_class_or_give_the_class_by_its_namespace_only()
    {
        var disk = SystemSettings("<q:HostResource>/img/a</q:HostResource>", $""" xmlns:d="{Uri("Emb_DiskSetting")}" xsi:type="d:Emb_DiskSetting_Type" """);
        var byNamespace = SystemSettings("<d:InstanceID>x</d:InstanceID>", $""" xmlns:d="{Uri("Emb_DiskSetting")}" xsi:type="d:DiskSettingType" """);

        Assert.Equal(("Emb_DiskSetting", CimValue.StringArray("/img/a")), (disk.Class.Name, disk["HostResource"]));
        Assert.Equal("Emb_DiskSetting", byNamespace.Class.Name);
    }

    [Fact]
    public void An_element_may_hold_the_instance_element_itself()
    {
        var instance = SystemSettings("""

            <q:Emb_Setting><q:InstanceID>vm-1</q:InstanceID><q:AutomaticAllocation>true</q:AutomaticAllocation></q:Emb_Setting>

            """);

        Assert.Equal(("Emb_Setting", CimValue.Boolean(true)), (instance.Class.Name, instance["AutomaticAllocation"]));
    }

    private const string CimXmlDisk = """
        <INSTANCE CLASSNAME="Emb_DiskSetting">
          <QUALIFIER NAME="Description" TYPE="string"><VALUE>ignored</VALUE></QUALIFIER>
          <PROPERTY NAME="InstanceID" TYPE="string"><VALUE>vm-1</VALUE></PROPERTY>
          <PROPERTY NAME="AutomaticAllocation" TYPE="boolean"><VALUE>TRUE</VALUE></PROPERTY>
          <PROPERTY NAME="Created" TYPE="datetime"><VALUE>20240229123456.000000+000</VALUE></PROPERTY>
          <PROPERTY NAME="Letter" TYPE="char16"><VALUE>z</VALUE></PROPERTY>
          <PROPERTY NAME="ElementName" TYPE="string"></PROPERTY>
          <PROPERTY.ARRAY NAME="HostResource" TYPE="string">
            <VALUE.ARRAY><VALUE>/img/a.qcow2</VALUE><VALUE.NULL/><VALUE>b</VALUE></VALUE.ARRAY>
          </PROPERTY.ARRAY>
          <PROPERTY.ARRAY NAME="Codes" TYPE="uint16"></PROPERTY.ARRAY>
          <PROPERTY.REFERENCE NAME="Parent" REFERENCECLASS="Emb_System">
            <VALUE.REFERENCE><INSTANCENAME CLASSNAME="Emb_System">
              <KEYBINDING NAME="CreationClassName"><KEYVALUE VALUETYPE="string">Emb_System</KEYVALUE></KEYBINDING>
              <KEYBINDING NAME="Name"><KEYVALUE VALUETYPE="string">host</KEYVALUE></KEYBINDING>
            </INSTANCENAME></VALUE.REFERENCE>
          </PROPERTY.REFERENCE>
        </INSTANCE>
        """;

    private static void AssertCimXmlDisk(CimInstance instance)
    {
        Assert.Equal("Emb_DiskSetting", instance.Class.Name);
        Assert.Equal(CimValue.String("vm-1"), instance["InstanceID"]);
        Assert.Equal(CimValue.Boolean(true), instance["AutomaticAllocation"]);
        Assert.Equal("20240229123456.000000+000", instance["Created"].AsDateTime().ToCimString());
        Assert.Equal(CimValue.Char16('z'), instance["Letter"]);
        Assert.True(instance.IsSpecified("ElementName") && instance["ElementName"].IsNull);
        Assert.Equal(CimValue.StringArray("/img/a.qcow2", "b"), instance["HostResource"]);
        Assert.Equal(CimValue.Null(CimType.UInt16, isArray: true), instance["Codes"]);
        Assert.Equal(SystemPath("root/virt", "host"), instance["Parent"].AsReference());
        Assert.False(instance.IsSpecified("VirtualQuantity"));
    }

    [Fact]
    public void CIM_XML_text_escaped_as_Hyper_V_scripts_send_it()
    {
        AssertCimXmlDisk(SystemSettings(Escaped(CimXmlDisk)));
    }

    [Fact]
    public void CIM_XML_in_CDATA_typed_cimString_wrapped_in_a_named_instance_with_a_doctype()
    {
        var text = $"""<?xml version="1.0" encoding="utf-8"?><!DOCTYPE CIM SYSTEM "http://www.dmtf.org/cim.dtd"><VALUE.NAMEDINSTANCE><INSTANCENAME CLASSNAME="Emb_DiskSetting"><KEYBINDING NAME="InstanceID"><KEYVALUE>vm-1</KEYVALUE></KEYBINDING></INSTANCENAME>{CimXmlDisk}</VALUE.NAMEDINSTANCE>""";

        AssertCimXmlDisk(SystemSettings($"\n   <![CDATA[{text}]]>\n  ", """ xsi:type="cim:cimString" """));
    }

    [Fact]
    public void CIM_XML_left_unescaped_is_read_too()
    {
        AssertCimXmlDisk(SystemSettings(CimXmlDisk));
    }

    [Fact]
    public void CIM_XML_keeps_whitespace_in_values_and_reads_reference_keys_in_their_path_namespace()
    {
        var instance = SystemSettings(Escaped("""
            <INSTANCE CLASSNAME="Emb_Setting">
              <PROPERTY NAME="ElementName" TYPE="string"><VALUE>  spaced  </VALUE></PROPERTY>
              <PROPERTY.REFERENCE NAME="Disk"><VALUE.REFERENCE><LOCALINSTANCEPATH>
                <LOCALNAMESPACEPATH><NAMESPACE NAME="root"/><NAMESPACE NAME="Other"/></LOCALNAMESPACEPATH>
                <INSTANCENAME CLASSNAME="Emb_Disk">
                  <KEYBINDING NAME="System"><VALUE.REFERENCE><INSTANCENAME CLASSNAME="Emb_System">
                    <KEYBINDING NAME="CreationClassName"><KEYVALUE>Emb_System</KEYVALUE></KEYBINDING>
                    <KEYBINDING NAME="Name"><KEYVALUE>h</KEYVALUE></KEYBINDING>
                  </INSTANCENAME></VALUE.REFERENCE></KEYBINDING>
                  <KEYBINDING NAME="Number"><KEYVALUE VALUETYPE="numeric">2</KEYVALUE></KEYBINDING>
                </INSTANCENAME>
              </LOCALINSTANCEPATH></VALUE.REFERENCE></PROPERTY.REFERENCE>
              <PROPERTY.REFERENCE NAME="Parent"><VALUE.REFERENCE><INSTANCEPATH>
                <NAMESPACEPATH><HOST>h</HOST><LOCALNAMESPACEPATH><NAMESPACE NAME="root/host"/></LOCALNAMESPACEPATH></NAMESPACEPATH>
                <INSTANCENAME CLASSNAME="Emb_System"><KEYBINDING NAME="CreationClassName"><KEYVALUE>Emb_System</KEYVALUE></KEYBINDING><KEYBINDING NAME="Name"><KEYVALUE>x</KEYVALUE></KEYBINDING></INSTANCENAME>
              </INSTANCEPATH></VALUE.REFERENCE></PROPERTY.REFERENCE>
            </INSTANCE>
            """));

        Assert.Equal(CimValue.String("  spaced  "), instance["ElementName"]);
        var disk = instance["Disk"].AsReference();
        Assert.Equal(("root/other", "Emb_Disk", CimValue.UInt32(2)), (disk.Namespace, disk.ClassName, disk.GetKey("Number")));
        Assert.Equal(SystemPath("root/other", "h"), disk.GetKey("System")!.Value.AsReference());
        Assert.Equal(SystemPath("root/host", "x"), instance["Parent"].AsReference());
    }

    [Fact]
    public void MOF_text_with_comments_qualifiers_arrays_references_and_an_embedded_instance()
    {
        var instance = SystemSettings(Escaped("""
            // written by cimtest
            /* a block
               comment */
            [Description("a qualifier")]
            instance of Emb_DiskSetting {
                InstanceID = "vm-3";
                ElementName = "mof \"quoted\" \\ text";
                VirtualQuantity = 0x10;
                AutomaticAllocation = false;
                Weight = 1.5;
                Letter = 'x';
                Connection = {"a", NULL, "b"};
                Codes = 7;
                HostResource = {};
                ResourceType = NULL;
                Created = "20240229123456.000000+000";
                Parent = "root/Other:Emb_System.CreationClassName=\"Emb_System\",Name=\"h\"";
                Inner = "instance of Emb_Setting { InstanceID = \"inner\"; };";
            };
            """));

        Assert.Equal(("Emb_DiskSetting", CimValue.String("vm-3")), (instance.Class.Name, instance["InstanceID"]));
        Assert.Equal(CimValue.String("mof \"quoted\" \\ text"), instance["ElementName"]);
        Assert.Equal(CimValue.UInt64(16), instance["VirtualQuantity"]);
        Assert.Equal(CimValue.Boolean(false), instance["AutomaticAllocation"]);
        Assert.Equal(CimValue.Real64(1.5), instance["Weight"]);
        Assert.Equal(CimValue.Char16('x'), instance["Letter"]);
        Assert.Equal(CimValue.StringArray("a", "b"), instance["Connection"]);
        Assert.Equal(CimValue.UInt16Array(7), instance["Codes"]);
        Assert.Equal(CimValue.Array(CimType.String), instance["HostResource"]);
        Assert.True(instance.IsSpecified("ResourceType") && instance["ResourceType"].IsNull);
        Assert.Equal("20240229123456.000000+000", instance["Created"].AsDateTime().ToCimString());
        Assert.Equal(SystemPath("root/other", "h"), instance["Parent"].AsReference());
        var inner = instance["Inner"].AsInstance();
        Assert.Equal(("Emb_Setting", CimValue.String("inner")), (inner.Class.Name, inner["InstanceID"]));
    }

    [Fact]
    public void An_array_parameter_takes_one_instance_per_element_in_any_form()
    {
        var value = Read($"""
            <m:ResourceSettings xsi:type="q:Emb_Setting_Type"><q:InstanceID>r1</q:InstanceID></m:ResourceSettings>
            <m:ResourceSettings>{Escaped("""<INSTANCE CLASSNAME="Emb_Setting"><PROPERTY NAME="InstanceID" TYPE="string"><VALUE>r2</VALUE></PROPERTY></INSTANCE>""")}</m:ResourceSettings>
            <m:ResourceSettings xsi:nil="true"/>
            <m:ResourceSettings>instance of Emb_DiskSetting {"{"} InstanceID = "r3"; {"}"};</m:ResourceSettings>
            """)["ResourceSettings"];

        Assert.Equal((CimType.Instance, true), (value.Type, value.IsArray));
        Assert.Equal(["r1:Emb_Setting", "r2:Emb_Setting", "r3:Emb_DiskSetting"],
            value.AsArray().ToArray().Select(v => $"{v.AsInstance()["InstanceID"].AsString()}:{v.AsInstance().Class.Name}"));
    }

    [Fact]
    public void Nil_is_NULL_of_type_instance()
    {
        var arguments = Read("""<m:SystemSettings xsi:nil="true"/><m:ResourceSettings xsi:nil="true"/>""");

        Assert.Equal(CimValue.Null(CimType.Instance), arguments["SystemSettings"]);
        Assert.Equal(CimValue.Null(CimType.Instance, isArray: true), arguments["ResourceSettings"]);
    }

    [Fact]
    public void An_EmbeddedObject_parameter_takes_any_concrete_class_and_a_plain_string_stays_text()
    {
        var arguments = Read($"""
            <m:Anything>instance of Emb_Other {"{"} InstanceID = "o"; {"}"};</m:Anything>
            <m:Plain>{Escaped("""<INSTANCE CLASSNAME="Emb_Setting"/>""")}</m:Plain>
            """);

        Assert.Equal("Emb_Other", arguments["Anything"].AsInstance().Class.Name);
        Assert.Equal(CimValue.String("""<INSTANCE CLASSNAME="Emb_Setting"/>"""), arguments["Plain"]);
    }

    [Fact]
    public void Embedded_instances_nest_in_the_element_and_the_text_forms()
    {
        var innerText = Escaped("""<INSTANCE CLASSNAME="Emb_Setting"><PROPERTY NAME="InstanceID" TYPE="string"><VALUE>deepest</VALUE></PROPERTY></INSTANCE>""");
        var instance = SystemSettings($"""
            <q:InstanceID>outer</q:InstanceID>
            <q:Inner xsi:type="q:Emb_Setting_Type">
              <q:InstanceID>middle</q:InstanceID>
              <q:Inner>{Escaped($"""<INSTANCE CLASSNAME="Emb_Setting"><PROPERTY NAME="Inner" TYPE="string" EmbeddedObject="instance"><VALUE>{innerText}</VALUE></PROPERTY></INSTANCE>""")}</q:Inner>
            </q:Inner>
            """, """ xsi:type="q:Emb_Setting_Type" """);

        var middle = instance["Inner"].AsInstance();
        var innermost = middle["Inner"].AsInstance()["Inner"].AsInstance();
        Assert.Equal(("middle", "deepest"), (middle["InstanceID"].AsString(), innermost["InstanceID"].AsString()));
    }

    private static string Nested(int levels) =>
        levels == 0 ? "<q:InstanceID>x</q:InstanceID>" : $"""<q:Inner xsi:type="q:Emb_Setting_Type">{Nested(levels - 1)}</q:Inner>""";

    [Fact]
    public void Nesting_is_bounded()
    {
        Assert.Equal(7, Depth(SystemSettings(Nested(7), """ xsi:type="q:Emb_Setting_Type" """)));
        var e = Fails($"""<m:SystemSettings xsi:type="q:Emb_Setting_Type">{Nested(8)}</m:SystemSettings>""");
        Assert.Equal(("SystemSettings: Inner: embedded instances nest more than 8 deep.", "SystemSettings"), (e.Message, e.Name));

        static int Depth(CimInstance i) => i["Inner"].IsNull ? 0 : 1 + Depth(i["Inner"].AsInstance());
    }

    public static TheoryData<string, string> Unreadable() => new()
    {
        { """<m:SystemSettings xmlns:z="urn:nope" xsi:type="z:Nope_Type"/>""", "SystemSettings: xsi:type 'z:Nope_Type' names no class this service knows." },
        { $"""<m:SystemSettings>{Escaped("""<INSTANCE CLASSNAME="Nope"/>""")}</m:SystemSettings>""", "SystemSettings: Nope is not a class this service knows." },
        { "<m:SystemSettings>instance of Nope { };</m:SystemSettings>", "SystemSettings: Nope is not a class this service knows." },
        { """<m:SystemSettings><q:Nope/></m:SystemSettings>""", "SystemSettings: Nope is not a class this service knows (an embedded instance element is named after its class, or typed with xsi:type)." },
        { """<m:SystemSettings><q:InstanceID>x</q:InstanceID></m:SystemSettings>""", "SystemSettings: InstanceID is not a class this service knows (an embedded instance element is named after its class, or typed with xsi:type)." },
        { $"""<m:SystemSettings xmlns:o="{Uri("Emb_Other")}" xsi:type="o:Emb_Other_Type"/>""", "SystemSettings: an instance of Emb_Other was given where Emb_Setting (or a class derived from it) is expected." },
        { "<m:ResourceSettings>instance of Emb_Other { };</m:ResourceSettings>", "ResourceSettings: an instance of Emb_Other was given where Emb_Setting (or a class derived from it) is expected." },
        { "<m:Anything>instance of Emb_ManagedElement { };</m:Anything>", "Anything: Emb_ManagedElement is abstract; an embedded instance is of a concrete class." },
        { "<m:SystemSettings>hello</m:SystemSettings>", "SystemSettings: the text is neither CIM-XML nor a MOF instance declaration (line 1, column 1: expected 'class', 'instance of' or 'qualifier', found 'hello')." },
        { "<m:SystemSettings/>", "SystemSettings: the embedded instance is empty." },
        { "<m:SystemSettings> \n </m:SystemSettings>", "SystemSettings: the embedded instance is empty." },
        { """<m:SystemSettings xsi:type="cim:cimString"></m:SystemSettings>""", "SystemSettings: the embedded instance is empty." },
        { """<m:SystemSettings xsi:type="q:Emb_Setting_Type"><q:Bogus>1</q:Bogus></m:SystemSettings>""", "SystemSettings: Emb_Setting has no property Bogus." },
        { """<m:SystemSettings xsi:type="q:Emb_Setting_Type"><q:VirtualQuantity>lots</q:VirtualQuantity></m:SystemSettings>""", "SystemSettings: VirtualQuantity: 'lots' is not an integer." },
        { $"""<m:SystemSettings>{Escaped("""<INSTANCE CLASSNAME="Emb_Setting"><PROPERTY NAME="VirtualQuantity" TYPE="uint64"><VALUE>lots</VALUE></PROPERTY></INSTANCE>""")}</m:SystemSettings>""", "SystemSettings: Emb_Setting.VirtualQuantity: 'lots' is not an integer." },
        { $"""<m:SystemSettings>{Escaped("""<INSTANCE CLASSNAME="Emb_Setting"><PROPERTY NAME="Bogus" TYPE="string"/></INSTANCE>""")}</m:SystemSettings>""", "SystemSettings: Emb_Setting has no property Bogus." },
        { $"""<m:SystemSettings>{Escaped("""<INSTANCE CLASSNAME="Emb_Setting"><PROPERTY.ARRAY NAME="ElementName" TYPE="string"/></INSTANCE>""")}</m:SystemSettings>""", "SystemSettings: Emb_Setting.ElementName is string, not an array." },
        { $"""<m:SystemSettings>{Escaped("""<INSTANCE CLASSNAME="Emb_Setting"><PROPERTY NAME="Parent" TYPE="string"><VALUE>x</VALUE></PROPERTY></INSTANCE>""")}</m:SystemSettings>""", "SystemSettings: Emb_Setting.Parent is a reference, which CIM-XML gives as PROPERTY.REFERENCE." },
        { $"""<m:SystemSettings>{Escaped("""<INSTANCE CLASSNAME="Emb_Setting"><PROPERTY NAME="InstanceID"/><PROPERTY NAME="InstanceID"/></INSTANCE>""")}</m:SystemSettings>""", "SystemSettings: Emb_Setting.InstanceID is given twice." },
        { $"""<m:SystemSettings>{Escaped("""<INSTANCE CLASSNAME="Emb_Setting"><PROPERTY.REFERENCE NAME="Parent"><VALUE.REFERENCE><INSTANCENAME CLASSNAME="Emb_System"><KEYBINDING NAME="Bogus"><KEYVALUE>x</KEYVALUE></KEYBINDING></INSTANCENAME></VALUE.REFERENCE></PROPERTY.REFERENCE></INSTANCE>""")}</m:SystemSettings>""", "SystemSettings: Emb_System has no key Bogus." },
        { $"""<m:SystemSettings>{Escaped("""<VALUE><PROPERTY/></VALUE>""")}</m:SystemSettings>""", "SystemSettings: the CIM-XML text holds no INSTANCE element (its root is VALUE)." },
        { $"""<m:SystemSettings>{Escaped("""<INSTANCE>""")}</m:SystemSettings>""", "SystemSettings: the CIM-XML text is not well-formed XML (Unexpected end of file has occurred. The following elements are not closed: INSTANCE. Line 1, position 11.)." },
        { $"""<m:SystemSettings>{Escaped("""<INSTANCE NAME="x"/>""")}</m:SystemSettings>""", "SystemSettings: the INSTANCE has no CLASSNAME." },
        { """<m:SystemSettings><q:Emb_Setting/>junk</m:SystemSettings>""", "SystemSettings: an embedded instance is one instance element or text, not both." },
        { """<m:SystemSettings><q:Emb_Setting/><q:Emb_Setting/></m:SystemSettings>""", "SystemSettings: an embedded instance is one instance element or text, not also q:Emb_Setting." },
        { "<m:SystemSettings>instance of Emb_Setting { }; instance of Emb_Setting { };</m:SystemSettings>", "SystemSettings: the MOF text must declare exactly one instance (instance of CLASS { ... };), not 2 instance(s) and 0 class(es)." },
        { "<m:SystemSettings>instance of Emb_Setting { Connection = {1, 2}; ElementName = {\"a\"}; };</m:SystemSettings>", "SystemSettings: Emb_Setting.ElementName is string, not an array." },
        { "<m:SystemSettings>instance of Emb_Setting { Parent = $host; };</m:SystemSettings>", "SystemSettings: Emb_Setting.Parent: MOF aliases ($host) are not supported; give the object path as a string." },
        { "<m:SystemSettings>instance of Emb_Setting { Parent = 5; };</m:SystemSettings>", "SystemSettings: Emb_Setting.Parent is Emb_System REF; a MOF number does not fit it." },
        { "<m:SystemSettings>instance of Emb_Setting { Parent = \"Nope.Name=1\"; };</m:SystemSettings>", "SystemSettings: Emb_Setting.Parent: 'Nope.Name=1' names class 'Nope', which is not known." },
        { "<m:SystemSettings>instance of Emb_Setting { Inner = \"instance of Emb_Other { };\"; };</m:SystemSettings>", "SystemSettings: Emb_Setting.Inner: an instance of Emb_Other was given where Emb_Setting (or a class derived from it) is expected." },
        { "<m:SystemSettings>instance of Emb_Setting { Weight = 1.5 };</m:SystemSettings>", "SystemSettings: the text is neither CIM-XML nor a MOF instance declaration (line 1, column 40: expected ';', found '}')." },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void What_cannot_be_read_names_the_parameter(string parameter, string message)
    {
        var e = Fails(parameter);

        Assert.Equal(message, e.Message);
        Assert.Equal(e.Message[..e.Message.IndexOf(':')], e.Name);
        Assert.False(e.IsUnknownName);
    }

    [Fact]
    public void An_instance_property_that_carries_an_embedded_instance_is_read_into_one_and_cim_Location_is_ignored()
    {
        var r = ReaderOn($"""
            <q:Emb_Setting xmlns:q="{Uri("Emb_Setting")}">
              <q:InstanceID>outer</q:InstanceID>
              <q:Inner>instance of Emb_DiskSetting {"{"} InstanceID = "in"; {"}"};</q:Inner>
              <cim:Location><wsa:Address>{XmlNs.AnonymousAddress}</wsa:Address></cim:Location>
            </q:Emb_Setting>
            """);

        var instance = Reader().ReadInstance(r, Class("Emb_Setting"), "root/virt");

        AssertAtMarker(r);
        Assert.Equal(("Emb_DiskSetting", "in"), (instance["Inner"].AsInstance().Class.Name, instance["Inner"].AsInstance()["InstanceID"].AsString()));
        Assert.Equal(["InstanceID", "Inner"], instance.SpecifiedProperties.Select(p => p.Name));
    }

    [Fact]
    public void An_unreadable_embedded_property_names_the_property()
    {
        var r = ReaderOn($"""<q:Emb_Setting xmlns:q="{Uri("Emb_Setting")}"><q:Inner>instance of Emb_Other {"{"} {"}"};</q:Inner></q:Emb_Setting>""");

        var e = Assert.Throws<CimXmlException>(() => Reader().ReadInstance(r, Class("Emb_Setting"), "root/virt"));

        Assert.Equal(("Inner: an instance of Emb_Other was given where Emb_Setting (or a class derived from it) is expected.", "Inner"), (e.Message, e.Name));
    }
}
