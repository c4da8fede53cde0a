using System.Runtime.InteropServices;

namespace WsManSvp.Hypervisor.Libvirt.Native;

/// <summary>Network calls.</summary>
internal static partial class Virt
{
    [LibraryImport(Library, EntryPoint = "virNetworkFree")]
    public static partial int NetworkFree(IntPtr network);

    [LibraryImport(Library, EntryPoint = "virConnectListAllNetworks")]
    public static partial int ConnectListAllNetworks(ConnectHandle conn, out IntPtr networks, uint flags);

    /// <summary>Owned by the network object: not freed.</summary>
    [LibraryImport(Library, EntryPoint = "virNetworkGetName")]
    public static partial IntPtr NetworkGetName(NetworkHandle network);
}
