using System.Runtime.InteropServices;

namespace WsManSvp.Hypervisor.Libvirt.Native;

/// <summary>libvirt's C API (libvirt.so.0), as far as the backend uses it. Connection and host calls.</summary>
internal static partial class Virt
{
    private const string Library = "libvirt.so.0";

    [LibraryImport(Library, EntryPoint = "virConnectOpen", StringMarshalling = StringMarshalling.Utf8)]
    public static partial ConnectHandle ConnectOpen(string uri);

    [LibraryImport(Library, EntryPoint = "virConnectClose")]
    public static partial int ConnectClose(IntPtr conn);

    [LibraryImport(Library, EntryPoint = "virConnectIsAlive")]
    public static partial int ConnectIsAlive(ConnectHandle conn);

    [LibraryImport(Library, EntryPoint = "virConnectSetKeepAlive")]
    public static partial int ConnectSetKeepAlive(ConnectHandle conn, int interval, uint count);

    /// <summary>Owned by the connection's driver: not freed.</summary>
    [LibraryImport(Library, EntryPoint = "virConnectGetType")]
    public static partial IntPtr ConnectGetType(ConnectHandle conn);

    [LibraryImport(Library, EntryPoint = "virConnectGetVersion")]
    public static partial int ConnectGetVersion(ConnectHandle conn, out ulong version);

    /// <summary>Freed by the caller.</summary>
    [LibraryImport(Library, EntryPoint = "virConnectGetHostname")]
    public static partial IntPtr ConnectGetHostname(ConnectHandle conn);

    /// <summary>Freed by the caller.</summary>
    [LibraryImport(Library, EntryPoint = "virConnectGetCapabilities")]
    public static partial IntPtr ConnectGetCapabilities(ConnectHandle conn);

    [LibraryImport(Library, EntryPoint = "virNodeGetInfo")]
    public static partial int NodeGetInfo(ConnectHandle conn, out NodeInfo info);

    [LibraryImport(Library, EntryPoint = "virConnectRegisterCloseCallback")]
    public static unsafe partial int ConnectRegisterCloseCallback(ConnectHandle conn,
        delegate* unmanaged<IntPtr, int, IntPtr, void> callback, IntPtr opaque, delegate* unmanaged<IntPtr, void> free);

    [LibraryImport(Library, EntryPoint = "virConnectUnregisterCloseCallback")]
    public static unsafe partial int ConnectUnregisterCloseCallback(ConnectHandle conn, delegate* unmanaged<IntPtr, int, IntPtr, void> callback);

    /// <summary>virNodeInfo: the model, memory in KiB and the processors of the host.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public unsafe struct NodeInfo
    {
        public fixed byte Model[32];
        public nuint MemoryKiB;
        public uint Cpus;
        public uint Mhz;
        public uint Nodes;
        public uint Sockets;
        public uint Cores;
        public uint Threads;
    }
}
