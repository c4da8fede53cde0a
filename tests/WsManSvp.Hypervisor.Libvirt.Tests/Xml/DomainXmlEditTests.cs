using System.Xml.Linq;
using WsManSvp.Hypervisor.Libvirt.Xml;

namespace WsManSvp.Hypervisor.Libvirt.Tests.Xml;

public class DomainXmlEditTests
{
    private static readonly string Existing = Samples.Read("kvm-domain.xml");
    private static readonly SystemDefinition Current = DomainXml.Read(Existing, Samples.QemuPools);

    private static XElement Edit(SystemDefinition definition, string? existing = null) =>
        XElement.Parse(DomainXml.Write(definition, DomainXmlWriteTests.Kvm, existing ?? Existing, Samples.QemuPools));

    private static XElement Devices(XElement domain) => domain.Element("devices")!;

    private static XElement Disk(XElement domain, string dev) =>
        Devices(domain).Elements("disk").Single(d => (string?)d.Element("target")?.Attribute("dev") == dev);

    private static XElement Interface(XElement domain, string mac) =>
        Devices(domain).Elements("interface").Single(i => string.Equals((string?)i.Element("mac")?.Attribute("address"), mac,
            StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void Unchanged_definition_leaves_the_domain_as_it_was()
    {
        Assert.True(XNode.DeepEquals(XElement.Parse(Existing), Edit(Current)));
    }

    [Fact]
    public void Edit_changes_what_the_definition_describes_and_keeps_everything_else()
    {
        var edited = Current with
        {
            VirtualCpus = 4,
            MemoryMiB = 4096,
            Description = "changed",
            ProcessorWeight = 300,
            Disks =
            [
                Current.Disks[0],
                Current.Disks[2] with { Path = "/srv/iso/other.iso" },
                new VirtualDisk("sdb", "/var/lib/libvirt/images/new.qcow2", 0, DiskBus.Scsi, false, "default"),
            ],
            NetworkAdapters =
            [
                Current.NetworkAdapters[0] with { Model = "e1000e" },
                new VirtualNetworkAdapter("52:54:00:00:00:07", "isolated"),
            ],
        };
        var original = XElement.Parse(Existing);

        var domain = Edit(edited);

        Definitions.AssertSame(edited, DomainXml.Read(domain.ToString(), Samples.QemuPools));
        Assert.Equal(4 * 1024 * 1024, (long?)domain.Element("currentMemory"));
        foreach (var name in (string[])["title", "metadata", "os", "features", "clock", "on_poweroff", "on_reboot", "on_crash", "pm"])
            Assert.True(XNode.DeepEquals(original.Element(name), domain.Element(name)), name);
        // The cpu topology counted two vCPUs; libvirt would refuse it with four.
        Assert.True(XNode.DeepEquals(new XElement("cpu", original.Element("cpu")!.Attributes()), domain.Element("cpu")));
        Assert.Equal(Others(original), Others(domain));
        // The disk that stays is untouched: driver options, boot order, address.
        Assert.True(XNode.DeepEquals(Disk(original, "vda"), Disk(domain, "vda")));
        var cdrom = Disk(domain, "sda");
        Assert.Equal("/srv/iso/other.iso", (string?)cdrom.Element("source")?.Attribute("file"));
        Assert.Equal("2", (string?)cdrom.Element("boot")?.Attribute("order"));
        Assert.NotNull(cdrom.Element("address"));
        Assert.NotNull(cdrom.Element("readonly"));
        // Devices the definition does not describe stay.
        Assert.True(XNode.DeepEquals(Disk(original, "vdc"), Disk(domain, "vdc")));
        Assert.True(XNode.DeepEquals(Disk(original, "fda"), Disk(domain, "fda")));
        Assert.True(XNode.DeepEquals(Interface(original, "52:54:00:aa:00:01"), Interface(domain, "52:54:00:aa:00:01")));
        Assert.DoesNotContain(Devices(domain).Elements("disk"), d => (string?)d.Element("target")?.Attribute("dev") == "vdb");
        Assert.DoesNotContain(Devices(domain).Elements("interface"), i => (string?)i.Attribute("type") == "bridge");
        var nic = Interface(domain, "52:54:00:6b:3c:58");
        Assert.Equal("e1000e", (string?)nic.Element("model")?.Attribute("type"));
        Assert.True(XNode.DeepEquals(Interface(original, "52:54:00:6b:3c:58").Element("address"), nic.Element("address")));
        // The new scsi disk needs a controller; those there stay.
        Assert.Equal(original.Element("devices")!.Elements("controller").Select(c => (string?)c.Attribute("type")).Append("scsi"),
            Devices(domain).Elements("controller").Select(c => (string?)c.Attribute("type")));
    }

    /// <summary>The devices other than disks, interfaces and controllers.</summary>
    private static string[] Others(XElement domain) =>
        Devices(domain).Elements().Where(e => e.Name.LocalName is not ("disk" or "interface" or "controller"))
            .Select(e => e.ToString()).ToArray();

    [Fact]
    public void Bus_change_drops_the_old_address_and_cdrom_change_the_readonly_mark()
    {
        var edited = Current with
        {
            Disks = [Current.Disks[0] with { Bus = DiskBus.Sata }, Current.Disks[1], Current.Disks[2] with { IsCdrom = false }],
        };

        var domain = Edit(edited);

        var vda = Disk(domain, "vda");
        Assert.Equal("sata", (string?)vda.Element("target")?.Attribute("bus"));
        Assert.Null(vda.Element("address"));
        Assert.Equal("1", (string?)vda.Element("boot")?.Attribute("order"));
        Assert.Equal("unmap", (string?)vda.Element("driver")?.Attribute("discard"));
        var sda = Disk(domain, "sda");
        Assert.Equal("disk", (string?)sda.Attribute("device"));
        Assert.Null(sda.Element("readonly"));
        Assert.NotNull(sda.Element("address"));
        Definitions.AssertSame(edited, DomainXml.Read(domain.ToString(), Samples.QemuPools));
    }

    [Fact]
    public void Volume_disk_that_stays_keeps_its_volume_source()
    {
        var domain = Edit(Current with { MemoryMiB = 1024 });

        Assert.Equal("volume", (string?)Disk(domain, "vdb").Attribute("type"));
    }

    [Fact]
    public void Changed_image_becomes_a_file_or_block_source_of_its_format()
    {
        var edited = Current with
        {
            Disks =
            [
                Current.Disks[0] with { Path = "/dev/vg0/web01", StoragePool = "" },
                Current.Disks[1] with { Path = "/srv/raw.img", StoragePool = "" },
                Current.Disks[2] with { Path = "" },
            ],
        };

        var domain = Edit(edited);

        Assert.Equal(("block", "raw", "/dev/vg0/web01", "unmap"), (
            (string?)Disk(domain, "vda").Attribute("type"), (string?)Disk(domain, "vda").Element("driver")?.Attribute("type"),
            (string?)Disk(domain, "vda").Element("source")?.Attribute("dev"), (string?)Disk(domain, "vda").Element("driver")?.Attribute("discard")));
        Assert.Equal("file", (string?)Disk(domain, "vdb").Attribute("type"));
        Assert.Equal("/srv/raw.img", (string?)Disk(domain, "vdb").Element("source")?.Attribute("file"));
        Assert.Null(Disk(domain, "sda").Element("source"));
        Definitions.AssertSame(edited, DomainXml.Read(domain.ToString(), Samples.QemuPools));
    }

    [Fact]
    public void Network_change_replaces_the_source()
    {
        var edited = Current with { NetworkAdapters = [Current.NetworkAdapters[0] with { Network = "bridge:br9" }, Current.NetworkAdapters[1] with { Network = "lan" }] };

        var domain = Edit(edited);

        Assert.Equal("bridge", (string?)Interface(domain, "52:54:00:6b:3c:58").Attribute("type"));
        Assert.Equal("br9", (string?)Interface(domain, "52:54:00:6b:3c:58").Element("source")?.Attribute("bridge"));
        Assert.Equal("network", (string?)Interface(domain, "52:54:00:12:34:56").Attribute("type"));
        Definitions.AssertSame(edited, DomainXml.Read(domain.ToString(), Samples.QemuPools));
    }

    [Fact]
    public void Uuid_is_kept_when_the_definition_gives_none_and_description_goes_when_null()
    {
        var domain = Edit(Current with { Uuid = null, Description = null });

        Assert.Equal("3e9a1c52-7f0b-4d6e-9a8c-2b1f5d0e7a41", (string?)domain.Element("uuid"));
        Assert.Null(domain.Element("description"));
    }

    [Theory]
    [InlineData(2048, true)]
    [InlineData(8192, false)]
    public void Max_memory_stays_unless_below_the_new_size(long mib, bool kept)
    {
        var existing = Existing.Replace("<memory unit='KiB'>", "<maxMemory slots='16' unit='GiB'>4</maxMemory><memory unit='KiB'>", StringComparison.Ordinal);

        Assert.Equal(kept, Edit(Current with { MemoryMiB = mib }, existing).Element("maxMemory") is not null);
    }

    [Fact]
    public void Vcpu_count_change_drops_what_depends_on_the_old_count()
    {
        var existing = DomainXmlReadTests.Domain("").Replace("<vcpu>1</vcpu>", """
            <vcpu placement='static' current='2'>4</vcpu>
            <vcpus><vcpu id='0' enabled='yes'/><vcpu id='1' enabled='yes'/><vcpu id='2' enabled='no'/><vcpu id='3' enabled='no'/></vcpus>
            <cputune><shares>100</shares><vcpupin vcpu='0' cpuset='1'/><vcpupin vcpu='2' cpuset='3'/></cputune>
            <cpu><topology sockets='1' cores='2' threads='2'/></cpu>
            """, StringComparison.Ordinal);
        var current = DomainXml.Read(existing, []);

        var domain = Edit(current with { VirtualCpus = 2, ProcessorWeight = null }, existing);

        Assert.Equal("<vcpu placement=\"static\">2</vcpu>", domain.Element("vcpu")!.ToString());
        Assert.Null(domain.Element("vcpus"));
        Assert.Equal(["0"], domain.Element("cputune")!.Elements("vcpupin").Select(p => (string?)p.Attribute("vcpu")));
        Assert.Null(domain.Element("cputune")!.Element("shares"));
        Assert.Null(domain.Element("cpu")!.Element("topology"));
    }

    [Fact]
    public void Topology_matching_the_new_count_stays_and_an_emptied_cputune_goes()
    {
        var existing = Existing.Replace("<vcpu placement='static'>2</vcpu>",
            "<vcpu placement='static'>1</vcpu><cputune><shares>100</shares></cputune>", StringComparison.Ordinal);

        var domain = Edit(Current with { VirtualCpus = 2, ProcessorWeight = null }, existing);

        Assert.NotNull(domain.Element("cpu")!.Element("topology"));
        Assert.Null(domain.Element("cputune"));
    }

    [Fact]
    public void Disk_on_the_target_of_a_device_the_definition_does_not_describe_is_refused()
    {
        var e = Assert.Throws<HypervisorException>(() =>
            Edit(Current with { Disks = [.. Current.Disks, new VirtualDisk("vdc", "/i.img", 0)] }));

        Assert.Equal(HypervisorError.InvalidArgument, e.Error);
        Assert.Contains("vdc", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adapter_with_the_MAC_of_an_interface_the_definition_does_not_describe_is_refused()
    {
        var e = Assert.Throws<HypervisorException>(() => Edit(Current with
        {
            NetworkAdapters = [.. Current.NetworkAdapters, new VirtualNetworkAdapter("52:54:00:AA:00:01", "default")],
        }));

        Assert.Equal(HypervisorError.InvalidArgument, e.Error);
        Assert.Contains("52:54:00:aa:00:01", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Domain_without_devices_gets_them()
    {
        var existing = "<domain type='kvm'><name>a</name><memory>65536</memory></domain>";
        var edited = new SystemDefinition("a", 1, 64, [new VirtualDisk("vda", "/a.qcow2", 0, StoragePool: "")], [new VirtualNetworkAdapter("52:54:00:00:00:01", "default")]);

        Definitions.AssertSame(edited, DomainXml.Read(Edit(edited, existing).ToString(), []));
    }
}
