using WsManSvp.Cim.Xml;
using static WsManSvp.Cim.Tests.Xml.XmlFixtures;

namespace WsManSvp.Cim.Tests.Xml;

public class EndpointReferenceReaderTests
{
    private const string SystemUri = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/Test_VirtualSystem";

    [Fact]
    public void A_selector_set_gives_names_values_and_nested_references()
    {
        var r = ReaderOn($"""
            <wsman:SelectorSet>
              <wsman:Selector Name="Name">vm 1</wsman:Selector>
              <wsman:Selector Name="Empty"/>
              <wsman:Selector Name="Spaced">  a  </wsman:Selector>
              <wsman:Selector Name="System">
                <wsa:EndpointReference>
                  <wsa:Address>http://host/wsman</wsa:Address>
                  <wsa:ReferenceParameters>
                    <wsman:ResourceURI>{SystemUri}</wsman:ResourceURI>
                    <wsman:SelectorSet><wsman:Selector Name="Name">vm1</wsman:Selector></wsman:SelectorSet>
                  </wsa:ReferenceParameters>
                </wsa:EndpointReference>
              </wsman:Selector>
            </wsman:SelectorSet>
            """);

        var selectors = EndpointReferenceReader.ReadSelectorSet(r);

        AssertAtMarker(r);
        Assert.Equal(["Name", "Empty", "Spaced", "System"], selectors.Select(s => s.Name));
        Assert.Equal(["vm 1", "", "  a  ", null], selectors.Select(s => s.Value));
        Assert.Null(selectors[0].Reference);
        var nested = selectors[3].Reference!;
        Assert.Equal("http://host/wsman", nested.Address);
        Assert.Equal(SystemUri, nested.ResourceUri);
        Assert.Equal(new Selector("Name", "vm1", null), Assert.Single(nested.Selectors));
    }

    [Fact]
    public void An_empty_selector_set_has_no_selectors()
    {
        var r = ReaderOn("<wsman:SelectorSet/>");

        Assert.Empty(EndpointReferenceReader.ReadSelectorSet(r));
        AssertAtMarker(r);
    }

    [Theory]
    [InlineData("<wsman:SelectorSet><wsman:Option Name='a'>1</wsman:Option></wsman:SelectorSet>", "A SelectorSet holds wsman:Selector elements, not wsman:Option.", null)]
    [InlineData("<wsman:SelectorSet><wsman:Selector>1</wsman:Selector></wsman:SelectorSet>", "A wsman:Selector has no Name attribute.", null)]
    [InlineData("<wsman:SelectorSet><wsman:Selector Name='A'><x/></wsman:Selector></wsman:SelectorSet>", "Selector 'A' holds an unexpected element x.", "A")]
    public void Malformed_selector_sets_are_rejected(string xml, string message, string? name)
    {
        var e = Assert.Throws<CimXmlException>(() => EndpointReferenceReader.ReadSelectorSet(ReaderOn(xml)));

        Assert.Equal(message, e.Message);
        Assert.Equal(name, e.Name);
        Assert.False(e.IsUnknownName);
    }

    [Fact]
    public void An_endpoint_reference_with_reference_parameters()
    {
        var r = ReaderOn($"""
            <wsa:EndpointReference>
              <wsa:Address> http://host/wsman </wsa:Address>
              <wsa:ReferenceParameters>
                <wsman:ResourceURI> {SystemUri} </wsman:ResourceURI>
                <other:Thing xmlns:other="urn:other">ignored</other:Thing>
                <wsman:SelectorSet><wsman:Selector Name="Name">vm1</wsman:Selector></wsman:SelectorSet>
              </wsa:ReferenceParameters>
            </wsa:EndpointReference>
            """);

        var epr = EndpointReferenceReader.ReadEndpointReference(r);

        AssertAtMarker(r);
        Assert.Equal("http://host/wsman", epr.Address);
        Assert.Equal(SystemUri, epr.ResourceUri);
        Assert.Equal(new Selector("Name", "vm1", null), Assert.Single(epr.Selectors));
    }

    [Fact]
    public void Reference_properties_and_bare_parameters_are_read_too()
    {
        var old = ReaderOn($"""
            <p:Owner><wsa:Address>urn:a</wsa:Address><wsa:ReferenceProperties><wsman:ResourceURI>{SystemUri}</wsman:ResourceURI></wsa:ReferenceProperties></p:Owner>
            """);
        var bare = ReaderOn($"""
            <p:Owner><wsman:ResourceURI>{SystemUri}</wsman:ResourceURI><wsman:SelectorSet><wsman:Selector Name="Name">x</wsman:Selector></wsman:SelectorSet></p:Owner>
            """);

        var fromOld = EndpointReferenceReader.ReadEndpointReference(old);
        var fromBare = EndpointReferenceReader.ReadEndpointReference(bare);

        AssertAtMarker(old);
        AssertAtMarker(bare);
        Assert.Equal(("urn:a", SystemUri), (fromOld.Address, fromOld.ResourceUri));
        Assert.Empty(fromOld.Selectors);
        Assert.Equal((XmlNs.AnonymousAddress, SystemUri), (fromBare.Address, fromBare.ResourceUri));
        Assert.Equal("x", Assert.Single(fromBare.Selectors).Value);
    }

    [Fact]
    public void A_property_wrapping_an_endpoint_reference_is_consumed_whole()
    {
        var r = ReaderOn($"""
            <p:Owner>
              <wsa:EndpointReference>
                <wsa:Address>urn:a</wsa:Address>
                <wsa:ReferenceParameters><wsman:ResourceURI>{SystemUri}</wsman:ResourceURI></wsa:ReferenceParameters>
              </wsa:EndpointReference>
            </p:Owner>
            """);

        var epr = EndpointReferenceReader.ReadEndpointReference(r);

        Assert.Equal(("urn:a", SystemUri), (epr.Address, epr.ResourceUri));
        AssertAtMarker(r);
    }

    [Fact]
    public void An_empty_endpoint_reference_is_rejected()
    {
        Assert.Equal("An endpoint reference is empty.",
            Assert.Throws<CimXmlException>(() => EndpointReferenceReader.ReadEndpointReference(ReaderOn("<p:Owner/>"))).Message);
        Assert.Equal("An endpoint reference is empty.",
            Assert.Throws<CimXmlException>(() => EndpointReferenceReader.ReadEndpointReference(ReaderOn("<p:Owner> </p:Owner>"))).Message);
    }
}
