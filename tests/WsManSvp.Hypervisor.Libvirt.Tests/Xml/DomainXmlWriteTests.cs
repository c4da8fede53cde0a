using System.Xml.Linq;
using WsManSvp.Hypervisor.Libvirt.Xml;

namespace WsManSvp.Hypervisor.Libvirt.Tests.Xml;

public class DomainXmlWriteTests
{
    internal static readonly DomainTarget Kvm = new("kvm", "x86_64", "hvm", "pc", "/usr/bin/qemu-system-x86_64");

    internal static readonly SystemDefinition Full = new("vm1", 4, 3072,
        [
            new VirtualDisk("vda", "/var/lib/libvirt/images/vm1.qcow2", 0, DiskBus.Virtio, false, "default"),
            new VirtualDisk("sda", "/srv/data.img", 0, DiskBus.Scsi, false, ""),
            new VirtualDisk("sdb", "/dev/vg0/data", 0, DiskBus.Sata, false, ""),
            new VirtualDisk("hdc", "/srv/iso/install.iso", 0, DiskBus.Ide, true, ""),
        ],
        [
            new VirtualNetworkAdapter("52:54:00:00:00:01", "default"),
            new VirtualNetworkAdapter("52:54:00:00:00:02", "bridge:br0", "e1000"),
        ])
    {
        Uuid = Guid.Parse("0d2b8f4e-5c3a-4f1b-8e7d-6a5b4c3d2e1f"),
        Description = "A <test> & more",
        ProcessorWeight = 512,
    };

    [Fact]
    public void New_domain_is_complete()
    {
        var domain = XElement.Parse(DomainXml.Write(Full, Kvm, null));

        Assert.Equal("kvm", (string?)domain.Attribute("type"));
        Assert.Equal("vm1", (string?)domain.Element("name"));
        Assert.Equal("0d2b8f4e-5c3a-4f1b-8e7d-6a5b4c3d2e1f", (string?)domain.Element("uuid"));
        Assert.Equal("A <test> & more", (string?)domain.Element("description"));
        foreach (var name in (string[])["memory", "currentMemory"])
        {
            Assert.Equal("KiB", (string?)domain.Element(name)?.Attribute("unit"));
            Assert.Equal(3072 * 1024, (long?)domain.Element(name));
        }
        Assert.Equal("static", (string?)domain.Element("vcpu")?.Attribute("placement"));
        Assert.Equal(4, (int?)domain.Element("vcpu"));
        Assert.Equal(512, (int?)domain.Element("cputune")?.Element("shares"));
        var type = domain.Element("os")!.Element("type")!;
        Assert.Equal(("x86_64", "pc", "hvm"), ((string?)type.Attribute("arch"), (string?)type.Attribute("machine"), type.Value));
        Assert.Equal("hd", (string?)domain.Element("os")!.Element("boot")?.Attribute("dev"));
        Assert.NotNull(domain.Element("features")?.Element("acpi"));
        Assert.Equal("utc", (string?)domain.Element("clock")?.Attribute("offset"));
        Assert.Equal(["destroy", "restart", "destroy"],
            new[] { "on_poweroff", "on_reboot", "on_crash" }.Select(n => (string?)domain.Element(n)));
        var devices = domain.Element("devices")!;
        Assert.Equal("/usr/bin/qemu-system-x86_64", (string?)devices.Element("emulator"));
        Assert.Equal("none", (string?)devices.Element("memballoon")?.Attribute("model"));
        Assert.Equal("pty", (string?)devices.Element("serial")?.Attribute("type"));
        Assert.Equal("serial", (string?)devices.Element("console")?.Element("target")?.Attribute("type"));
        Assert.Null(devices.Element("graphics"));
        Assert.Equal(["scsi:virtio-scsi", "sata:", "ide:"],
            devices.Elements("controller").Select(c => $"{(string?)c.Attribute("type")}:{(string?)c.Attribute("model")}"));
    }

    [Fact]
    public void New_disks_carry_type_format_target_and_readonly_media()
    {
        var disks = XElement.Parse(DomainXml.Write(Full, Kvm, null)).Element("devices")!.Elements("disk").ToList();

        Assert.Equal(
            [
                "file disk qcow2 file=/var/lib/libvirt/images/vm1.qcow2 vda virtio False",
                "file disk raw file=/srv/data.img sda scsi False",
                "block disk raw dev=/dev/vg0/data sdb sata False",
                "file cdrom raw file=/srv/iso/install.iso hdc ide True",
            ],
            disks.Select(d => string.Join(' ', (string?)d.Attribute("type"), (string?)d.Attribute("device"),
                (string?)d.Element("driver")?.Attribute("type"),
                d.Element("source")!.Attributes().Single().ToString().Replace("\"", "", StringComparison.Ordinal),
                (string?)d.Element("target")?.Attribute("dev"), (string?)d.Element("target")?.Attribute("bus"),
                d.Element("readonly") is not null)));
        Assert.All(disks, d => Assert.Equal("qemu", (string?)d.Element("driver")?.Attribute("name")));
    }

