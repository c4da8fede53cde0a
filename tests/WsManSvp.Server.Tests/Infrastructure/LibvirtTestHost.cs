using System.Xml.Linq;
using WsManSvp.Hypervisor;
using WsManSvp.Hypervisor.Libvirt.Xml;
using WsManSvp.Hypervisor.Simulator;

namespace WsManSvp.Server.Tests.Infrastructure;

/// <summary>
/// A node file for libvirt's test driver (test:///PATH) holding the simulator's seed: its host's processors
/// and memory, its four systems in their states (the test driver's runstate and managed-save markers), its
/// storage pool with a volume per image, and its networks. Domains are written by the adapter's own
/// <see cref="DomainXml"/>, so the seed reads back as the definitions it came from.
/// </summary>
public static class LibvirtTestHost
{
    private static readonly XNamespace Test = "http://libvirt.org/schemas/domain/test/1.0";

    public static async Task WriteSeedAsync(string path, string hostName)
    {
        var host = SimulatorSeed.DefaultHost(hostName);
        await using var simulator = await SimulatedHypervisor.OpenAsync(host, database: null, new SimulatorOptions(), seedSystems: 0);
        var systems = await simulator.ListSystemsAsync(CancellationToken.None).ToListAsync();
        var pools = await simulator.ListPoolsAsync(CancellationToken.None);
        var target = new DomainTarget("test", "x86_64", "hvm", Machine: null, Emulator: null);

        var node = new XElement("node",
            new XElement("cpu",
                new XElement("mhz", 2400), new XElement("model", host.CpuModel), new XElement("active", host.LogicalProcessors),
                new XElement("nodes", 1), new XElement("sockets", 1), new XElement("cores", host.LogicalProcessors), new XElement("threads", 1)),
            new XElement("memory", host.MemoryBytes >> 10),
            systems.Select(s => Domain(s, target)),
            pools.Where(p => p.Kind == ResourceKind.Network).Select((p, i) => new XElement("network",
                new XElement("name", p.Name), new XElement("bridge", new XAttribute("name", $"virbr{i}")),
                new XElement("ip", new XAttribute("address", $"192.168.{122 + i}.1"), new XAttribute("netmask", "255.255.255.0")))),
            pools.Where(p => p.Kind == ResourceKind.Storage).Select(p => StoragePool(p, systems)));
        await File.WriteAllTextAsync(path, node.ToString());
    }

    private static XElement Domain(VirtualSystem system, DomainTarget target)
    {
        var domain = XElement.Parse(DomainXml.Write(system.Definition, target, existing: null));
        domain.Add(new XAttribute(XNamespace.Xmlns + "test", Test.NamespaceName));
        domain.Add(new XElement(Test + "runstate", system.State switch
        {
            SystemState.Running => 1,
            SystemState.Paused => 3,
            _ => 5, // shut off
        }));
        if (system.State == SystemState.Saved) domain.Add(new XElement(Test + "hasmanagedsave"));
        return domain;
    }

    private static XElement StoragePool(ResourcePoolInfo pool, IReadOnlyList<VirtualSystem> systems)
    {
        var directory = pool.Location ?? throw new InvalidOperationException($"Storage pool {pool.Name} has no location.");
        var images = systems.SelectMany(s => s.Definition.Disks)
            .Where(d => Path.GetDirectoryName(d.Path) == directory)
            .DistinctBy(d => d.Path);
        return new XElement("pool", new XAttribute("type", "dir"),
            new XElement("name", pool.Name),
            new XElement("capacity", new XAttribute("unit", "bytes"), pool.Capacity),
            new XElement("allocation", new XAttribute("unit", "bytes"), 0),
            new XElement("available", new XAttribute("unit", "bytes"), pool.Capacity),
            new XElement("source"),
            new XElement("target", new XElement("path", directory)),
            images.Select(d => new XElement("volume", new XAttribute("type", "file"),
                new XElement("name", Path.GetFileName(d.Path)),
                new XElement("capacity", new XAttribute("unit", "bytes"), d.CapacityBytes),
                new XElement("allocation", new XAttribute("unit", "bytes"), 0),
                new XElement("target", new XElement("format", new XAttribute("type", d.IsCdrom ? "raw" : "qcow2"))))));
    }
}
