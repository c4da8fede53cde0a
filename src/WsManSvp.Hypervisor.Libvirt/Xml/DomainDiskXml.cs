using System.Xml.Linq;

namespace WsManSvp.Hypervisor.Libvirt.Xml;

/// <summary>The &lt;disk&gt; elements of a domain's devices, as <see cref="VirtualDisk"/>s.</summary>
internal static class DomainDiskXml
{
    /// <summary>
    /// The disk an element describes, or null for one a definition does not describe (floppies, luns, network
    /// or directory sources, disks without a source). A cdrom without media is a disk with path "".
    /// </summary>
    public static VirtualDisk? Read(XElement disk, IReadOnlyList<StoragePoolFacts> pools)
    {
        var device = (string?)disk.Attribute("device") ?? "disk";
        if (device is not ("disk" or "cdrom") || TargetDev(disk) is not { } dev) return null;
        var isCdrom = device == "cdrom";
        if (Source(disk, pools) is var (path, pool))
            return new VirtualDisk(dev, path, 0, Bus(disk.Element("target")!, dev), isCdrom, pool);
        return isCdrom && disk.Element("source") is null
            ? new VirtualDisk(dev, "", 0, Bus(disk.Element("target")!, dev), true, "")
            : null;
    }

    public static string? TargetDev(XElement disk) =>
        (string?)disk.Element("target")?.Attribute("dev") is { Length: > 0 } dev ? dev : null;

    /// <summary>A new &lt;disk&gt; for <paramref name="disk"/>.</summary>
    public static XElement New(VirtualDisk disk)
    {
        var element = new XElement("disk", new XAttribute("type", "file"), new XAttribute("device", disk.IsCdrom ? "cdrom" : "disk"),
            new XElement("target", new XAttribute("dev", disk.Device), new XAttribute("bus", BusName(disk.Bus))));
        SetSource(element, disk.Path);
        if (disk.IsCdrom) element.Add(new XElement("readonly"));
        return element;
    }

    /// <summary>
    /// Changes the source, device kind and bus of <paramref name="element"/> (now <paramref name="current"/>) where
    /// <paramref name="wanted"/> differs, keeping everything else (driver options, boot order, serial, ...).
    /// </summary>
    public static void Update(XElement element, VirtualDisk current, VirtualDisk wanted)
    {
        if (current.Path != wanted.Path) SetSource(element, wanted.Path);
        if (current.IsCdrom != wanted.IsCdrom)
        {
            element.SetAttributeValue("device", wanted.IsCdrom ? "cdrom" : "disk");
            if (wanted.IsCdrom && element.Element("readonly") is null) element.Add(new XElement("readonly"));
            if (!wanted.IsCdrom) element.Element("readonly")?.Remove();
        }
        if (current.Bus != wanted.Bus)
        {
            element.Element("target")!.SetAttributeValue("bus", BusName(wanted.Bus));
            // The address belongs to the old bus (a PCI slot for virtio, a drive unit for the others).
            element.Element("address")?.Remove();
        }
    }

    public static string BusName(DiskBus bus) => bus switch
    {
        DiskBus.Virtio => "virtio",
        DiskBus.Ide => "ide",
        DiskBus.Scsi => "scsi",
        DiskBus.Sata => "sata",
        _ => throw LibvirtXml.Invalid($"Unknown disk bus {bus}."),
    };

    /// <summary>
    /// The controller a bus needs (virtio disks are PCI devices of their own); SCSI gets QEMU's paravirtual
    /// virtio-scsi rather than an emulated HBA.
    /// </summary>
    public static XElement? Controller(DiskBus bus) => bus switch
    {
        DiskBus.Virtio => null,
        DiskBus.Scsi => new XElement("controller", new XAttribute("type", "scsi"), new XAttribute("index", "0"),
            new XAttribute("model", "virtio-scsi")),
        _ => new XElement("controller", new XAttribute("type", BusName(bus)), new XAttribute("index", "0")),
    };

    /// <summary>
    /// The image path and pool of a disk's source. A file's pool is the one whose target directory holds it;
    /// a volume's is the pool it names, its path the pool's target path joined with the volume name (what a
    /// dir pool's volume path is), or "POOL/VOLUME" when that pool is not known.
    /// </summary>
    private static (string Path, string Pool)? Source(XElement disk, IReadOnlyList<StoragePoolFacts> pools)
    {
        if (disk.Element("source") is not { } source) return null;
        switch ((string?)disk.Attribute("type") ?? "file")
        {
            case "file" when (string?)source.Attribute("file") is { Length: > 0 } file:
                return (file, PoolHolding(file, pools));
            case "block" when (string?)source.Attribute("dev") is { Length: > 0 } dev:
                return (dev, PoolHolding(dev, pools));
            case "volume" when (string?)source.Attribute("pool") is { Length: > 0 } pool
                && (string?)source.Attribute("volume") is { Length: > 0 } volume:
                var targetPath = pools.FirstOrDefault(p => p.Name == pool)?.TargetPath;
                return (targetPath is null ? $"{pool}/{volume}" : $"{targetPath.TrimEnd('/')}/{volume}", pool);
            default:
                return null;
        }
    }

    private static string PoolHolding(string path, IReadOnlyList<StoragePoolFacts> pools)
    {
        if (Path.GetDirectoryName(path) is not { } directory) return "";
        return pools.FirstOrDefault(p => p.TargetPath is { } target && Directory(target) == Directory(directory))?.Name ?? "";
    }

    private static string Directory(string path) => path.Length > 1 ? path.TrimEnd('/') : path;

    /// <summary>A target without a bus gets the one libvirt infers from the device name's prefix.</summary>
    private static DiskBus Bus(XElement target, string dev) => (string?)target.Attribute("bus") switch
    {
        "virtio" => DiskBus.Virtio,
        "ide" => DiskBus.Ide,
        "scsi" => DiskBus.Scsi,
        "sata" => DiskBus.Sata,
        null when dev.StartsWith("hd", StringComparison.Ordinal) => DiskBus.Ide,
        null when dev.StartsWith("sd", StringComparison.Ordinal) => DiskBus.Scsi,
        // Other buses (usb, xen, fdc, sd) have no DiskBus; virtio, the paravirtual bus, stands for them. An
        // edit that leaves such a disk's bus at virtio leaves the element as it is.
        _ => DiskBus.Virtio,
    };

    /// <summary>
    /// Points the disk at <paramref name="path"/>: a block device under /dev, else a file; qcow2 by extension,
    /// else raw (libvirt does not probe formats). No path leaves a cdrom empty.
    /// </summary>
    private static void SetSource(XElement disk, string path)
    {
        disk.Element("source")?.Remove();
        var isBlock = path.StartsWith("/dev/", StringComparison.Ordinal);
        disk.SetAttributeValue("type", isBlock ? "block" : "file");
        var driver = disk.Element("driver");
        if (driver is null)
        {
            driver = new XElement("driver", new XAttribute("name", "qemu"));
            disk.AddFirst(driver);
        }
        driver.SetAttributeValue("type", path.EndsWith(".qcow2", StringComparison.OrdinalIgnoreCase) ? "qcow2" : "raw");
        if (path.Length > 0)
            driver.AddAfterSelf(new XElement("source", new XAttribute(isBlock ? "dev" : "file", path)));
    }
}
