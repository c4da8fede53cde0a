using WsManSvp.Hypervisor.Libvirt.Xml;

namespace WsManSvp.Hypervisor.Libvirt.Tests.Xml;

public class DomainXmlReadTests
{
    [Fact]
    public void Test_driver_domain()
    {
        var definition = DomainXml.Read(Samples.Read("test-domain.xml"), Samples.TestPools);

        Definitions.AssertSame(
            new SystemDefinition("test", 2, 8192,
                [new VirtualDisk("vda", "/guest/diskimage1", 0, DiskBus.Virtio, false, "")],
                [new VirtualNetworkAdapter("aa:bb:cc:dd:ee:ff", "default", "")])
            {
                Uuid = Guid.Parse("6695eb01-f6a4-8304-79aa-97f2502e193f"),
            },
            definition);
    }

    [Fact]
    public void Virt_install_domain_gives_the_disks_and_interfaces_a_definition_describes()
    {
        var definition = DomainXml.Read(Samples.Read("kvm-domain.xml"), Samples.QemuPools);

        Definitions.AssertSame(
            new SystemDefinition("web01", 2, 2048,
                [
                    new VirtualDisk("vda", "/var/lib/libvirt/images/web01.qcow2", 0, DiskBus.Virtio, false, "default"),
                    new VirtualDisk("vdb", "/var/lib/libvirt/images/web01-data.qcow2", 0, DiskBus.Virtio, false, "default"),
                    new VirtualDisk("sda", "/srv/iso/debian-12.5.0-amd64-netinst.iso", 0, DiskBus.Sata, true, ""),
                ],
                [
                    new VirtualNetworkAdapter("52:54:00:6b:3c:58", "default", "virtio"),
                    new VirtualNetworkAdapter("52:54:00:12:34:56", "bridge:br0", ""),
                ])
            {
                Uuid = Guid.Parse("3e9a1c52-7f0b-4d6e-9a8c-2b1f5d0e7a41"),
                Description = "Front end, installed from debian-12",
                Graphics = [new VirtualGraphics(GraphicsTypes.Spice)],
            },
            definition);
    }

    [Fact]
    public void Volume_of_an_unknown_pool_reads_as_pool_slash_volume()
    {
        var disk = Assert.Single(DomainXml.Read(Domain("""
            <disk type='volume' device='disk'><source pool='fast' volume='v1'/><target dev='vda' bus='virtio'/></disk>
            """), Samples.QemuPools).Disks);

        Assert.Equal(new VirtualDisk("vda", "fast/v1", 0, DiskBus.Virtio, false, "fast"), disk);
    }

    [Fact]
    public void Block_device_and_empty_cdrom()
    {
        var disks = DomainXml.Read(Domain("""
            <disk type='block' device='disk'><source dev='/dev/vg0/lv1'/><target dev='sdb' bus='scsi'/></disk>
            <disk type='file' device='cdrom'><target dev='hdc' bus='ide'/><readonly/></disk>
            <disk type='file' device='disk'><target dev='vdz' bus='virtio'/></disk>
            """), []).Disks;

        Assert.Equal(
            [new VirtualDisk("sdb", "/dev/vg0/lv1", 0, DiskBus.Scsi, false, ""), new VirtualDisk("hdc", "", 0, DiskBus.Ide, true, "")],
            disks);
    }

    [Theory]
    [InlineData("<target dev='hda'/>", DiskBus.Ide)]
    [InlineData("<target dev='sda'/>", DiskBus.Scsi)]
    [InlineData("<target dev='vda'/>", DiskBus.Virtio)]
    [InlineData("<target dev='sda' bus='usb'/>", DiskBus.Virtio)]
    [InlineData("<target dev='sda' bus='sata'/>", DiskBus.Sata)]
    public void Bus_from_target(string target, DiskBus bus)
    {
        var disk = Assert.Single(DomainXml.Read(Domain($"<disk type='file' device='disk'><source file='/i.img'/>{target}</disk>"), []).Disks);

        Assert.Equal(bus, disk.Bus);
    }

    [Fact]
    public void Vcpu_current_counts_the_online_ones_and_shares_give_the_weight()
    {
        var definition = DomainXml.Read("""
            <domain type='kvm'><name>a</name><memory>1048576</memory><vcpu placement='static' current='2'>8</vcpu>
              <cputune><shares>2048</shares></cputune></domain>
            """, []);

        Assert.Equal(2, definition.VirtualCpus);
        Assert.Equal(2048, definition.ProcessorWeight);
        Assert.Equal(1024, definition.MemoryMiB);
        Assert.Null(definition.Uuid);
        Assert.Null(definition.Description);
    }

    [Theory]
    [InlineData("b", 3221225472L, 3072L)]
    [InlineData("bytes", 3221225472L, 3072L)]
    [InlineData("KB", 3145728L, 3000L)]
    [InlineData("k", 3145728L, 3072L)]
    [InlineData("KiB", 3145728L, 3072L)]
    [InlineData("MB", 3000L, 2861L)]
    [InlineData("M", 3072L, 3072L)]
    [InlineData("MiB", 3072L, 3072L)]
    [InlineData("mib", 3072L, 3072L)]
    [InlineData("GB", 3L, 2861L)]
    [InlineData("G", 3L, 3072L)]
    [InlineData("GiB", 3L, 3072L)]
    [InlineData("TB", 2L, 1907348L)]
    [InlineData("T", 2L, 2097152L)]
    [InlineData("TiB", 2L, 2097152L)]
    [InlineData(null, 3145728L, 3072L)]
    public void Memory_in_every_unit_rounds_down_to_MiB(string? unit, long value, long mib)
    {
        var attribute = unit is null ? "" : $" unit='{unit}'";

        var definition = DomainXml.Read($"<domain><name>a</name><memory{attribute}>{value}</memory></domain>", []);

        Assert.Equal(mib, definition.MemoryMiB);
    }

    [Fact]
    public void Memory_below_a_MiB_rounds_down()
    {
        Assert.Equal(1, DomainXml.Read("<domain><name>a</name><memory unit='KB'>2000</memory></domain>", []).MemoryMiB);
        Assert.Equal(0, DomainXml.Read("<domain><name>a</name><memory unit='b'>1048575</memory></domain>", []).MemoryMiB);
    }

    [Fact]
    public void Other_devices_and_interfaces_are_ignored()
    {
        var definition = DomainXml.Read(Domain("""
            <interface type='user'><mac address='52:54:00:00:00:01'/></interface>
            <interface type='direct'><mac address='52:54:00:00:00:02'/><source dev='eth0' mode='bridge'/></interface>
            <interface type='network'><source network='default'/></interface>
            <hostdev mode='subsystem' type='pci'/>
            <disk type='file' device='floppy'><source file='/f.img'/><target dev='fda'/></disk>
            """), []);

        Assert.Empty(definition.Disks);
        Assert.Empty(definition.NetworkAdapters);
    }

    internal static string Domain(string devices) =>
        $"<domain type='kvm'><name>a</name><memory unit='MiB'>64</memory><vcpu>1</vcpu><devices>{devices}</devices></domain>";
}
