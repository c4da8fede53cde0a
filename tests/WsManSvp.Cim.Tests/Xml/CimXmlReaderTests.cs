using WsManSvp.Cim.Model;
using WsManSvp.Cim.Xml;
using static WsManSvp.Cim.Tests.Xml.XmlFixtures;

namespace WsManSvp.Cim.Tests.Xml;

public class CimXmlReaderTests
{
    private const string DmtfPrefix = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";

    private const string SystemReference = $"""
        <wsa:Address>{XmlNs.AnonymousAddress}</wsa:Address>
        <wsa:ReferenceParameters>
          <wsman:ResourceURI>{DmtfPrefix}Test_VirtualSystem</wsman:ResourceURI>
          <wsman:SelectorSet>
            <wsman:Selector Name="CreationClassName">Test_VirtualSystem</wsman:Selector>
            <wsman:Selector Name="Name">vm1</wsman:Selector>
          </wsman:SelectorSet>
        </wsa:ReferenceParameters>
        """;

    private readonly CimXmlReader _reader = new(new CimPathBinder(TestSchema.Repository, new HashSet<string> { "root/cimv2", "root/interop" }));

    private CimInstance ReadSetting(string properties)
    {
        var r = ReaderOn($"<p:Test_Setting>{properties}</p:Test_Setting>");
        var instance = _reader.ReadInstance(r, TestSchema.Class("Test_Setting"), "root/interop");
        AssertAtMarker(r);
        return instance;
    }

    private CimXmlException SettingFails(string properties) =>
        Assert.Throws<CimXmlException>(() => ReadSetting(properties));

    [Fact]
    public void An_instance_with_every_type()
    {
        var instance = ReadSetting($"""
            <p:InstanceID>s:1</p:InstanceID>
            <p:Enabled>true</p:Enabled>
            <p:U8>255</p:U8>
            <p:S8>-128</p:S8>
            <p:U16>65535</p:U16>
            <p:S16>-1</p:S16>
            <p:U32>7</p:U32>
            <p:S32>-7</p:S32>
            <p:U64>18446744073709551615</p:U64>
            <p:S64>-9223372036854775808</p:S64>
            <p:R32>1.5</p:R32>
            <p:R64>-INF</p:R64>
            <p:C16>é</p:C16>
            <p:Caption xsi:nil="true"/>
            <p:Notes>a</p:Notes><p:Notes> b &amp; c </p:Notes>
            <p:Created><cim:Datetime>2024-02-29T12:34:56Z</cim:Datetime></p:Created>
            <p:Timeout><cim:Interval>PT30S</cim:Interval></p:Timeout>
            <p:Owner>{SystemReference}</p:Owner>
            """);

        Assert.Equal("Test_Setting", instance.Class.Name);
        Assert.Equal("root/interop", instance.Namespace);
        Assert.Equal(CimValue.String("s:1"), instance["InstanceID"]);
        Assert.Equal(CimValue.Boolean(true), instance["Enabled"]);
        Assert.Equal(CimValue.UInt8(255), instance["U8"]);
        Assert.Equal(CimValue.SInt8(-128), instance["S8"]);
        Assert.Equal(CimValue.UInt16(65535), instance["U16"]);
        Assert.Equal(CimValue.SInt16(-1), instance["S16"]);
        Assert.Equal(CimValue.UInt32(7), instance["U32"]);
        Assert.Equal(CimValue.SInt32(-7), instance["S32"]);
        Assert.Equal(CimValue.UInt64(ulong.MaxValue), instance["U64"]);
        Assert.Equal(CimValue.SInt64(long.MinValue), instance["S64"]);
        Assert.Equal(CimValue.Real32(1.5f), instance["R32"]);
        Assert.Equal(CimValue.Real64(double.NegativeInfinity), instance["R64"]);
        Assert.Equal(CimValue.Char16('é'), instance["C16"]);
        Assert.Equal(CimValue.Null(CimType.String), instance["Caption"]);
        Assert.Equal(CimValue.StringArray("a", " b & c "), instance["Notes"]);
        Assert.Equal("20240229123456.000000+000", instance["Created"].AsDateTime().ToCimString());
        Assert.Equal(30_000_000L, instance["Timeout"].AsDateTime().IntervalMicroseconds);
        Assert.Equal("root/interop:Test_VirtualSystem.CreationClassName=\"Test_VirtualSystem\",Name=\"vm1\"", instance["Owner"].AsReference().ToString());
        Assert.Equal(CimValue.Null(CimType.UInt16, isArray: true), instance["Codes"]);
    }

    [Fact]
    public void Nil_array_items_are_dropped_and_a_lone_nil_is_a_null_array()
    {
        var instance = ReadSetting("""
            <p:Codes>1</p:Codes><p:Codes xsi:nil="true"/><p:Codes>3</p:Codes>
            <p:Moments xsi:nil="1"/>
            <p:Notes>only</p:Notes>
            """);

        Assert.Equal(CimValue.UInt16Array(1, 3), instance["Codes"]);
        Assert.Equal(CimValue.Null(CimType.DateTime, isArray: true), instance["Moments"]);
        Assert.Equal(CimValue.StringArray("only"), instance["Notes"]);
    }