    [Fact]
    public void New_interfaces_on_networks_and_bridges()
    {
        var interfaces = XElement.Parse(DomainXml.Write(Full, Kvm, null)).Element("devices")!.Elements("interface").ToList();

        Assert.Equal(
            [
                "network 52:54:00:00:00:01 network=default virtio",
                "bridge 52:54:00:00:00:02 bridge=br0 e1000",
            ],
            interfaces.Select(i => string.Join(' ', (string?)i.Attribute("type"), (string?)i.Element("mac")?.Attribute("address"),
                i.Element("source")!.Attributes().Single().ToString().Replace("\"", "", StringComparison.Ordinal),
                (string?)i.Element("model")?.Attribute("type"))));
    }

    [Fact]
    public void Round_trip_gives_the_definition_back()
    {
        var definition = DomainXml.Read(DomainXml.Write(Full, Kvm, null), Samples.QemuPools);

        Definitions.AssertSame(Full, definition);
    }

    [Fact]
    public void Minimal_definition_round_trips_and_leaves_out_what_it_does_not_set()
    {
        var minimal = new SystemDefinition("tiny", 1, 1, [new VirtualDisk("hdc", "", 0, DiskBus.Ide, true, "")],
            [new VirtualNetworkAdapter("52:54:00:AB:CD:EF", "default", "")]);
        var xml = DomainXml.Write(minimal, new DomainTarget("qemu", "aarch64", "hvm", null, null), null);
        var domain = XElement.Parse(xml);

        Assert.Null(domain.Element("uuid"));
        Assert.Null(domain.Element("description"));
        Assert.Null(domain.Element("cputune"));
        Assert.Null(domain.Element("os")!.Element("type")!.Attribute("machine"));
        Assert.Null(domain.Element("devices")!.Element("emulator"));
        Assert.Null(domain.Element("devices")!.Element("disk")!.Element("source"));
        Assert.Null(domain.Element("devices")!.Element("interface")!.Element("model"));
        Definitions.AssertSame(minimal with { NetworkAdapters = [new VirtualNetworkAdapter("52:54:00:ab:cd:ef", "default", "")] },
            DomainXml.Read(xml, []));
    }

    [Fact]
    public void Non_hvm_guests_get_no_acpi()
    {
        var domain = XElement.Parse(DomainXml.Write(Full, new DomainTarget("xen", "x86_64", "xen", null, null), null));

        Assert.Null(domain.Element("features"));
    }

    public static TheoryData<SystemDefinition, string> InvalidDefinitions => new()
    {
        { new SystemDefinition(" ", 1, 64, [], []), "needs a name" },
        { new SystemDefinition("a", 0, 64, [], []), "at least one virtual CPU" },
        { new SystemDefinition("a", 1, 0, [], []), "0 MiB" },
        { new SystemDefinition("a", 1, long.MaxValue, [], []), "MiB" },
        { new SystemDefinition("a", 1, 64, [new VirtualDisk("", "/i", 0)], []), "target device name" },
        { new SystemDefinition("a", 1, 64, [new VirtualDisk("vda", "", 0)], []), "only a cdrom can be empty" },
        { new SystemDefinition("a", 1, 64, [new VirtualDisk("vda", "/a", 0), new VirtualDisk("vda", "/b", 0)], []), "Two disks" },
        { new SystemDefinition("a", 1, 64, [new VirtualDisk("vda", "/a", 0, (DiskBus)9)], []), "Unknown disk bus" },
        { new SystemDefinition("a", 1, 64, [], [new VirtualNetworkAdapter("52:54:00:00:00", "default")]), "not a MAC address" },
        { new SystemDefinition("a", 1, 64, [], [new VirtualNetworkAdapter("52:54:00:00:00:01", "bridge:")]), "names no network" },
        {
            new SystemDefinition("a", 1, 64, [],
                [new VirtualNetworkAdapter("52:54:00:00:00:01", "a"), new VirtualNetworkAdapter("52:54:00:00:00:01", "b")]),
            "Two network adapters"
        },
    };

    [Theory]
    [MemberData(nameof(InvalidDefinitions))]
    public void Invalid_definitions_are_refused(SystemDefinition definition, string message)
    {
        var e = Assert.Throws<HypervisorException>(() => DomainXml.Write(definition, Kvm, null));

        Assert.Equal(HypervisorError.InvalidArgument, e.Error);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
