using System.Runtime.InteropServices;

namespace WsManSvp.Hypervisor.Libvirt.Native;

/// <summary>
/// libvirt's default event loop, process-wide: registered once before the first connection is opened and
/// run by one background thread for the life of the process. It dispatches domain events, close
/// callbacks and keepalive probes of every connection.
/// </summary>
internal static class LibvirtEventLoop
{
    private static readonly Lock Gate = new();
    private static bool _started;

    public static unsafe void EnsureStarted()
    {
        lock (Gate)
        {
            if (_started) return;
            // libvirt prints every error to stderr unless a handler is set; errors reach callers as exceptions instead.
            Virt.SetErrorFunc(IntPtr.Zero, &IgnoreError);
            if (Virt.EventRegisterDefaultImpl() < 0) throw LibvirtErrors.Last("Registering libvirt's event loop");
            new Thread(Run) { IsBackground = true, Name = "libvirt event loop" }.Start();
            _started = true;
        }
    }

    private static void Run()
    {
        while (true)
        {
            if (Virt.EventRunDefaultImpl() >= 0) continue;
            Virt.ResetLastError();
            Thread.Sleep(100); // a broken loop must not spin
        }
    }

    [UnmanagedCallersOnly]
    private static void IgnoreError(IntPtr userData, IntPtr error) { }
}