    [Fact]
    public void Empty_elements_are_empty_strings_but_not_numbers()
    {
        Assert.Equal(CimValue.String(""), ReadSetting("<p:Caption/>")["Caption"]);
        Assert.Equal(CimValue.String(""), ReadSetting("<p:Caption></p:Caption>")["Caption"]);
        var e = SettingFails("<p:U8/>");
        Assert.Equal(("U8: '' is not an integer.", "U8"), (e.Message, e.Name));
    }

    [Fact]
    public void An_empty_instance_element_has_every_property_null()
    {
        var instance = ReadSetting("");
        var selfClosed = _reader.ReadInstance(ReaderOn("<p:Test_Setting/>"), TestSchema.Class("Test_Setting"), "root/cimv2");

        Assert.All(instance.Class.Properties, p => Assert.True(instance[p].IsNull, p.Name));
        Assert.All(selfClosed.Class.Properties, p => Assert.True(selfClosed[p].IsNull, p.Name));
    }

    [Theory]
    [InlineData("<cim:Datetime>2024-02-29T12:34:56+01:00</cim:Datetime>", "20240229123456.000000+060")]
    [InlineData("<cim:Interval>P1DT2H</cim:Interval>", "00000001020000.000000:000")]
    [InlineData("<cim:Date>2024-02-29</cim:Date>", "20240229000000.000000+000")]
    [InlineData("<cim:CIM_DateTime>20240229123456.123456-300</cim:CIM_DateTime>", "20240229123456.123456-300")]
    [InlineData("<cim:CIMDateTime>00000000000030.000000:000</cim:CIMDateTime>", "00000000000030.000000:000")]
    [InlineData("\n  <cim:Datetime> 2024-02-29T12:34:56Z </cim:Datetime>\n", "20240229123456.000000+000")]
    [InlineData("20240229123456.000000+000", "20240229123456.000000+000")]
    [InlineData(" 2024-02-29T12:34:56Z ", "20240229123456.000000+000")]
    [InlineData("PT5S", "00000000000005.000000:000")]
    [InlineData("<![CDATA[PT5S]]>", "00000000000005.000000:000")]
    public void Datetimes_in_every_form(string content, string cim)
    {
        Assert.Equal(cim, ReadSetting($"<p:Created>{content}</p:Created>")["Created"].AsDateTime().ToCimString());
    }

    [Theory]
    [InlineData("<p:Created><cim:Datetime>yesterday</cim:Datetime></p:Created>", "Created: 'yesterday' is not a valid cim:Datetime.")]
    [InlineData("<p:Created><cim:Interval>P1Y</cim:Interval></p:Created>", "Created: 'P1Y' is not a valid cim:Interval.")]
    [InlineData("<p:Created><cim:CIM_DateTime>2024</cim:CIM_DateTime></p:Created>", "Created: '2024' is not a CIM datetime (25 characters: yyyymmddhhmmss.mmmmmmsutc or ddddddddhhmmss.mmmmmm:000).")]
    [InlineData("<p:Created><cim:Other>x</cim:Other></p:Created>", "Created: Other is not a datetime form (cim:Datetime, cim:Interval, cim:Date, cim:CIM_DateTime).")]
    [InlineData("<p:Created>soon</p:Created>", "Created: 'soon' is not a datetime (xs:dateTime, xs:duration or CIM form).")]
    [InlineData("<p:Created/>", "Created: '' is not a datetime (xs:dateTime, xs:duration or CIM form).")]
    [InlineData("<p:Created></p:Created>", "Created: no datetime value given.")]
    public void Bad_datetimes_name_the_property(string xml, string message)
    {
        var e = SettingFails(xml);

        Assert.Equal(message, e.Message);
        Assert.Equal("Created", e.Name);
        Assert.False(e.IsUnknownName);
    }

    [Fact]
    public void An_unknown_property_is_flagged_as_an_unknown_name()
    {
        var e = SettingFails("<p:InstanceID>x</p:InstanceID><p:Bogus>1</p:Bogus>");

        Assert.Equal(("Test_Setting has no property Bogus.", "Bogus", true), (e.Message, e.Name, e.IsUnknownName));
    }

