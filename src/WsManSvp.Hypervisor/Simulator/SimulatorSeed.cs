using System.Security.Cryptography;
using System.Text;

namespace WsManSvp.Hypervisor.Simulator;

/// <summary>
/// The systems the simulator starts with: four in the four everyday states, plus as many more as asked
/// for (load tests). Identities derive from the names, so they are the same on every start.
/// </summary>
public static class SimulatorSeed
{
    public static HostInfo DefaultHost(string hostName) => new(
        hostName,
        StableGuid("host:" + hostName),
        "QEMU Virtual CPU (simulated)",
        LogicalProcessors: 16,
        MemoryBytes: 64L << 30,
        HypervisorType: "Simulator",
        HypervisorVersion: "1.0.0")
    {
        SnapshotKinds = [SnapshotKind.Full, SnapshotKind.DiskOnly],
    };

    public static async Task SeedAsync(IHypervisor hypervisor, int extraSystems, CancellationToken cancellationToken)
    {
        await DefineAsync(hypervisor, "web01", 2, 2048, [Disk("web01", "vda")], ["default"], cancellationToken, StateTransition.Start);
        await DefineAsync(hypervisor, "db01", 4, 8192,
            [Disk("db01", "vda"), Disk("db01", "vdb", 100L << 30), new VirtualDisk("hdc", "/var/lib/wsmansvp/iso/install.iso", 700L << 20, DiskBus.Ide, IsCdrom: true)],
            ["default", "storage-net"], cancellationToken);
        await DefineAsync(hypervisor, "build01", 2, 4096, [new VirtualDisk("sda", ImagePath("build01", "sda"), 40L << 30, DiskBus.Scsi)],
            ["default"], cancellationToken, StateTransition.Start, StateTransition.Pause);
        await DefineAsync(hypervisor, "test01", 1, 1024, [Disk("test01", "vda")], ["default"], cancellationToken,
            StateTransition.Start, StateTransition.Save);
        for (var i = 1; i <= extraSystems; i++)
        {
            var name = $"load{i:D5}";
            await DefineAsync(hypervisor, name, 1, 512, [Disk(name, "vda", 8L << 30)], ["default"], cancellationToken,
                (i % 2 == 0) ? [StateTransition.Start] : []);
        }
    }

    private static VirtualDisk Disk(string system, string device, long capacity = 20L << 30) =>
        new(device, ImagePath(system, device), capacity);

    /// <summary>Where the simulated default storage pool keeps its images.</summary>
    public const string ImageDirectory = "/var/lib/wsmansvp/images";

    private static string ImagePath(string system, string device) => $"{ImageDirectory}/{system}-{device}.qcow2";

    private static async Task DefineAsync(IHypervisor hypervisor, string name, int cpus, long memoryMiB,
        IReadOnlyList<VirtualDisk> disks, IReadOnlyList<string> networks, CancellationToken cancellationToken,
        params StateTransition[] transitions)
    {
        var id = StableGuid("system:" + name);
        var definition = new SystemDefinition(
            name, cpus, memoryMiB, disks,
            networks.Select((network, i) => new VirtualNetworkAdapter(StableMac(id, i), network)).ToArray())
        {
            Uuid = id,
            Description = $"Simulated system {name}",
        };
        await hypervisor.DefineSystemAsync(definition, cancellationToken);
        foreach (var transition in transitions)
            await hypervisor.ChangeStateAsync(id, transition, cancellationToken);
    }

    /// <summary>A name-based (version 5 style) UUID: stable across restarts.</summary>
    public static Guid StableGuid(string name)
    {
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(Encoding.UTF8.GetBytes("wsmansvp-simulator:" + name), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private static string StableMac(Guid id, int adapter)
    {
        var b = id.ToByteArray(bigEndian: true);
        // 52:54:00 is the QEMU/KVM locally administered prefix libvirt uses.
        return $"52:54:00:{b[13]:x2}:{b[14]:x2}:{(byte)(b[15] + adapter):x2}";
    }
}
