using System.Xml.Linq;

namespace WsManSvp.Hypervisor.Libvirt.Xml;

public static class DomainXml
{
    private const long BytesPerMiB = 1024 * 1024;

    /// <summary>
    /// The order of the domain's leading elements that a definition sets; a missing one is inserted after
    /// those before it, so a written domain reads like libvirt's own.
    /// </summary>
    private static readonly string[] LeadingOrder =
    [
        "name", "uuid", "genid", "title", "description", "metadata", "maxMemory", "memory", "currentMemory",
        "blkiotune", "memtune", "memoryBacking", "vcpu", "vcpus", "iothreads", "iothreadids", "cputune",
    ];

    /// <summary>
    /// The definition a domain's XML describes. A disk's StoragePool is the pool whose target directory holds
    /// its image; an image in no pool gets pool "" (unpooled). Interfaces on a libvirt network give the
    /// network's name; on a host bridge, "bridge:NAME". Capacities are 0: the XML does not hold them.
    /// </summary>
    public static SystemDefinition Read(string domainXml, IReadOnlyList<StoragePoolFacts> pools) =>
        Read(LibvirtXml.Parse(domainXml, "domain"), pools);

    internal static SystemDefinition Read(XElement domain, IReadOnlyList<StoragePoolFacts> pools)
    {
        var name = LibvirtXml.RequiredText(domain, "name");
        var devices = domain.Element("devices");
        return new SystemDefinition(
            name,
            VirtualCpus(domain),
            LibvirtXml.ScaledBytes(LibvirtXml.Required(domain, "memory"), "KiB") / BytesPerMiB,
            devices?.Elements("disk").Select(d => DomainDiskXml.Read(d, pools)).OfType<VirtualDisk>().ToList() ?? [],
            devices?.Elements("interface").Select(DomainInterfaceXml.Read).OfType<VirtualNetworkAdapter>().ToList() ?? [])
        {
            Graphics = devices?.Elements("graphics").Select(DomainGraphicsXml.Read).OfType<VirtualGraphics>().ToList() ?? [],
            Uuid = Uuid(domain),
            Description = domain.Element("description")?.Value,
            ProcessorWeight = domain.Element("cputune")?.Element("shares") is { } shares
                ? LibvirtXml.ParseInt(shares.Value, "<cputune><shares>")
                : null,
        };
    }

    /// <summary>
    /// The domain XML for a definition. Without <paramref name="existing"/>, a complete new domain for
    /// <paramref name="target"/>. With it (an edit), only what the definition describes changes; everything
    /// else (os, features, cpu, consoles, other devices, metadata) is kept as it was, and so is each disk,
    /// interface and vnc or spice display that stays (matched by target dev, by MAC and by type) except where
    /// its source, bus, model, port or address changes. <paramref name="pools"/> must be those the definition was read with, so that volume disks
    /// compare by the same paths.
    /// </summary>
    public static string Write(SystemDefinition definition, DomainTarget target, string? existing,
        IReadOnlyList<StoragePoolFacts>? pools = null)
    {
        Validate(definition);
        var domain = existing is null ? NewDomain(target) : LibvirtXml.Parse(existing, "domain");
        Apply(definition, domain, pools ?? []);
        return domain.ToString();
    }

    /// <summary>
    /// Everything of a new domain but what the definition sets: static allocations leave no use for a memory
    /// balloon; a serial console stands in for graphics.
    /// </summary>
    private static XElement NewDomain(DomainTarget target) => new("domain",
        new XAttribute("type", target.DomainType),
        new XElement("os",
            new XElement("type", new XAttribute("arch", target.Arch),
                target.Machine is null ? null : new XAttribute("machine", target.Machine), target.OsType),
            new XElement("boot", new XAttribute("dev", "hd"))),
        target.OsType == "hvm" ? new XElement("features", new XElement("acpi")) : null,
        new XElement("clock", new XAttribute("offset", "utc")),
        new XElement("on_poweroff", "destroy"),
        new XElement("on_reboot", "restart"),
        new XElement("on_crash", "destroy"),
        new XElement("devices",
            target.Emulator is null ? null : new XElement("emulator", target.Emulator),
            new XElement("serial", new XAttribute("type", "pty"), new XElement("target", new XAttribute("port", "0"))),
            new XElement("console", new XAttribute("type", "pty"),
                new XElement("target", new XAttribute("type", "serial"), new XAttribute("port", "0"))),
            new XElement("memballoon", new XAttribute("model", "none"))));

