using WsManSvp.Hypervisor.Libvirt.Xml;

namespace WsManSvp.Hypervisor.Libvirt.Tests.Xml;

public class BadInputTests
{
    [Theory]
    [InlineData("", "not well-formed")]
    [InlineData("<domain><name>a</name>", "not well-formed")]
    [InlineData("<!DOCTYPE domain [<!ENTITY x 'y'>]><domain><name>&x;</name></domain>", "not well-formed")]
    [InlineData("<pool/>", "Expected libvirt <domain>")]
    [InlineData("<domain xmlns='urn:x'><name>a</name></domain>", "Expected libvirt <domain>")]
    [InlineData("<domain><memory>1</memory></domain>", "no <name>")]
    [InlineData("<domain><name> </name><memory>1</memory></domain>", "<name> of <domain> is empty")]
    [InlineData("<domain><name>a</name></domain>", "no <memory>")]
    [InlineData("<domain><name>a</name><memory>lots</memory></domain>", "<memory> is not a non-negative integer")]
    [InlineData("<domain><name>a</name><memory unit='furlongs'>1</memory></domain>", "unknown unit 'furlongs'")]
    [InlineData("<domain><name>a</name><memory unit='EiB'>9</memory></domain>", "does not fit in 64 bits")]
    [InlineData("<domain><name>a</name><uuid>x</uuid><memory>1</memory></domain>", "<uuid> is not a UUID")]
    [InlineData("<domain><name>a</name><memory>1</memory><vcpu>two</vcpu></domain>", "<vcpu> is not")]
    [InlineData("<domain><name>a</name><memory>1</memory><vcpu current='x'>2</vcpu></domain>", "'current' of <vcpu> is not")]
    [InlineData("<domain><name>a</name><memory>1</memory><cputune><shares>x</shares></cputune></domain>", "<cputune><shares>")]
    public void Bad_domain_xml_fails_precisely(string xml, string message)
    {
        var e = Assert.Throws<HypervisorException>(() => DomainXml.Read(xml, []));

        Assert.Equal(HypervisorError.Failed, e.Error);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversized_documents_are_refused()
    {
        var xml = $"<domain><name>a</name><memory>1</memory><description>{new string('x', 5 * 1024 * 1024)}</description></domain>";

        Assert.Equal(HypervisorError.Failed, Assert.Throws<HypervisorException>(() => DomainXml.Read(xml, [])).Error);
    }

    [Fact]
    public void A_bad_number_in_what_an_edit_adjusts_fails_the_write()
    {
        const string existing = "<domain><name>a</name><memory>1</memory><vcpu>2</vcpu><cpu><topology sockets='many'/></cpu></domain>";

        var e = Assert.Throws<HypervisorException>(() =>
            DomainXml.Write(new SystemDefinition("a", 1, 64, [], []), DomainXmlWriteTests.Kvm, existing));

        Assert.Equal(HypervisorError.Failed, e.Error);
        Assert.Contains("'sockets' of <topology>", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_existing_domain_fails_the_write()
    {
        var definition = new SystemDefinition("a", 1, 64, [], []);

        Assert.Equal(HypervisorError.Failed,
            Assert.Throws<HypervisorException>(() => DomainXml.Write(definition, DomainXmlWriteTests.Kvm, "<domain>")).Error);
    }
}
