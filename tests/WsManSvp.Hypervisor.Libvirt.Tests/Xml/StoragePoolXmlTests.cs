using System.Xml.Linq;
using WsManSvp.Hypervisor.Libvirt.Xml;

namespace WsManSvp.Hypervisor.Libvirt.Tests.Xml;

public class StoragePoolXmlTests
{
    [Fact]
    public void Dir_pool()
    {
        Assert.Equal(new StoragePoolFacts("default", "dir", "/var/lib/libvirt/images", 502468108288, 103729864704),
            StoragePoolXml.Read(Samples.Read("dir-pool.xml")));
    }

    [Fact]
    public void Test_driver_pool()
    {
        Assert.Equal(new StoragePoolFacts("default-pool", "dir", "/default-pool", 107374182400, 0),
            StoragePoolXml.Read(Samples.Read("test-pool.xml")));
    }

    [Fact]
    public void Sizes_take_their_units_and_default_to_bytes_and_zero()
    {
        const string xml = "<pool type='logical'><name>vg</name><capacity unit='GiB'>2</capacity><available>5</available></pool>";

        Assert.Equal(new StoragePoolFacts("vg", "logical", null, 2L << 30, 0), StoragePoolXml.Read(xml));
        Assert.Equal(7, StoragePoolXml.Read("<pool type='dir'><name>p</name><capacity>7</capacity></pool>").CapacityBytes);
    }

    [Theory]
    [InlineData("<pool><name>p</name></pool>", "'type'")]
    [InlineData("<pool type='dir'/>", "no <name>")]
    [InlineData("<pool type='dir'><name>p</name><capacity unit='parsecs'>1</capacity></pool>", "unknown unit 'parsecs'")]
    [InlineData("<pool type='dir'><name>p</name><capacity>-1</capacity></pool>", "not a non-negative integer")]
    public void Bad_pools_fail(string xml, string message)
    {
        var e = Assert.Throws<HypervisorException>(() => StoragePoolXml.Read(xml));

        Assert.Equal(HypervisorError.Failed, e.Error);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void New_volume_is_qcow2_sized_in_bytes()
    {
        var volume = XElement.Parse(StoragePoolXml.NewVolume("web01.qcow2", 10L << 30));

        Assert.Equal("volume", volume.Name);
        Assert.Equal("web01.qcow2", (string?)volume.Element("name"));
        Assert.Equal("bytes", (string?)volume.Element("capacity")?.Attribute("unit"));
        Assert.Equal(10L << 30, (long?)volume.Element("capacity"));
        Assert.Equal("qcow2", (string?)volume.Element("target")?.Element("format")?.Attribute("type"));
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("a/b", 1)]
    [InlineData("v", 0)]
    public void New_volume_rejects_bad_arguments(string name, long capacity)
    {
        Assert.Equal(HypervisorError.InvalidArgument,
            Assert.Throws<HypervisorException>(() => StoragePoolXml.NewVolume(name, capacity)).Error);
    }
}
