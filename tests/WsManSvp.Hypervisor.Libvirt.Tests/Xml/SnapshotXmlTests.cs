using System.Xml.Linq;
using WsManSvp.Hypervisor.Libvirt.Xml;

namespace WsManSvp.Hypervisor.Libvirt.Tests.Xml;

public class SnapshotXmlTests
{
    [Theory]
    [InlineData("snapshot-running.xml", "running1", null, SystemState.Running, "taken running")]
    [InlineData("snapshot-paused.xml", "paused1", "first", SystemState.Paused, null)]
    [InlineData("snapshot-shutoff.xml", "off1", "first", SystemState.Off, null)]
    public void Full_snapshots_of_the_test_driver(string sample, string name, string? parent, SystemState state, string? description)
    {
        var snapshot = SnapshotXml.Read(Samples.Read(sample), Samples.TestPools);

        Assert.Equal(name, snapshot.Name);
        Assert.Equal(parent, snapshot.Parent);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795291642), snapshot.CreationTime);
        Assert.Equal(TimeSpan.Zero, snapshot.CreationTime.Offset);
        Assert.Equal(SnapshotKind.Full, snapshot.Kind);
        Assert.Equal(state, snapshot.State);
        Assert.Equal(description, snapshot.Description);
        Definitions.AssertSame(DomainXml.Read(Samples.Read("test-domain.xml"), Samples.TestPools), snapshot.Definition);
        Assert.Null(snapshot.InactiveDefinition);
    }

    [Fact]
    public void Inactive_domain_of_an_active_one_is_read_too()
    {
        var xml = Samples.Read("snapshot-running.xml").Replace("</domainsnapshot>",
            "<inactiveDomain type='test'><name>test</name><memory unit='GiB'>1</memory></inactiveDomain></domainsnapshot>",
            StringComparison.Ordinal);

        var snapshot = SnapshotXml.Read(xml, []);

        Assert.Equal(8192, snapshot.Definition.MemoryMiB);
        Assert.Equal(1024, snapshot.InactiveDefinition?.MemoryMiB);
    }

    [Fact]
    public void Disk_only_snapshot()
    {
        var snapshot = SnapshotXml.Read(Samples.Read("snapshot-disk-only.xml"), Samples.QemuPools);

        Assert.Equal(("1795291700", "1795291600", "before upgrade"), (snapshot.Name, snapshot.Parent, snapshot.Description));
        Assert.Equal(SnapshotKind.DiskOnly, snapshot.Kind);
        Assert.Equal(SystemState.Running, snapshot.State);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 20, 8, 20, TimeSpan.Zero), snapshot.CreationTime);
        Assert.Equal("web01", snapshot.Definition.Name);
        Assert.Equal(
            [
                new VirtualDisk("vda", "/var/lib/libvirt/images/web01.qcow2", 0, DiskBus.Virtio, false, "default"),
                new VirtualDisk("sda", "", 0, DiskBus.Sata, true, ""),
            ],
            snapshot.Definition.Disks);
    }

    [Theory]
    [InlineData("running", SnapshotKind.DiskOnly)]
    [InlineData("paused", SnapshotKind.DiskOnly)]
    [InlineData("shutoff", SnapshotKind.Full)]
    public void No_memory_means_disk_only_for_an_active_domain(string state, SnapshotKind kind)
    {
        var xml = Samples.Read("snapshot-running.xml")
            .Replace("<state>running</state>", $"<state>{state}</state>", StringComparison.Ordinal)
            .Replace("<memory snapshot='internal'/>", "<memory snapshot='no'/>", StringComparison.Ordinal);

        Assert.Equal(kind, SnapshotXml.Read(xml, []).Kind);
    }

    [Theory]
    [InlineData("blocked", SystemState.Running)]
    [InlineData("pmsuspended", SystemState.Paused)]
    [InlineData("shutdown", SystemState.ShuttingDown)]
    [InlineData("crashed", SystemState.Crashed)]
    [InlineData("nostate", SystemState.Off)]
    public void Other_states(string state, SystemState expected)
    {
        var xml = Samples.Read("snapshot-running.xml").Replace("<state>running</state>", $"<state>{state}</state>", StringComparison.Ordinal);

        Assert.Equal(expected, SnapshotXml.Read(xml, []).State);
    }

    [Theory]
    [InlineData("<state>running</state>", "<state>exploded</state>", "Unknown snapshot <state> 'exploded'")]
    [InlineData("<name>running1</name>", "", "no <name>")]
    [InlineData("<creationTime>1795291642</creationTime>", "", "no <creationTime>")]
    [InlineData("<creationTime>1795291642</creationTime>", "<creationTime>99999999999999</creationTime>", "out of range")]
    [InlineData("<domainsnapshot>", "<domainsnapshot><!DOCTYPE x>", "not well-formed")]
    public void Bad_snapshots_fail(string from, string to, string message)
    {
        var xml = Samples.Read("snapshot-running.xml").Replace(from, to, StringComparison.Ordinal);

        var e = Assert.Throws<HypervisorException>(() => SnapshotXml.Read(xml, []));

        Assert.Equal(HypervisorError.Failed, e.Error);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_without_its_domain_fails()
    {
        var e = Assert.Throws<HypervisorException>(() => SnapshotXml.Read(
            "<domainsnapshot><name>s</name><state>running</state><creationTime>1</creationTime></domainsnapshot>", []));

        Assert.Contains("no <domain>", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Full_snapshot_to_create_says_only_its_description()
    {
        Assert.True(XNode.DeepEquals(XElement.Parse("<domainsnapshot/>"), XElement.Parse(SnapshotXml.Write(null, SnapshotKind.Full))));
        Assert.True(XNode.DeepEquals(XElement.Parse("<domainsnapshot><description>a &amp; b</description></domainsnapshot>"),
            XElement.Parse(SnapshotXml.Write("a & b", SnapshotKind.Full))));
    }

    [Fact]
    public void Disk_only_snapshot_to_create_takes_no_memory()
    {
        Assert.True(XNode.DeepEquals(
            XElement.Parse("<domainsnapshot><description>d</description><memory snapshot='no'/></domainsnapshot>"),
            XElement.Parse(SnapshotXml.Write("d", SnapshotKind.DiskOnly))));
    }
}
