using System.Xml.Linq;

namespace WsManSvp.Hypervisor.Libvirt.Xml;

public static class StoragePoolXml
{
    /// <summary>A pool's name, type, target path, and capacity and allocation in bytes (0 when not given).</summary>
    public static StoragePoolFacts Read(string poolXml)
    {
        var pool = LibvirtXml.Parse(poolXml, "pool");
        var name = LibvirtXml.RequiredText(pool, "name");
        var type = LibvirtXml.RequiredAttribute(pool, "type");
        var targetPath = pool.Element("target") is { } target ? LibvirtXml.OptionalText(target, "path") : null;
        return new StoragePoolFacts(name, type, targetPath, Bytes(pool, "capacity"), Bytes(pool, "allocation"));
    }

    /// <summary>A new qcow2 volume (virStorageVolCreateXML) named <paramref name="name"/>.</summary>
    public static string NewVolume(string name, long capacityBytes)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Contains('/', StringComparison.Ordinal))
            throw LibvirtXml.Invalid($"'{name}' is not a volume name: it must be non-empty and hold no '/'.");
        if (capacityBytes < 1)
            throw LibvirtXml.Invalid($"A volume needs a capacity, not {capacityBytes} bytes.");
        return new XElement("volume",
            new XElement("name", name),
            new XElement("capacity", new XAttribute("unit", "bytes"), LibvirtXml.Format(capacityBytes)),
            new XElement("target", new XElement("format", new XAttribute("type", "qcow2")))).ToString();
    }

    private static long Bytes(XElement pool, string name) =>
        pool.Element(name) is { } element ? LibvirtXml.ScaledBytes(element, "bytes") : 0;
}
