using System.Runtime.InteropServices;
using System.Text;
using WsManSvp.Hypervisor.Libvirt.Native;

namespace WsManSvp.Hypervisor.Libvirt;

/// <summary>What libvirt's callbacks report to: they run on the event loop thread and must only enqueue.</summary>
internal interface ILibvirtCallbackTarget
{
    void OnDomainEvent(Guid id, int eventId, int @event, int detail);

    void OnClosed(IntPtr connection, int reason);
}

/// <summary>
/// The native entry points libvirt calls back. Each registration's opaque pointer is a GCHandle to its
/// target, freed by libvirt through <see cref="FreeOpaque"/> once the registration is gone. Nothing here
/// may throw into native code.
/// </summary>
internal static unsafe class LibvirtCallbacks
{
    public static IntPtr Lifecycle => (IntPtr)(delegate* unmanaged<IntPtr, IntPtr, int, int, IntPtr, int>)&OnLifecycle;

    public static IntPtr DeviceAdded => (IntPtr)(delegate* unmanaged<IntPtr, IntPtr, IntPtr, IntPtr, void>)&OnDeviceAdded;

    public static IntPtr DeviceRemoved => (IntPtr)(delegate* unmanaged<IntPtr, IntPtr, IntPtr, IntPtr, void>)&OnDeviceRemoved;

    public static delegate* unmanaged<IntPtr, int, IntPtr, void> Closed => &OnClosed;

    public static delegate* unmanaged<IntPtr, void> Free => &FreeOpaque;

    public static IntPtr Opaque(ILibvirtCallbackTarget target) => GCHandle.ToIntPtr(GCHandle.Alloc(target));

    [UnmanagedCallersOnly]
    private static int OnLifecycle(IntPtr connection, IntPtr domain, int @event, int detail, IntPtr opaque)
    {
        Report(domain, Virt.EventIdLifecycle, @event, detail, opaque);
        return 0;
    }

    [UnmanagedCallersOnly]
    private static void OnDeviceAdded(IntPtr connection, IntPtr domain, IntPtr alias, IntPtr opaque) =>
        Report(domain, Virt.EventIdDeviceAdded, 0, 0, opaque);

    [UnmanagedCallersOnly]
    private static void OnDeviceRemoved(IntPtr connection, IntPtr domain, IntPtr alias, IntPtr opaque) =>
        Report(domain, Virt.EventIdDeviceRemoved, 0, 0, opaque);

    [UnmanagedCallersOnly]
    private static void OnClosed(IntPtr connection, int reason, IntPtr opaque)
    {
        try { ((ILibvirtCallbackTarget)GCHandle.FromIntPtr(opaque).Target!).OnClosed(connection, reason); }
        catch (Exception) { } // nothing may unwind into libvirt
    }

    [UnmanagedCallersOnly]
    private static void FreeOpaque(IntPtr opaque)
    {
        try { GCHandle.FromIntPtr(opaque).Free(); }
        catch (Exception) { }
    }

    private static void Report(IntPtr domain, int eventId, int @event, int detail, IntPtr opaque)
    {
        try
        {
            var buffer = stackalloc byte[Virt.UuidStringLength];
            if (Virt.DomainGetUuidString(domain, buffer) < 0)
            {
                Virt.ResetLastError();
                return;
            }
            var id = Guid.Parse(Encoding.ASCII.GetString(buffer, Virt.UuidStringLength - 1));
            ((ILibvirtCallbackTarget)GCHandle.FromIntPtr(opaque).Target!).OnDomainEvent(id, eventId, @event, detail);
        }
        catch (Exception) { } // nothing may unwind into libvirt
    }
}
