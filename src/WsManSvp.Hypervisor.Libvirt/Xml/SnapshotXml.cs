using System.Xml.Linq;

namespace WsManSvp.Hypervisor.Libvirt.Xml;

public static class SnapshotXml
{
    /// <summary>
    /// The &lt;domainsnapshot&gt; to create with (libvirt names it when no name is given). A disk-only one says
    /// &lt;memory snapshot='no'/&gt; and leaves each disk to libvirt's default, which the creation flags decide:
    /// with VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY, external overlays (the QEMU driver's only disk-only snapshot of
    /// an active domain); without, internal qcow2 snapshots (possible for an inactive domain only).
    /// </summary>
    public static string Write(string? description, SnapshotKind kind) => new XElement("domainsnapshot",
        description is null ? null : new XElement("description", description),
        kind == SnapshotKind.DiskOnly ? new XElement("memory", new XAttribute("snapshot", "no")) : null).ToString();

    /// <summary>
    /// A snapshot's facts. Its definition is the embedded &lt;domain&gt;: for an active domain the one it ran
    /// with, which a full snapshot's memory belongs to. A snapshot is disk-only when its state is disk-snapshot,
    /// or when it holds no memory of an active domain (an inactive domain's full snapshot has no memory either).
    /// The state of a disk-snapshot is not recorded; it reads as Running, since disk-only snapshots are taken of
    /// active domains, and reverting a disk-only snapshot does not use it.
    /// </summary>
    public static SnapshotFacts Read(string snapshotXml, IReadOnlyList<StoragePoolFacts> pools)
    {
        var snapshot = LibvirtXml.Parse(snapshotXml, "domainsnapshot");
        var name = LibvirtXml.RequiredText(snapshot, "name");
        var stateText = LibvirtXml.RequiredText(snapshot, "state");
        var state = State(stateText);
        var noMemory = (string?)snapshot.Element("memory")?.Attribute("snapshot") == "no";
        var kind = stateText == "disk-snapshot" || (noMemory && state is SystemState.Running or SystemState.Paused)
            ? SnapshotKind.DiskOnly
            : SnapshotKind.Full;
        var created = LibvirtXml.ParseLong(LibvirtXml.RequiredText(snapshot, "creationTime"), "<creationTime>");
        if (created > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            throw LibvirtXml.Failed($"<creationTime> {created} is out of range.");
        return new SnapshotFacts(
            name,
            snapshot.Element("parent") is { } parent ? LibvirtXml.OptionalText(parent, "name") : null,
            DateTimeOffset.FromUnixTimeSeconds(created),
            kind,
            state,
            snapshot.Element("description")?.Value,
            DomainXml.Read(LibvirtXml.Required(snapshot, "domain"), pools))
        {
            InactiveDefinition = snapshot.Element("inactiveDomain") is { } inactive ? DomainXml.Read(inactive, pools) : null,
        };
    }

    /// <summary>libvirt's snapshot states: the domain states, plus disk-snapshot.</summary>
    private static SystemState State(string state) => state switch
    {
        "running" or "blocked" or "disk-snapshot" => SystemState.Running,
        "paused" or "pmsuspended" => SystemState.Paused,
        "shutoff" or "nostate" => SystemState.Off,
        "shutdown" => SystemState.ShuttingDown,
        "crashed" => SystemState.Crashed,
        _ => throw LibvirtXml.Failed($"Unknown snapshot <state> '{state}'."),
    };
}
