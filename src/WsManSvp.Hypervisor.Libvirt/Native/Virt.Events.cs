using System.Runtime.InteropServices;

namespace WsManSvp.Hypervisor.Libvirt.Native;

/// <summary>The event loop and domain event registration.</summary>
internal static partial class Virt
{
    // virDomainEventID
    public const int EventIdLifecycle = 0, EventIdDeviceRemoved = 15, EventIdDeviceAdded = 19;

    [LibraryImport(Library, EntryPoint = "virEventRegisterDefaultImpl")]
    public static partial int EventRegisterDefaultImpl();

    [LibraryImport(Library, EntryPoint = "virEventRunDefaultImpl")]
    public static partial int EventRunDefaultImpl();

    /// <summary>Registers for one event id on every domain (dom = NULL); the callback's type depends on the id.</summary>
    [LibraryImport(Library, EntryPoint = "virConnectDomainEventRegisterAny")]
    public static unsafe partial int ConnectDomainEventRegisterAny(ConnectHandle conn, IntPtr domain, int eventId,
        IntPtr callback, IntPtr opaque, delegate* unmanaged<IntPtr, void> free);

    [LibraryImport(Library, EntryPoint = "virConnectDomainEventDeregisterAny")]
    public static partial int ConnectDomainEventDeregisterAny(ConnectHandle conn, int callbackId);
}
