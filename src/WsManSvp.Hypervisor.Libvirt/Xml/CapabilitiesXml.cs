using System.Xml.Linq;

namespace WsManSvp.Hypervisor.Libvirt.Xml;

public static class CapabilitiesXml
{
    /// <summary>
    /// Host UUID, CPU model and the target for new domains. The target is the hvm guest of the host's arch
    /// (else the first guest), with domain type kvm when that guest offers it, else qemu, else the first offered
    /// ("test" on the test driver).
    /// </summary>
    public static HostCapabilities Read(string capabilitiesXml)
    {
        var capabilities = LibvirtXml.Parse(capabilitiesXml, "capabilities");
        var host = LibvirtXml.Required(capabilities, "host");
        var cpu = LibvirtXml.Required(host, "cpu");
        var hostArch = LibvirtXml.OptionalText(cpu, "arch");
        var cpuModel = LibvirtXml.OptionalText(cpu, "model") ?? hostArch
            ?? throw LibvirtXml.Failed("The capabilities' host <cpu> has neither <model> nor <arch>.");
        return new HostCapabilities(HostUuid(host), cpuModel, Target(capabilities, hostArch));
    }

    private static Guid HostUuid(XElement host)
    {
        if (LibvirtXml.OptionalText(host, "uuid") is not { } text) return Guid.Empty;
        return Guid.TryParse(text, out var uuid)
            ? uuid
            : throw LibvirtXml.Failed($"The capabilities' host <uuid> is not a UUID: '{text}'.");
    }

    private static DomainTarget Target(XElement capabilities, string? hostArch)
    {
        var guests = capabilities.Elements("guest").ToList();
        var guest = guests.FirstOrDefault(g => LibvirtXml.OptionalText(g, "os_type") == "hvm"
                && (string?)g.Element("arch")?.Attribute("name") == hostArch)
            ?? guests.FirstOrDefault()
            ?? throw LibvirtXml.Failed("The capabilities offer no <guest>.");
        var osType = LibvirtXml.RequiredText(guest, "os_type");
        var arch = LibvirtXml.Required(guest, "arch");
        var archName = LibvirtXml.RequiredAttribute(arch, "name");
        var domains = arch.Elements("domain").ToList();
        var domain = domains.FirstOrDefault(d => (string?)d.Attribute("type") == "kvm")
            ?? domains.FirstOrDefault(d => (string?)d.Attribute("type") == "qemu")
            ?? domains.FirstOrDefault()
            ?? throw LibvirtXml.Failed($"The capabilities' {osType} guest for {archName} offers no <domain>.");
        var domainType = LibvirtXml.RequiredAttribute(domain, "type");
        // A domain type may list its own emulator and machines, which then override the arch's.
        var emulator = LibvirtXml.OptionalText(domain, "emulator") ?? LibvirtXml.OptionalText(arch, "emulator");
        var machines = domain.Elements("machine").Any() ? domain.Elements("machine") : arch.Elements("machine");
        return new DomainTarget(domainType, archName, osType, Machine(machines), emulator);
    }

    /// <summary>
    /// The first alias (a machine with a canonical attribute, like "pc" for "pc-i440fx-7.2"), else the first
    /// machine listed (libvirt lists the emulator's default first). The alias keeps the XML independent of the
    /// QEMU version; libvirt pins the domain to the versioned canonical type when it is defined.
    /// </summary>
    private static string? Machine(IEnumerable<XElement> machines)
    {
        var list = machines.Where(m => m.Value.Trim().Length > 0).ToList();
        var chosen = list.FirstOrDefault(m => m.Attribute("canonical") is not null) ?? list.FirstOrDefault();
        return chosen?.Value.Trim();
    }
}
