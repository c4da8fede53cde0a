using System.Globalization;
using System.Runtime.InteropServices;
using System.Xml.Linq;
using WsManSvp.Hypervisor.Libvirt.Native;
using WsManSvp.Hypervisor.Libvirt.Xml;

namespace WsManSvp.Hypervisor.Libvirt;

/// <summary>Synchronous domain snapshot calls (made on a worker thread).</summary>
internal static class DomainSnapshots
{
    public static SnapshotHandle[] ListAll(DomainHandle domain)
    {
        var count = LibvirtErrors.Check(Virt.DomainListAllSnapshots(domain, out var array, 0), "Listing snapshots");
        return LibvirtHandle.TakeArray<SnapshotHandle>(array, count);
    }

    public static SnapshotHandle Require(DomainHandle domain, string systemName, string name)
    {
        var snapshot = Virt.DomainSnapshotLookupByName(domain, name, 0);
        if (!snapshot.IsInvalid) return snapshot;
        snapshot.Dispose();
        if (!LibvirtErrors.LastIsNotFound()) throw LibvirtErrors.Last($"Looking up snapshot '{name}'");
        Virt.ResetLastError();
        throw new HypervisorException(HypervisorError.NotFound, $"System '{systemName}' has no snapshot named '{name}'.");
    }

    public static string Name(SnapshotHandle snapshot) =>
        Marshal.PtrToStringUTF8(Virt.DomainSnapshotGetName(snapshot)) ?? throw LibvirtErrors.Last("Reading a snapshot's name");

    public static SystemSnapshot Read(ConnectHandle conn, Guid systemId, SnapshotHandle snapshot, IReadOnlyList<StoragePoolFacts> pools)
    {
        var xml = LibC.TakeString(Virt.DomainSnapshotGetXmlDesc(snapshot, 0)) ?? throw LibvirtErrors.Last("Reading a snapshot");
        var facts = SnapshotXml.Read(xml, pools);
        var definition = facts.Definition with
        {
            Disks = facts.Definition.Disks.Select(d => d with { CapacityBytes = StoragePools.Capacity(conn, d.Path) }).ToArray(),
        };
        return new SystemSnapshot(facts.Name, systemId, facts.Parent, facts.CreationTime, facts.Kind, facts.State, definition)
        {
            Description = facts.Description,
        };
    }

    public static bool IsCurrent(SnapshotHandle snapshot) =>
        LibvirtErrors.Check(Virt.DomainSnapshotIsCurrent(snapshot, 0), "Reading whether a snapshot is current") == 1;

    /// <summary>
    /// The snapshot XML to create with, named as libvirt would (the creation time in Unix seconds) but made
    /// unique with "-2", "-3"...: libvirt refuses a second unnamed snapshot within the same second.
    /// </summary>
    public static string NewXml(string? description, SnapshotKind kind, DateTimeOffset now, IReadOnlySet<string> taken)
    {
        var stem = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var name = stem;
        for (var n = 2; taken.Contains(name); n++) name = $"{stem}-{n.ToString(CultureInfo.InvariantCulture)}";
        var document = XElement.Parse(SnapshotXml.Write(description, kind));
        document.Element("name")?.Remove();
        document.AddFirst(new XElement("name", name));
        return document.ToString(SaveOptions.DisableFormatting);
    }
}
