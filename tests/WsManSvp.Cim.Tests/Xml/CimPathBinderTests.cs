using WsManSvp.Cim.Model;
using WsManSvp.Cim.Xml;
using static WsManSvp.Cim.Tests.Xml.XmlFixtures;

namespace WsManSvp.Cim.Tests.Xml;

public class CimPathBinderTests
{
    private const string DmtfPrefix = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/";

    private readonly CimPathBinder _binder = new(TestSchema.Repository, new HashSet<string> { "root/cimv2", "root/interop" });

    private static Selector S(string name, string value) => new(name, value, null);

    private static EndpointReference SystemEpr(params Selector[] selectors) =>
        new(XmlNs.AnonymousAddress, DmtfPrefix + "Test_VirtualSystem", selectors);

    private CimSelectorException Fails(string className, bool allowPartial, params Selector[] selectors) =>
        Assert.Throws<CimSelectorException>(() => _binder.Bind(TestSchema.Class(className), "root/cimv2", selectors, allowPartial));

    [Fact]
    public void Selector_names_match_keys_ignoring_case()
    {
        var path = _binder.Bind(TestSchema.Class("Test_ComputerSystem"), "root/interop",
            [S("NAME", "vm1"), S("__cimnamespace", "root/interop"), S("creationclassname", "Test_ComputerSystem")], allowPartial: false);

        Assert.Equal("root/interop", path.Namespace);
        Assert.Equal("Test_ComputerSystem", path.ClassName);
        Assert.Equal([("Name", CimValue.String("vm1")), ("CreationClassName", CimValue.String("Test_ComputerSystem"))],
            path.Keys.Select(k => (k.Name, k.Value)));
    }

    [Fact]
    public void Keys_are_typed_by_their_declaration()
    {
        var path = _binder.Bind(TestSchema.Class("Test_Disk"), "root/cimv2",
        [
            new Selector("System", null, SystemEpr(S("Name", "vm1"), S("CreationClassName", "Test_VirtualSystem"))),
            S("Number", " 7 "),
            S("Since", "20240101000000.000000+000"),
        ], allowPartial: false);

        Assert.Equal(CimValue.UInt32(7), path.GetKey("Number"));
        Assert.Equal("20240101000000.000000+000", path.GetKey("Since")!.Value.AsDateTime().ToCimString());
        Assert.Equal("root/cimv2:Test_VirtualSystem.Name=\"vm1\",CreationClassName=\"Test_VirtualSystem\"",
            path.GetKey("System")!.Value.AsReference().ToString());
    }

    [Theory]
    [InlineData("Caption")]
    [InlineData("Bogus")]
    public void Selectors_that_are_not_keys_are_unexpected(string name)
    {
        var e = Fails("Test_ComputerSystem", false, S("Name", "vm1"), S("CreationClassName", "c"), S(name, "x"));

        Assert.Equal(SelectorProblem.UnexpectedSelectors, e.Problem);
        Assert.Equal($"'{name}' is not a key of Test_ComputerSystem; its keys are CreationClassName, Name.", e.Message);
    }

    [Fact]
    public void A_key_given_twice_is_a_duplicate()
    {
        var e = Fails("Test_ComputerSystem", false, S("Name", "a"), S("name", "b"), S("CreationClassName", "c"));

        Assert.Equal(SelectorProblem.DuplicateSelectors, e.Problem);
        Assert.Equal("Selector 'name' appears twice.", e.Message);
    }

    [Fact]
    public void Missing_keys_are_insufficient_unless_partial_binding_is_allowed()
    {
        var e = Fails("Test_ComputerSystem", false, S("Name", "vm1"));
        Assert.Equal(SelectorProblem.InsufficientSelectors, e.Problem);
        Assert.Equal("Test_ComputerSystem is identified by CreationClassName, Name; missing: CreationClassName.", e.Message);

        var partial = _binder.Bind(TestSchema.Class("Test_ComputerSystem"), "root/cimv2", [S("Name", "vm1")], allowPartial: true);
        Assert.Equal([("Name", CimValue.String("vm1"))], partial.Keys.Select(k => (k.Name, k.Value)));

        var none = Fails("Test_ComputerSystem", true);
        Assert.Equal(SelectorProblem.InsufficientSelectors, none.Problem);
        Assert.Equal("Test_ComputerSystem is identified by CreationClassName, Name; missing: CreationClassName, Name.", none.Message);
    }

    [Fact]
    public void A_class_without_keys_binds_without_selectors()
    {
        var path = _binder.Bind(TestSchema.Class("Test_Keyless"), "root/cimv2", [S("__cimnamespace", "root/cimv2")], allowPartial: false);

        Assert.Empty(path.Keys);
        Assert.Equal("Test_Keyless", path.ClassName);
    }

