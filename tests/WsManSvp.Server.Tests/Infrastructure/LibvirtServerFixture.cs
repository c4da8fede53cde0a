using WsManSvp.Server.Hosting;

namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>
/// The real server on the libvirt backend, over libvirt's test driver loaded with the simulator's seed
/// (<see cref="LibvirtTestHost"/>): the same host, systems, states, pools and networks, so the
/// conformance suites written for the simulator run unchanged on both. Each connection to a node file
/// gets a host of its own, so fixtures do not see each other.
/// </summary>
public sealed class LibvirtServerFixture : ServerFixture
{
    private string NodeFile => Path.Combine(DataDirectory, "libvirt-test-node.xml");

    public override string VirtualSystemType => "DMTF:test";

    /// <summary>The test driver takes full snapshots only (it refuses VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY).</summary>
    public override IReadOnlyList<string> SnapshotTypes => ["2"];

    /// <summary>The test driver gives every pool of a node file its own default capacity, 100 GiB.</summary>
    public override ulong StoragePoolCapacity => 100UL << 30;

    protected override ServerSettings Settings() => base.Settings() with
    {
        Backend = "libvirt",
        LibvirtUri = "test://" + NodeFile,
    };

    protected override Task PrepareAsync() => LibvirtTestHost.WriteSeedAsync(NodeFile, HostName);
}
