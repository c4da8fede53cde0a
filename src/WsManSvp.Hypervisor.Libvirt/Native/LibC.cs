using System.Runtime.InteropServices;

namespace WsManSvp.Hypervisor.Libvirt.Native;

/// <summary>The C library's allocator: what libvirt hands to the caller is released with free().</summary>
internal static partial class LibC
{
    [LibraryImport("libc.so.6", EntryPoint = "free")]
    public static partial void Free(IntPtr pointer);

    /// <summary>Copies a string libvirt returned for the caller, then frees it; null for a null pointer.</summary>
    public static string? TakeString(IntPtr pointer)
    {
        if (pointer == IntPtr.Zero) return null;
        try { return Marshal.PtrToStringUTF8(pointer); }
        finally { Free(pointer); }
    }
}