    private static void Apply(SystemDefinition definition, XElement domain, IReadOnlyList<StoragePoolFacts> pools)
    {
        Leading(domain, "name").Value = definition.Name;
        if (definition.Uuid is { } uuid) Leading(domain, "uuid").Value = uuid.ToString("D");
        if (definition.Description is null) domain.Element("description")?.Remove();
        else Leading(domain, "description").Value = definition.Description;
        ApplyMemory(domain, definition.MemoryMiB);
        ApplyVirtualCpus(domain, definition.VirtualCpus);
        ApplyShares(domain, definition.ProcessorWeight);
        var devices = domain.Element("devices") ?? Add(domain, new XElement("devices"));
        ApplyDisks(devices, definition.Disks, pools);
        ApplyInterfaces(devices, definition.NetworkAdapters);
        ApplyGraphics(devices, definition.Graphics);
    }

    private static void ApplyMemory(XElement domain, long mib)
    {
        var kib = LibvirtXml.Format(mib * 1024);
        foreach (var name in (string[])["memory", "currentMemory"])
        {
            var element = Leading(domain, name);
            element.SetAttributeValue("unit", "KiB");
            element.Value = kib;
        }
        // A hotplug ceiling below the new size would make libvirt refuse the definition.
        if (domain.Element("maxMemory") is { } max && LibvirtXml.ScaledBytes(max, "KiB") < mib * BytesPerMiB) max.Remove();
    }

    private static void ApplyVirtualCpus(XElement domain, int count)
    {
        var vcpu = domain.Element("vcpu");
        if (vcpu is null)
        {
            vcpu = Leading(domain, "vcpu");
            vcpu.SetAttributeValue("placement", "static");
        }
        var changed = vcpu.Value.Trim() != LibvirtXml.Format(count);
        vcpu.Value = LibvirtXml.Format(count);
        // Static allocation: all of them online, none left to hotplug.
        vcpu.Attribute("current")?.Remove();
        if (!changed) return;
        // What was tied to the old count would make libvirt refuse the new one.
        domain.Element("vcpus")?.Remove();
        domain.Element("cputune")?.Elements("vcpupin")
            .Where(pin => LibvirtXml.IntAttribute(pin, "vcpu") >= count).Remove();
        if (domain.Element("cpu")?.Element("topology") is { } topology
            && new[] { "sockets", "dies", "clusters", "cores", "threads" }
                .Aggregate(1L, (product, name) => product * (LibvirtXml.IntAttribute(topology, name) ?? 1)) != count)
            topology.Remove();
    }

    private static void ApplyShares(XElement domain, int? weight)
    {
        var cputune = domain.Element("cputune");
        if (weight is null)
        {
            cputune?.Element("shares")?.Remove();
            if (cputune is { HasElements: false }) cputune.Remove();
            return;
        }
        cputune ??= Leading(domain, "cputune");
        var shares = cputune.Element("shares");
        if (shares is null) cputune.AddFirst(shares = new XElement("shares"));
        shares.Value = LibvirtXml.Format(weight.Value);
    }

    private static void ApplyDisks(XElement devices, IReadOnlyList<VirtualDisk> disks, IReadOnlyList<StoragePoolFacts> pools)
    {
        var existing = devices.Elements("disk").ToList();
        foreach (var disk in disks)
        {
            var element = existing.FirstOrDefault(e => DomainDiskXml.TargetDev(e) == disk.Device);
            if (element is null)
                InsertAfterLast(devices, DomainDiskXml.New(disk), "disk", "emulator");
            else if (DomainDiskXml.Read(element, pools) is { } current)
                DomainDiskXml.Update(element, current, disk);
            else
                throw LibvirtXml.Invalid(
                    $"Disk {disk.Device} is taken by a device the definition does not describe (a floppy, lun or network disk).");
        }
        existing.Where(e => DomainDiskXml.Read(e, pools) is not null && disks.All(d => d.Device != DomainDiskXml.TargetDev(e)))
            .Remove();
        foreach (var bus in disks.Select(d => d.Bus).Distinct())
        {
            if (DomainDiskXml.Controller(bus) is not { } controller
                || devices.Elements("controller").Any(c => (string?)c.Attribute("type") == (string?)controller.Attribute("type")))
                continue;
            InsertAfterLast(devices, controller, "controller", "disk", "emulator");
        }
    }

    private static void ApplyInterfaces(XElement devices, IReadOnlyList<VirtualNetworkAdapter> adapters)
    {
        var existing = devices.Elements("interface").ToList();
        foreach (var adapter in adapters)
        {
            var mac = adapter.MacAddress.ToLowerInvariant();
            var element = existing.FirstOrDefault(e => DomainInterfaceXml.Mac(e) == mac);
            if (element is null)
                InsertAfterLast(devices, DomainInterfaceXml.New(adapter), "interface", "controller", "disk", "emulator");
            else if (DomainInterfaceXml.Read(element) is { } current)
                DomainInterfaceXml.Update(element, current, adapter with { MacAddress = mac });
            else
                throw LibvirtXml.Invalid(
                    $"MAC address {mac} is taken by an interface the definition does not describe (not on a network or bridge).");
        }
        existing.Where(e => DomainInterfaceXml.Read(e) is not null
                && adapters.All(a => a.MacAddress.ToLowerInvariant() != DomainInterfaceXml.Mac(e)))
            .Remove();
    }

