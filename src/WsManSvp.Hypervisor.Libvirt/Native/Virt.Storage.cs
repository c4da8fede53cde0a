using System.Runtime.InteropServices;

namespace WsManSvp.Hypervisor.Libvirt.Native;

/// <summary>Storage pool and volume calls.</summary>
internal static partial class Virt
{
    [LibraryImport(Library, EntryPoint = "virStoragePoolFree")]
    public static partial int StoragePoolFree(IntPtr pool);

    [LibraryImport(Library, EntryPoint = "virStorageVolFree")]
    public static partial int StorageVolFree(IntPtr volume);

    [LibraryImport(Library, EntryPoint = "virConnectListAllStoragePools")]
    public static partial int ConnectListAllStoragePools(ConnectHandle conn, out IntPtr pools, uint flags);

    /// <summary>Freed by the caller.</summary>
    [LibraryImport(Library, EntryPoint = "virStoragePoolGetXMLDesc")]
    public static partial IntPtr StoragePoolGetXmlDesc(StoragePoolHandle pool, uint flags);

    [LibraryImport(Library, EntryPoint = "virStoragePoolGetInfo")]
    public static partial int StoragePoolGetInfo(StoragePoolHandle pool, out StoragePoolInfo info);

    [LibraryImport(Library, EntryPoint = "virStorageVolLookupByPath", StringMarshalling = StringMarshalling.Utf8)]
    public static partial StorageVolHandle StorageVolLookupByPath(ConnectHandle conn, string path);

    [LibraryImport(Library, EntryPoint = "virStorageVolLookupByName", StringMarshalling = StringMarshalling.Utf8)]
    public static partial StorageVolHandle StorageVolLookupByName(StoragePoolHandle pool, string name);

    [LibraryImport(Library, EntryPoint = "virStorageVolGetInfo")]
    public static partial int StorageVolGetInfo(StorageVolHandle volume, out StorageVolInfo info);

    [LibraryImport(Library, EntryPoint = "virStorageVolCreateXML", StringMarshalling = StringMarshalling.Utf8)]
    public static partial StorageVolHandle StorageVolCreateXml(StoragePoolHandle pool, string xml, uint flags);

    [LibraryImport(Library, EntryPoint = "virStorageVolCreateXMLFrom", StringMarshalling = StringMarshalling.Utf8)]
    public static partial StorageVolHandle StorageVolCreateXmlFrom(StoragePoolHandle pool, string xml, StorageVolHandle clone, uint flags);

    [LibraryImport(Library, EntryPoint = "virStorageVolDelete")]
    public static partial int StorageVolDelete(StorageVolHandle volume, uint flags);

    [StructLayout(LayoutKind.Sequential)]
    public struct StoragePoolInfo
    {
        public int State;
        public ulong Capacity;
        public ulong Allocation;
        public ulong Available;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct StorageVolInfo
    {
        public int Type;
        public ulong Capacity;
        public ulong Allocation;
    }
}
