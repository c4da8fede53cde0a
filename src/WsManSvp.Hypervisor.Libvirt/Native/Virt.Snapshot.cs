using System.Runtime.InteropServices;

namespace WsManSvp.Hypervisor.Libvirt.Native;

/// <summary>Domain snapshot calls.</summary>
internal static partial class Virt
{
    // virDomainSnapshotCreateFlags
    public const uint SnapshotCreateDiskOnly = 16;

    [LibraryImport(Library, EntryPoint = "virDomainSnapshotFree")]
    public static partial int DomainSnapshotFree(IntPtr snapshot);

    [LibraryImport(Library, EntryPoint = "virDomainSnapshotCreateXML", StringMarshalling = StringMarshalling.Utf8)]
    public static partial SnapshotHandle DomainSnapshotCreateXml(DomainHandle domain, string xml, uint flags);

    [LibraryImport(Library, EntryPoint = "virDomainListAllSnapshots")]
    public static partial int DomainListAllSnapshots(DomainHandle domain, out IntPtr snapshots, uint flags);

    [LibraryImport(Library, EntryPoint = "virDomainSnapshotLookupByName", StringMarshalling = StringMarshalling.Utf8)]
    public static partial SnapshotHandle DomainSnapshotLookupByName(DomainHandle domain, string name, uint flags);

    /// <summary>Owned by the snapshot object: not freed.</summary>
    [LibraryImport(Library, EntryPoint = "virDomainSnapshotGetName")]
    public static partial IntPtr DomainSnapshotGetName(SnapshotHandle snapshot);

    /// <summary>Freed by the caller.</summary>
    [LibraryImport(Library, EntryPoint = "virDomainSnapshotGetXMLDesc")]
    public static partial IntPtr DomainSnapshotGetXmlDesc(SnapshotHandle snapshot, uint flags);

    [LibraryImport(Library, EntryPoint = "virDomainSnapshotIsCurrent")]
    public static partial int DomainSnapshotIsCurrent(SnapshotHandle snapshot, uint flags);

    [LibraryImport(Library, EntryPoint = "virDomainRevertToSnapshot")]
    public static partial int DomainRevertToSnapshot(SnapshotHandle snapshot, uint flags);

    [LibraryImport(Library, EntryPoint = "virDomainSnapshotDelete")]
    public static partial int DomainSnapshotDelete(SnapshotHandle snapshot, uint flags);
}