    [Theory]
    [InlineData("<p:U8>256</p:U8>", "U8", "U8: 256 is outside the range of uint8 (0 to 255).")]
    [InlineData("<p:Enabled>yes</p:Enabled>", "Enabled", "Enabled: 'yes' is not a boolean (true or false).")]
    [InlineData("<p:R64>fast</p:R64>", "R64", "R64: 'fast' is not a real64 number.")]
    [InlineData("<p:C16>ab</p:C16>", "C16", "C16: 'ab' is not a single character.")]
    [InlineData("<p:Codes>1</p:Codes><p:Codes>x</p:Codes>", "Codes", "Codes: 'x' is not an integer.")]
    [InlineData("<p:U8>1</p:U8><p:u8>2</p:u8>", "U8", "Property U8 is not an array but was given more than once.")]
    [InlineData("<p:Owner><wsa:Address>a</wsa:Address></p:Owner>", "Owner", "Owner: The reference's resource URI '' does not name a CIM class.")]
    [InlineData("<p:Owner/>", "Owner", "Owner: An endpoint reference is empty.")]
    [InlineData("<p:Owner><wsa:ReferenceParameters><wsman:SelectorSet><wsman:Selector>x</wsman:Selector></wsman:SelectorSet></wsa:ReferenceParameters></p:Owner>", "Owner", "Owner: A wsman:Selector has no Name attribute.")]
    public void Bad_values_name_the_property(string xml, string name, string message)
    {
        var e = SettingFails(xml);

        Assert.Equal((message, name, false), (e.Message, e.Name, e.IsUnknownName));
    }

    [Fact]
    public void A_reference_to_an_unknown_class_names_the_property()
    {
        var e = SettingFails($"""
            <p:Owner><wsa:ReferenceParameters><wsman:ResourceURI>{DmtfPrefix}Test_Nope</wsman:ResourceURI></wsa:ReferenceParameters></p:Owner>
            """);

        Assert.Equal(("Owner: The reference names class Test_Nope, which this service does not know.", "Owner"), (e.Message, e.Name));
    }

    [Fact]
    public void Elements_inside_a_simple_value_are_refused()
    {
        var e = SettingFails("<p:Caption><b>bold</b></p:Caption>");

        Assert.Equal("Caption", e.Name);
        Assert.StartsWith("Caption: a simple value was expected (", e.Message);
    }

    [Fact]
    public void Method_arguments_are_typed_by_their_parameters()
    {
        var method = TestSchema.Class("Test_ComputerSystem").GetMethod("RequestStateChange")!;
        var r = ReaderOn($"""
            <p:RequestStateChange_INPUT>
              <p:requestedstate>2</p:requestedstate>
              <p:TimeoutPeriod><cim:Interval>PT30S</cim:Interval></p:TimeoutPeriod>
              <p:Tags>a</p:Tags>
              <p:Tags>b</p:Tags>
              <p:Peers>{SystemReference}</p:Peers>
              <p:Peers>{SystemReference.Replace(">vm1<", ">vm2<")}</p:Peers>
              <p:Echo xsi:nil="true"/>
            </p:RequestStateChange_INPUT>
            """);

        var arguments = _reader.ReadArguments(r, method, "root/cimv2");

        AssertAtMarker(r);
        Assert.Equal(["Echo", "Peers", "RequestedState", "Tags", "TimeoutPeriod"], arguments.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(CimValue.UInt16(2), arguments["REQUESTEDSTATE"]);
        Assert.Equal(CimDateTime.FromInterval(TimeSpan.FromSeconds(30)), arguments["TimeoutPeriod"].AsDateTime());
        Assert.Equal(CimValue.StringArray("a", "b"), arguments["Tags"]);
        Assert.Equal(["vm1", "vm2"], arguments["Peers"].AsArray().ToArray().Select(p => p.AsReference().GetKey("Name")!.Value.AsString()));
        Assert.Equal(CimValue.Null(CimType.String), arguments["Echo"]);
    }

    [Theory]
    [InlineData("<p:I/>")]
    [InlineData("<p:I></p:I>")]
    [InlineData("<p:I>\n</p:I>")]
    public void An_empty_input_element_has_no_arguments(string xml)
    {
        var method = TestSchema.Class("Test_ComputerSystem").GetMethod("RequestStateChange")!;
        var r = ReaderOn(xml);

        Assert.Empty(_reader.ReadArguments(r, method, "root/cimv2"));
        AssertAtMarker(r);
    }

    [Theory]
    [InlineData("<p:Job>x</p:Job>", "RequestStateChange has no input parameter Job.", "Job", true)]
    [InlineData("<p:Bogus>x</p:Bogus>", "RequestStateChange has no input parameter Bogus.", "Bogus", true)]
    [InlineData("<p:RequestedState>2</p:RequestedState><p:RequestedState>3</p:RequestedState>", "Parameter RequestedState is not an array but was given more than once.", "RequestedState", false)]
    [InlineData("<p:RequestedState>on</p:RequestedState>", "RequestedState: 'on' is not an integer.", "RequestedState", false)]
    public void Bad_arguments_name_the_parameter(string content, string message, string name, bool isUnknownName)
    {
        var method = TestSchema.Class("Test_ComputerSystem").GetMethod("RequestStateChange")!;

        var e = Assert.Throws<CimXmlException>(() => _reader.ReadArguments(ReaderOn($"<p:I>{content}</p:I>"), method, "root/cimv2"));

        Assert.Equal((message, name, isUnknownName), (e.Message, e.Name, e.IsUnknownName));
    }
}
