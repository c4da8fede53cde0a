using System.Runtime.InteropServices;

namespace WsManSvp.Hypervisor.Libvirt.Native;

/// <summary>libvirt's error reporting.</summary>
internal static partial class Virt
{
    /// <summary>The thread's last error (virErrorPtr, owned by libvirt) or null.</summary>
    [LibraryImport(Library, EntryPoint = "virGetLastError")]
    public static partial IntPtr GetLastError();

    [LibraryImport(Library, EntryPoint = "virResetLastError")]
    public static partial void ResetLastError();

    [LibraryImport(Library, EntryPoint = "virSetErrorFunc")]
    public static unsafe partial void SetErrorFunc(IntPtr userData, delegate* unmanaged<IntPtr, IntPtr, void> handler);

    /// <summary>The head of virError: code, domain (the reporting module) and message.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Error
    {
        public int Code;
        public int Domain;
        public IntPtr Message;
    }
}
