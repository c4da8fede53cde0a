using System.Globalization;
using System.Xml.Linq;
using WsManSvp.Hypervisor;
using WsManSvp.Hypervisor.Libvirt.Xml;

namespace LibvirtOverhead;

/// <summary>A domain of the bench's node file: its identity, whether it runs, and the images its definition names.</summary>
internal sealed record BenchDomain(Guid Id, string Name, bool Running, string Mac, IReadOnlyList<string> DiskPaths);

/// <summary>
/// A node file for libvirt's test driver (test:///PATH): a host, <c>count</c> small domains (every other one
/// running, the rest shut off), the storage pool "default" with an image per domain, and the network "default".
/// Each connection to the file gets a fresh host of its own, so the server and the raw side see identical hosts.
/// </summary>
internal static class TestNode
{
    private const string ImageDirectory = "/var/lib/libvirt/images";
    private const long ImageBytes = 1L << 30;
    private static readonly XNamespace Test = "http://libvirt.org/schemas/domain/test/1.0";

    public static IReadOnlyList<BenchDomain> Domains(int count) =>
        Enumerable.Range(1, count).Select(i => new BenchDomain(
            Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-8000-{i:D12}")),
            string.Create(CultureInfo.InvariantCulture, $"bench{i:D3}"),
            Running: i % 2 == 1,
            string.Create(CultureInfo.InvariantCulture, $"52:54:00:00:{i >> 8:x2}:{i & 0xff:x2}"),
            [string.Create(CultureInfo.InvariantCulture, $"{ImageDirectory}/bench{i:D3}.qcow2")])).ToArray();

    public static void Write(string path, IReadOnlyList<BenchDomain> domains)
    {
        var target = new DomainTarget("test", "x86_64", "hvm", Machine: null, Emulator: null);
        var node = new XElement("node",
            new XElement("cpu",
                new XElement("mhz", 2400), new XElement("model", "bench"), new XElement("active", 8),
                new XElement("nodes", 1), new XElement("sockets", 1), new XElement("cores", 8), new XElement("threads", 1)),
            new XElement("memory", 32L << 20),
            domains.Select(d => Domain(d, target)),
            new XElement("network",
                new XElement("name", ResourcePools.DefaultNetwork), new XElement("bridge", new XAttribute("name", "virbr0")),
                new XElement("ip", new XAttribute("address", "192.168.122.1"), new XAttribute("netmask", "255.255.255.0"))),
            new XElement("pool", new XAttribute("type", "dir"),
                new XElement("name", ResourcePools.DefaultStoragePool),
                new XElement("source"),
                new XElement("target", new XElement("path", ImageDirectory)),
                domains.SelectMany(d => d.DiskPaths).Select(image => new XElement("volume", new XAttribute("type", "file"),
                    new XElement("name", Path.GetFileName(image)),
                    new XElement("capacity", new XAttribute("unit", "bytes"), ImageBytes),
                    new XElement("allocation", new XAttribute("unit", "bytes"), 0),
                    new XElement("target", new XElement("format", new XAttribute("type", "qcow2")))))));
        File.WriteAllText(path, node.ToString());
    }

    private static XElement Domain(BenchDomain d, DomainTarget target)
    {
        var definition = new SystemDefinition(d.Name, VirtualCpus: 1, MemoryMiB: 256,
            d.DiskPaths.Select((image, i) => new VirtualDisk("vd" + (char)('a' + i), image, ImageBytes)).ToArray(),
            [new VirtualNetworkAdapter(d.Mac, ResourcePools.DefaultNetwork)])
        { Uuid = d.Id };
        var domain = XElement.Parse(DomainXml.Write(definition, target, existing: null));
        domain.Add(new XAttribute(XNamespace.Xmlns + "test", Test.NamespaceName));
        // The test driver's own markers: 1 running, 5 shut off.
        domain.Add(new XElement(Test + "runstate", d.Running ? 1 : 5));
        return domain;
    }
}
