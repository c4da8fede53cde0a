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
        HypervisorVersion: "1.0.0");

    public static async Task SeedAsync(IHypervisor hypervisor, int extraSystems, CancellationToken cancellationToken)
    {
        await DefineAsync(hypervisor, "web01", 2, 2048, cancellationToken, StateTransition.Start);
        await DefineAsync(hypervisor, "db01", 4, 8192, cancellationToken);
        await DefineAsync(hypervisor, "build01", 2, 4096, cancellationToken, StateTransition.Start, StateTransition.Pause);
        await DefineAsync(hypervisor, "test01", 1, 1024, cancellationToken, StateTransition.Start, StateTransition.Save);
        for (var i = 1; i <= extraSystems; i++)
            await DefineAsync(hypervisor, $"load{i:D5}", 1, 512, cancellationToken,
                (i % 2 == 0) ? [StateTransition.Start] : []);
    }

    private static async Task DefineAsync(IHypervisor hypervisor, string name, int cpus, long memoryMiB,
        CancellationToken cancellationToken, params StateTransition[] transitions)
    {
        var id = StableGuid("system:" + name);
        var definition = new SystemDefinition(
            name, cpus, memoryMiB,
            [new VirtualDisk("vda", $"/var/lib/wsmansvp/images/{name}.qcow2", 20L << 30)],
            [new VirtualNetworkAdapter(StableMac(id), "default")])
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

    private static string StableMac(Guid id)
    {
        var b = id.ToByteArray(bigEndian: true);
        // 52:54:00 is the QEMU/KVM locally administered prefix libvirt uses.
        return $"52:54:00:{b[13]:x2}:{b[14]:x2}:{b[15]:x2}";
    }
}
