using System.Runtime.InteropServices;

namespace WsManSvp.Hypervisor.Libvirt.Native;

/// <summary>Domain calls.</summary>
internal static partial class Virt
{
    public const int UuidStringLength = 37;

    // virDomainState
    public const int StateNoState = 0, StateRunning = 1, StateBlocked = 2, StatePaused = 3, StateShutdown = 4,
        StateShutoff = 5, StateCrashed = 6, StatePmSuspended = 7;

    // virDomainXMLFlags
    public const uint DomainXmlInactive = 2;

    // virDomainUndefineFlagsValues
    public const uint UndefineManagedSave = 1, UndefineSnapshotsMetadata = 2, UndefineNvram = 4;

    [LibraryImport(Library, EntryPoint = "virDomainFree")]
    public static partial int DomainFree(IntPtr domain);

    [LibraryImport(Library, EntryPoint = "virConnectListAllDomains")]
    public static partial int ConnectListAllDomains(ConnectHandle conn, out IntPtr domains, uint flags);

    [LibraryImport(Library, EntryPoint = "virDomainLookupByUUIDString", StringMarshalling = StringMarshalling.Utf8)]
    public static partial DomainHandle DomainLookupByUuidString(ConnectHandle conn, string uuid);

    [LibraryImport(Library, EntryPoint = "virDomainLookupByName", StringMarshalling = StringMarshalling.Utf8)]
    public static partial DomainHandle DomainLookupByName(ConnectHandle conn, string name);

    [LibraryImport(Library, EntryPoint = "virDomainGetUUIDString")]
    public static unsafe partial int DomainGetUuidString(DomainHandle domain, byte* buffer);

    /// <summary>The same on a domain pointer libvirt lends to an event callback.</summary>
    [LibraryImport(Library, EntryPoint = "virDomainGetUUIDString")]
    public static unsafe partial int DomainGetUuidString(IntPtr domain, byte* buffer);

    /// <summary>Owned by the domain object: not freed.</summary>
    [LibraryImport(Library, EntryPoint = "virDomainGetName")]
    public static partial IntPtr DomainGetName(DomainHandle domain);

    [LibraryImport(Library, EntryPoint = "virDomainGetState")]
    public static partial int DomainGetState(DomainHandle domain, out int state, out int reason, uint flags);

    [LibraryImport(Library, EntryPoint = "virDomainHasManagedSaveImage")]
    public static partial int DomainHasManagedSaveImage(DomainHandle domain, uint flags);

    /// <summary>Freed by the caller.</summary>
    [LibraryImport(Library, EntryPoint = "virDomainGetXMLDesc")]
    public static partial IntPtr DomainGetXmlDesc(DomainHandle domain, uint flags);

    /// <summary>Freed by the caller.</summary>
    [LibraryImport(Library, EntryPoint = "virDomainManagedSaveGetXMLDesc")]
    public static partial IntPtr DomainManagedSaveGetXmlDesc(DomainHandle domain, uint flags);

    [LibraryImport(Library, EntryPoint = "virDomainManagedSaveRemove")]
    public static partial int DomainManagedSaveRemove(DomainHandle domain, uint flags);

    [LibraryImport(Library, EntryPoint = "virDomainDefineXML", StringMarshalling = StringMarshalling.Utf8)]
    public static partial DomainHandle DomainDefineXml(ConnectHandle conn, string xml);

    [LibraryImport(Library, EntryPoint = "virDomainUndefineFlags")]
    public static partial int DomainUndefineFlags(DomainHandle domain, uint flags);

    [LibraryImport(Library, EntryPoint = "virDomainCreate")]
    public static partial int DomainCreate(DomainHandle domain);

    [LibraryImport(Library, EntryPoint = "virDomainDestroy")]
    public static partial int DomainDestroy(DomainHandle domain);

    [LibraryImport(Library, EntryPoint = "virDomainShutdown")]
    public static partial int DomainShutdown(DomainHandle domain);

    [LibraryImport(Library, EntryPoint = "virDomainSuspend")]
    public static partial int DomainSuspend(DomainHandle domain);

    [LibraryImport(Library, EntryPoint = "virDomainResume")]
    public static partial int DomainResume(DomainHandle domain);

    [LibraryImport(Library, EntryPoint = "virDomainManagedSave")]
    public static partial int DomainManagedSave(DomainHandle domain, uint flags);

    [LibraryImport(Library, EntryPoint = "virDomainReboot")]
    public static partial int DomainReboot(DomainHandle domain, uint flags);

    [LibraryImport(Library, EntryPoint = "virDomainReset")]
    public static partial int DomainReset(DomainHandle domain, uint flags);
}