    private static void ApplyGraphics(XElement devices, IReadOnlyList<VirtualGraphics> displays)
    {
        var existing = devices.Elements("graphics").ToList();
        foreach (var graphics in displays)
        {
            var element = existing.FirstOrDefault(e => DomainGraphicsXml.Type(e) == graphics.Type);
            if (element is null)
                InsertAfterLast(devices, DomainGraphicsXml.New(graphics), "graphics", "input", "interface", "controller", "disk", "emulator");
            else
                DomainGraphicsXml.Update(element, DomainGraphicsXml.Read(element)!, graphics);
        }
        existing.Where(e => DomainGraphicsXml.Type(e) is { } type && displays.All(g => g.Type != type)).Remove();
    }

    private static void Validate(SystemDefinition definition)
    {
        if (string.IsNullOrWhiteSpace(definition.Name))
            throw LibvirtXml.Invalid("A domain needs a name.");
        if (definition.VirtualCpus < 1)
            throw LibvirtXml.Invalid($"A domain needs at least one virtual CPU, not {definition.VirtualCpus}.");
        if (definition.MemoryMiB < 1 || definition.MemoryMiB > long.MaxValue / BytesPerMiB)
            throw LibvirtXml.Invalid($"A domain cannot have {definition.MemoryMiB} MiB of memory.");
        foreach (var disk in definition.Disks)
        {
            if (string.IsNullOrWhiteSpace(disk.Device))
                throw LibvirtXml.Invalid("A disk needs a target device name.");
            if (disk.Path.Length == 0 && !disk.IsCdrom)
                throw LibvirtXml.Invalid($"Disk {disk.Device} needs an image; only a cdrom can be empty.");
            DomainDiskXml.BusName(disk.Bus);
        }
        if (definition.Disks.GroupBy(d => d.Device).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw LibvirtXml.Invalid($"Two disks have target device {twice.Key}.");
        foreach (var adapter in definition.NetworkAdapters) DomainInterfaceXml.Validate(adapter);
        if (definition.NetworkAdapters.GroupBy(a => a.MacAddress.ToLowerInvariant()).FirstOrDefault(g => g.Count() > 1) is { } same)
            throw LibvirtXml.Invalid($"Two network adapters have MAC address {same.Key}.");
        foreach (var graphics in definition.Graphics) DomainGraphicsXml.Validate(graphics);
        if (definition.Graphics.GroupBy(g => g.Type).FirstOrDefault(g => g.Count() > 1) is { } shown)
            throw LibvirtXml.Invalid($"Two displays have type {shown.Key}.");
    }

    private static int VirtualCpus(XElement domain)
    {
        // libvirt's default is one; "current" is how many of the maximum are online.
        if (domain.Element("vcpu") is not { } vcpu) return 1;
        return LibvirtXml.IntAttribute(vcpu, "current") ?? LibvirtXml.ParseInt(vcpu.Value, "<vcpu>");
    }

    private static Guid? Uuid(XElement domain)
    {
        if (LibvirtXml.OptionalText(domain, "uuid") is not { } text) return null;
        return Guid.TryParse(text, out var uuid) ? uuid : throw LibvirtXml.Failed($"The domain's <uuid> is not a UUID: '{text}'.");
    }

    /// <summary>The leading child <paramref name="name"/>, inserted in <see cref="LeadingOrder"/> when missing.</summary>
    private static XElement Leading(XElement domain, string name)
    {
        if (domain.Element(name) is { } element) return element;
        element = new XElement(name);
        var rank = Array.IndexOf(LeadingOrder, name);
        var before = domain.Elements().LastOrDefault(e => Array.IndexOf(LeadingOrder, e.Name.LocalName) is >= 0 and var r && r < rank);
        if (before is null) domain.AddFirst(element);
        else before.AddAfterSelf(element);
        return element;
    }

    private static XElement Add(XElement parent, XElement element)
    {
        parent.Add(element);
        return element;
    }

    /// <summary>Inserts after the last element named by the first of <paramref name="anchors"/> present, else first.</summary>
    private static void InsertAfterLast(XElement devices, XElement element, params string[] anchors)
    {
        var anchor = anchors.Select(a => devices.Elements(a).LastOrDefault()).FirstOrDefault(e => e is not null);
        if (anchor is null) devices.AddFirst(element);
        else anchor.AddAfterSelf(element);
    }
}
