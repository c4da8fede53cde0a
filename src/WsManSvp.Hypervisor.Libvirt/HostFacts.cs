using System.Globalization;
using System.Runtime.InteropServices;
using WsManSvp.Hypervisor.Libvirt.Native;
using WsManSvp.Hypervisor.Libvirt.Xml;

namespace WsManSvp.Hypervisor.Libvirt;

/// <summary>The host as libvirt describes it, and what new domains are written for.</summary>
internal sealed record HostFacts(HostInfo Info, DomainTarget Target)
{
    /// <summary>
    /// Full snapshots only, on every driver this backend supports. The test driver refuses disk-only
    /// snapshots ("unsupported flags (0x10)"). QEMU takes full internal qcow2 snapshots of running, paused
    /// and off domains, but refuses disk-only internal snapshots of a running domain, and its disk-only
    /// snapshots are external overlays that libvirt 9.0 cannot revert to.
    /// </summary>
    private static readonly SnapshotKind[] SnapshotKinds = [SnapshotKind.Full];

    public static unsafe HostFacts Read(ConnectHandle conn, LibvirtOptions options)
    {
        var capabilities = CapabilitiesXml.Read(LibC.TakeString(Virt.ConnectGetCapabilities(conn)) ?? throw LibvirtErrors.Last("Reading the host's capabilities"));
        var hostName = options.HostName ?? LibC.TakeString(Virt.ConnectGetHostname(conn)) ?? throw LibvirtErrors.Last("Reading the host's name");
        LibvirtErrors.Check(Virt.NodeGetInfo(conn, out var node), "Reading the host's node info");
        var type = Marshal.PtrToStringUTF8(Virt.ConnectGetType(conn)) ?? throw LibvirtErrors.Last("Reading the hypervisor type");
        LibvirtErrors.Check(Virt.ConnectGetVersion(conn, out var version), "Reading the hypervisor version");
        var info = new HostInfo(hostName, capabilities.HostUuid, capabilities.CpuModel, (int)node.Cpus, (long)node.MemoryKiB * 1024, type,
            string.Create(CultureInfo.InvariantCulture, $"{version / 1_000_000}.{version / 1000 % 1000}.{version % 1000}"))
        {
            SnapshotKinds = SnapshotKinds,
        };
        return new HostFacts(info, capabilities.Target);
    }
}