    [Theory]
    [InlineData("abc", "Selector 'Number': 'abc' is not an integer.")]
    [InlineData("-1", "Selector 'Number': -1 is outside the range of uint32 (0 to 4294967295).")]
    [InlineData("4294967296", "Selector 'Number': 4294967296 is outside the range of uint32 (0 to 4294967295).")]
    public void Integer_keys_with_bad_text_are_type_mismatches(string value, string message)
    {
        var e = Fails("Test_Disk", true, S("Number", value));

        Assert.Equal(SelectorProblem.TypeMismatch, e.Problem);
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Reference_keys_need_an_endpoint_reference_and_other_keys_need_text()
    {
        var text = Fails("Test_Disk", true, S("System", "root/cimv2:Test_VirtualSystem.Name=\"vm1\""));
        Assert.Equal(SelectorProblem.TypeMismatch, text.Problem);
        Assert.Equal("Selector 'System' is a reference; it needs an endpoint reference, not text.", text.Message);

        var epr = Fails("Test_Disk", true, new Selector("Number", null, SystemEpr()));
        Assert.Equal(SelectorProblem.TypeMismatch, epr.Problem);
        Assert.Equal("Selector 'Number' is uint32, not a reference.", epr.Message);
    }

    [Fact]
    public void A_nested_reference_must_name_a_known_class_and_all_its_keys()
    {
        var missingKey = Fails("Test_Disk", true, new Selector("System", null, SystemEpr(S("Name", "vm1"))));
        Assert.Equal(SelectorProblem.InsufficientSelectors, missingKey.Problem);
        Assert.Equal("Test_VirtualSystem is identified by CreationClassName, Name; missing: CreationClassName.", missingKey.Message);

        var unknown = Fails("Test_Disk", true, new Selector("System", null, new EndpointReference("a", DmtfPrefix + "Test_Nope", [])));
        Assert.Equal(SelectorProblem.InvalidValue, unknown.Problem);
        Assert.Equal("The reference names class Test_Nope, which this service does not know.", unknown.Message);

        var notCim = Fails("Test_Disk", true, new Selector("System", null, new EndpointReference("a", "urn:other", [])));
        Assert.Equal(SelectorProblem.InvalidValue, notCim.Problem);
        Assert.Equal("The reference's resource URI 'urn:other' does not name a CIM class.", notCim.Message);

        var noUri = Fails("Test_Disk", true, new Selector("System", null, new EndpointReference("a", null, [])));
        Assert.Equal(SelectorProblem.InvalidValue, noUri.Problem);
    }

    [Fact]
    public void A_reference_takes_its_namespace_from_cimnamespace_then_the_wmi_uri_then_the_default()
    {
        var keys = new[] { S("Name", "vm1"), S("CreationClassName", "Test_VirtualSystem") };

        Assert.Equal("root/interop", _binder.BindReference(SystemEpr([.. keys, S("__cimnamespace", "ROOT\\Interop")]), "root/cimv2").Namespace);
        var wmi = new EndpointReference("a", "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/interop/Test_VirtualSystem", keys);
        Assert.Equal("root/interop", _binder.BindReference(wmi, "root/cimv2").Namespace);
        Assert.Equal("root/cimv2", _binder.BindReference(SystemEpr(keys), "root/cimv2").Namespace);
        Assert.Equal("root/interop", _binder.BindReference(SystemEpr(keys), "root/interop").Namespace);
    }

    [Fact]
    public void Nested_references_read_from_xml_bind()
    {
        var selectors = EndpointReferenceReader.ReadSelectorSet(ReaderOn($"""
            <wsman:SelectorSet>
              <wsman:Selector Name="Number">2</wsman:Selector>
              <wsman:Selector Name="Since">2024-01-01T00:00:00Z</wsman:Selector>
              <wsman:Selector Name="System"><wsa:EndpointReference>
                <wsa:Address>{XmlNs.AnonymousAddress}</wsa:Address>
                <wsa:ReferenceParameters>
                  <wsman:ResourceURI>{DmtfPrefix}Test_VirtualSystem</wsman:ResourceURI>
                  <wsman:SelectorSet>
                    <wsman:Selector Name="CreationClassName">Test_VirtualSystem</wsman:Selector>
                    <wsman:Selector Name="Name">vm1</wsman:Selector>
                    <wsman:Selector Name="__cimnamespace">root/interop</wsman:Selector>
                  </wsman:SelectorSet>
                </wsa:ReferenceParameters>
              </wsa:EndpointReference></wsman:Selector>
            </wsman:SelectorSet>
            """));

        var path = _binder.Bind(TestSchema.Class("Test_Disk"), "root/cimv2", selectors, allowPartial: false);

        Assert.Equal("root/interop:Test_VirtualSystem.CreationClassName=\"Test_VirtualSystem\",Name=\"vm1\"",
            path.GetKey("System")!.Value.AsReference().ToString());
        Assert.Equal(CimValue.UInt32(2), path.GetKey("Number"));
    }

    [Theory]
    [InlineData("root/interop", "root/interop")]
    [InlineData("ROOT\\CIMV2", "root/cimv2")]
    [InlineData(" root/Interop ", "root/interop")]
    public void The_namespace_selector_is_normalised(string given, string expected)
    {
        Assert.Equal(expected, _binder.NamespaceOf([S("Name", "x"), S("__CIMNamespace", given)], "root/cimv2"));
        Assert.Equal(expected, CimPathBinder.NormalizeNamespace(given));
    }

    [Fact]
    public void Without_a_namespace_selector_the_default_applies()
    {
        Assert.Equal("root/interop", _binder.NamespaceOf([S("Name", "x")], "root/interop"));
        Assert.Equal("root/cimv2", _binder.NamespaceOf([], "root/cimv2"));
    }

    [Fact]
    public void Unknown_and_repeated_namespaces_are_rejected()
    {
        var unknown = Assert.Throws<CimSelectorException>(() => _binder.NamespaceOf([S("__cimnamespace", "root/other")], "root/cimv2"));
        Assert.Equal(SelectorProblem.InvalidValue, unknown.Problem);
        Assert.Equal("Namespace 'root/other' is not served; served namespaces: root/cimv2, root/interop.", unknown.Message);

        var twice = Assert.Throws<CimSelectorException>(() =>
            _binder.NamespaceOf([S("__cimnamespace", "root/cimv2"), S("__cimnamespace", "root/cimv2")], "root/cimv2"));
        Assert.Equal(SelectorProblem.DuplicateSelectors, twice.Problem);
        Assert.Equal("The __cimnamespace selector appears twice.", twice.Message);
    }
}
